namespace Lambada.Build.Deployment;

/// <summary>Every function's outcome plus the number of AWS requests made (and how many of them changed something).</summary>
internal sealed record DeployResult(IReadOnlyList<FunctionOutcome> Outcomes, int Requests, int MutatingRequests)
{
    /// <summary>The report's lines after the table: the API's changes, each function URL and each route's invoke URL (<see cref="Triggers.TriggerReport"/>).</summary>
    public IReadOnlyList<string> TriggerLines { get; init; } = [];

    public bool Succeeded => Outcomes.All(o => o.Kind != OutcomeKind.Failed);
}
