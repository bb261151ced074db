namespace Lambada.Build.Aws.Lambda;

/// <summary>One AddPermission body (PascalCase on the wire; nulls left out).</summary>
internal sealed record PermissionRequest(string StatementId, string Action, string Principal)
{
    public string? SourceArn { get; init; }
    public string? SourceAccount { get; init; }
    public string? FunctionUrlAuthType { get; init; }
    public bool? InvokedViaFunctionUrl { get; init; }
}

/// <summary>A function's policy document: its statements and the revision it was read at.</summary>
internal sealed record FunctionPolicy(IReadOnlyList<PolicyStatement> Statements, string? RevisionId);

/// <summary>
/// One statement, reduced to what Lambada compares: the sid, the action, the principal (<c>*</c>, a service such as
/// <c>apigateway.amazonaws.com</c>, or an account ARN) and the <c>AWS:SourceArn</c> condition. AWS writes the URL conditions
/// under <c>Condition</c>; moto keeps them as top-level keys, so those are not compared (match on the sid).
/// </summary>
internal sealed record PolicyStatement(string Sid)
{
    public string? Action { get; init; }
    public string? Principal { get; init; }
    public string? SourceArn { get; init; }
}
