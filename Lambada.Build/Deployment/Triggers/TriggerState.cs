using Lambada.Build.Aws.ApiGateway;
using Lambada.Build.Aws.Lambda;

namespace Lambada.Build.Deployment.Triggers;

/// <summary>What Lambda holds of one function's triggers: its URL configuration (null: none) and its policy's statements.</summary>
internal sealed record FunctionTriggerState(FunctionUrlConfig? Url, IReadOnlyList<PolicyStatement> Statements)
{
    /// <summary>A function being created has neither, so nothing is read for it.</summary>
    public static FunctionTriggerState Empty { get; } = new(null, []);
}

/// <summary>
/// What API Gateway holds of the project's HTTP API: the API found by name (null: none yet), other APIs carrying this
/// project's tag, and — only when some function's triggers are planned — its integrations, routes and stages
/// (<see cref="DetailsRead"/>).
/// </summary>
internal sealed record ApiState(HttpApi? Api, IReadOnlyList<HttpApi> OtherOwned)
{
    public static ApiState None { get; } = new(null, []);

    public IReadOnlyList<ApiIntegration> Integrations { get; init; } = [];
    public IReadOnlyList<ApiRoute> Routes { get; init; } = [];
    public IReadOnlyList<ApiStage> Stages { get; init; } = [];

    /// <summary>Integrations, routes and stages were read (always true of an API that does not exist yet: it has none).</summary>
    public bool DetailsRead { get; init; }

    /// <summary>The integration id of each function (the first AWS_PROXY payload-2.0 integration whose URI names it).</summary>
    public IReadOnlyDictionary<string, string> IntegrationOf(IEnumerable<string>? functions = null)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var integration in Integrations)
            if (TriggerSettings.FunctionOf(integration.IntegrationUri) is { } function && IsLambadaShaped(integration))
                map.TryAdd(function, integration.IntegrationId);
        return functions is null ? map : map.Where(e => functions.Contains(e.Key)).ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>The function a route's target integration points at, or the raw target when it is not a Lambda integration.</summary>
    public string? TargetOf(ApiRoute route)
    {
        var id = route.Target is { } target && target.StartsWith("integrations/", StringComparison.Ordinal) ? target["integrations/".Length..] : null;
        var integration = Integrations.FirstOrDefault(i => i.IntegrationId == id);
        return TriggerSettings.FunctionOf(integration?.IntegrationUri) ?? route.Target;
    }

    public static bool IsLambadaShaped(ApiIntegration integration) =>
        string.Equals(integration.IntegrationType, "AWS_PROXY", StringComparison.OrdinalIgnoreCase)
        && (integration.PayloadFormatVersion is null or "2.0");
}
