namespace Lambada.Build.Deployment;

/// <summary>Every function's outcome plus the number of AWS requests made (and how many of them changed something).</summary>
internal sealed record DeployResult(IReadOnlyList<FunctionOutcome> Outcomes, int Requests, int MutatingRequests)
{
    public bool Succeeded => Outcomes.All(o => o.Kind != OutcomeKind.Failed);
}
