using Lambada.Build.Aws.Lambda;

namespace Lambada.Build.Deployment.Triggers;

internal enum TriggerStepKind { CreateUrl, UpdateUrl, DeleteUrl, Integration, CreateRoute, UpdateRoute, RemovePermission, AddPermission }

/// <summary>
/// One change to a function's triggers: <see cref="Words"/> is what the plan, the table's changes column and a failure's
/// done/not-done lists all print (<c>url: none -> AWS_IAM</c>, <c>route GET /x: lb_a -> lb_b</c>, <c>permission LambadaUrlPublic: add</c>).
/// </summary>
internal sealed record TriggerChange(TriggerStepKind Kind, string Words)
{
    public FunctionUrlSettings? Url { get; init; }
    public string? RouteKey { get; init; }
    public string? RouteId { get; init; }
    public string? AuthorizationType { get; init; }
    public string? Sid { get; init; }

    public override string ToString() => Words;
}

/// <summary>What a deploy will do to one function's URL, routes and statements, in the order it is done; and what it leaves in place.</summary>
internal sealed record TriggerPlan(string Function, IReadOnlyList<TriggerChange> Changes)
{
    public static TriggerPlan None(string function) => new(function, []);

    /// <summary>Trigger state no attribute declares any more, left as it is because LambadaPrune is off (said as a warning).</summary>
    public IReadOnlyList<string> LeftInPlace { get; init; } = [];

    public bool HasChanges => Changes.Count > 0;

    public string Summary => string.Join("; ", Changes.Select(c => c.Words));
}

internal enum ApiStepKind { CreateApi, CreateStage, DeleteRoute, DeleteIntegration, DeleteApi }

/// <summary>One change to the project's HTTP API as a whole (not any one function's).</summary>
internal sealed record ApiChange(ApiStepKind Kind, string Words)
{
    public string? ApiId { get; init; }
    public string? Id { get; init; }

    public override string ToString() => Words;
}

/// <summary>
/// The API's own changes: created with its <c>$default</c> stage before any function is applied
/// (<see cref="Before"/>), cleaned up after all of them (<see cref="After"/>: routes no attribute declares, integrations no
/// route uses, the API once no route is left — LambadaPrune only).
/// </summary>
internal sealed record ApiPlan(string? Name, IReadOnlyList<ApiChange> Before, IReadOnlyList<ApiChange> After)
{
    public static ApiPlan None { get; } = new(null, [], []);

    public IReadOnlyList<string> LeftInPlace { get; init; } = [];

    public IEnumerable<ApiChange> All => Before.Concat(After);
}
