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
/// under <c>Condition</c>; moto keeps them as top-level keys, so those are not compared (match on the sid). They are read
/// from either place into <see cref="FunctionUrlAuthType"/> and <see cref="InvokedViaFunctionUrl"/>, for reports.
/// </summary>
internal sealed record PolicyStatement(string Sid)
{
    /// <summary>The action; a list of actions comma-joined.</summary>
    public string? Action { get; init; }

    /// <summary><c>*</c>, the <c>Service</c> value (<c>apigateway.amazonaws.com</c>) or the <c>AWS</c> value (an account ARN).</summary>
    public string? Principal { get; init; }

    /// <summary>The <c>AWS:SourceArn</c> of the statement's <c>ArnLike</c> condition.</summary>
    public string? SourceArn { get; init; }

    /// <summary><c>lambda:FunctionUrlAuthType</c> (AWS: a <c>StringEquals</c> condition; moto: a top-level key).</summary>
    public string? FunctionUrlAuthType { get; init; }

    /// <summary><c>lambda:InvokedViaFunctionUrl</c> (AWS: a <c>Bool</c> condition <c>"true"</c>; moto: a top-level key).</summary>
    public bool? InvokedViaFunctionUrl { get; init; }
}
