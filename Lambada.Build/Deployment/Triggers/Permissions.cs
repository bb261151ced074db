using Lambada.Build.Aws.Lambda;

namespace Lambada.Build.Deployment.Triggers;

/// <summary>
/// The resource-policy statements a function's triggers imply, each under a Lambada statement id:
/// a URL with auth NONE needs both <c>lambda:InvokeFunctionUrl</c> (<see cref="TriggerSettings.UrlPublicSid"/>) and, since
/// October 2025, <c>lambda:InvokeFunction</c> limited to calls through the URL (<see cref="TriggerSettings.UrlInvokeSid"/>);
/// an AWS_IAM URL none (callers need an identity policy); routes one for API Gateway scoped to the API
/// (<see cref="TriggerSettings.HttpApiSid"/>).
/// </summary>
internal static class Permissions
{
    public const string ApiGatewayPrincipal = "apigateway.amazonaws.com";

    /// <summary>The AddPermission body of a Lambada statement id; <paramref name="apiSourceArn"/> only for the API's.</summary>
    public static PermissionRequest Request(string sid, string? apiSourceArn) => sid switch
    {
        TriggerSettings.UrlPublicSid => new PermissionRequest(sid, "lambda:InvokeFunctionUrl", "*") { FunctionUrlAuthType = "NONE" },
        TriggerSettings.UrlInvokeSid => new PermissionRequest(sid, "lambda:InvokeFunction", "*") { InvokedViaFunctionUrl = true },
        TriggerSettings.HttpApiSid => new PermissionRequest(sid, "lambda:InvokeFunction", ApiGatewayPrincipal)
        {
            SourceArn = apiSourceArn ?? throw new ArgumentNullException(nameof(apiSourceArn)),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(sid), sid, "not a statement Lambada writes"),
    };

    /// <summary>The statement ids wanted for a URL of <paramref name="urlAuth"/> (null: none) and for routes.</summary>
    public static IReadOnlyList<string> Wanted(string? urlAuth, bool routes) =>
    [
        .. urlAuth == Model.FunctionUrlDefinition.None ? [TriggerSettings.UrlPublicSid, TriggerSettings.UrlInvokeSid] : Array.Empty<string>(),
        .. routes ? [TriggerSettings.HttpApiSid] : Array.Empty<string>(),
    ];

    /// <summary>
    /// The statement already says what the request would: same sid, action and principal, and the same SourceArn when one
    /// is asked for. moto keeps the URL conditions as raw top-level keys and AWS under <c>Condition</c>, so those are not compared.
    /// </summary>
    public static bool Matches(PolicyStatement statement, PermissionRequest wanted) =>
        statement.Sid == wanted.StatementId
        && string.Equals(statement.Action, wanted.Action, StringComparison.OrdinalIgnoreCase)
        && statement.Principal == wanted.Principal
        && (wanted.SourceArn is null || statement.SourceArn == wanted.SourceArn);

    public static bool IsLambadas(PolicyStatement statement) => statement.Sid.StartsWith(TriggerSettings.StatementPrefix, StringComparison.Ordinal);

    public static bool IsKnown(string sid) => sid is TriggerSettings.UrlPublicSid or TriggerSettings.UrlInvokeSid or TriggerSettings.HttpApiSid;
}
