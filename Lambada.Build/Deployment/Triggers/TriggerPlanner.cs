using Lambada.Build.Aws.Lambda;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment.Triggers;

/// <summary>What the planner knows besides one function: the region, the API's state, every route key the project declares, prune.</summary>
internal sealed record TriggerContext(string Region, ApiState Api, IReadOnlySet<string> DeclaredRouteKeys, bool Prune)
{
    /// <summary>The project declares routes and its API does not exist yet: this deploy makes it, so every API statement is renewed.</summary>
    public bool ApiToBeCreated { get; init; }
}

/// <summary>
/// Compares a function's <c>[LambadaUrl]</c> and <c>[LambadaHttp]</c> with what Lambda and API Gateway hold, field by field,
/// and says each change in the plan's words. Pure: no AWS calls. The statements follow the triggers as they will be after
/// the deploy: a URL or route left in place (no LambadaPrune) keeps its statement; one that changed or went away loses it.
/// </summary>
internal static class TriggerPlanner
{
    public static TriggerPlan Plan(FunctionDefinition function, string? functionArn, FunctionTriggerState state, TriggerContext context)
    {
        var changes = new List<TriggerChange>();
        var left = new List<string>();

        // The URL.
        if (function.Url is { } url)
        {
            var settings = TriggerSettings.UrlSettings(url);
            if (state.Url is not { } remote)
                changes.Add(new TriggerChange(TriggerStepKind.CreateUrl, $"url: none -> {url.AuthType}") { Url = settings });
            else if (UrlDifferences(settings, remote) is { Count: > 0 } differences)
                changes.Add(new TriggerChange(TriggerStepKind.UpdateUrl, string.Join("; ", differences)) { Url = settings });
        }
        else if (state.Url is { } remote)
        {
            if (context.Prune)
                changes.Add(new TriggerChange(TriggerStepKind.DeleteUrl, $"url: {remote.AuthType} -> none (LambadaPrune)"));
            else
                left.Add($"its function URL {remote.FunctionUrl} (auth {remote.AuthType}{(remote.AuthType == FunctionUrlDefinition.None ? ", open to anyone" : "")})");
        }
        var urlAuth = function.Url?.AuthType ?? (context.Prune ? null : state.Url?.AuthType);

        // The integration and the routes.
        var api = context.Api;
        var integration = api.IntegrationOf().GetValueOrDefault(function.Name);
        if (function.Routes.Count > 0 && integration is null)
            changes.Add(new TriggerChange(TriggerStepKind.Integration, "integration: new (AWS_PROXY, payload 2.0)"));
        foreach (var route in function.Routes.OrderBy(r => r.RouteKey, StringComparer.Ordinal))
        {
            var existing = api.Routes.FirstOrDefault(r => r.RouteKey == route.RouteKey);
            if (existing is null)
            {
                changes.Add(new TriggerChange(TriggerStepKind.CreateRoute, $"route {route.RouteKey}: new ({route.AuthorizationType})")
                {
                    RouteKey = route.RouteKey,
                    AuthorizationType = route.AuthorizationType,
                });
                continue;
            }
            var differences = new List<string>();
            if (integration is null || existing.Target != $"integrations/{integration}")
                differences.Add($"{api.TargetOf(existing) ?? "no target"} -> {function.Name}");
            var remoteAuth = existing.AuthorizationType ?? HttpRouteDefinition.None;
            if (remoteAuth != route.AuthorizationType)
                differences.Add($"auth {remoteAuth} -> {route.AuthorizationType}");
            if (differences.Count > 0)
                changes.Add(new TriggerChange(TriggerStepKind.UpdateRoute, $"route {route.RouteKey}: {string.Join(", ", differences)}")
                {
                    RouteKey = route.RouteKey,
                    RouteId = existing.RouteId,
                    AuthorizationType = route.AuthorizationType,
                });
        }
        // Without LambadaPrune routes no attribute declares stay, and so does the statement that lets them call: those of the
        // API (read) that point here, or any of an API left in place whose routes were not read.
        var routesLeft = !context.Prune && (api.Routes.Any(r => !context.DeclaredRouteKeys.Contains(r.RouteKey) && api.TargetOf(r) == function.Name)
                                            || (api.OtherOwned.Count > 0 && state.Statements.Any(s => s.Sid == TriggerSettings.HttpApiSid)));
        var routes = function.Routes.Count > 0 || routesLeft;

        // The statements.
        var account = TriggerSettings.AccountOf(functionArn);
        var sourceArn = account is not null && api.Api is { } known ? TriggerSettings.ApiSourceArn(context.Region, account, known.ApiId) : null;
        var wanted = Permissions.Wanted(urlAuth, routes);
        var lambadas = state.Statements.Where(Permissions.IsLambadas).ToList();
        var removes = new List<TriggerChange>();
        var adds = new List<TriggerChange>();
        foreach (var sid in wanted)
        {
            var existing = lambadas.Where(s => s.Sid == sid).ToList();
            if (existing.Count == 0)
            {
                adds.Add(new TriggerChange(TriggerStepKind.AddPermission, $"permission {sid}: add") { Sid = sid });
                continue;
            }
            var request = sid == TriggerSettings.HttpApiSid && sourceArn is null ? null : Permissions.Request(sid, sourceArn);
            if (request is not null && existing.Any(s => Permissions.Matches(s, request)))
                continue;
            // No API to compare the SourceArn with (the routes are on an API left in place, not read): the statement stays.
            if (request is null && !context.ApiToBeCreated)
                continue;
            var before = existing[0];
            var what = sid == TriggerSettings.HttpApiSid ? $"SourceArn {before.SourceArn ?? "none"} -> {sourceArn ?? "the new API"}"
                : $"{before.Action} {before.Principal} -> {request?.Action} {request?.Principal}";
            removes.Add(new TriggerChange(TriggerStepKind.RemovePermission, $"permission {sid}: replace ({what})") { Sid = sid });
            adds.Add(new TriggerChange(TriggerStepKind.AddPermission, $"permission {sid}: add") { Sid = sid });
        }
        foreach (var statement in lambadas.Where(s => !wanted.Contains(s.Sid)).DistinctBy(s => s.Sid))
            if (Permissions.IsKnown(statement.Sid) || context.Prune)
                removes.Add(new TriggerChange(TriggerStepKind.RemovePermission, $"permission {statement.Sid}: remove") { Sid = statement.Sid });

        return new TriggerPlan(function.Name, [.. changes, .. removes, .. adds]) { LeftInPlace = left };
    }

    /// <summary>The API's own changes, from every declared function at once.</summary>
    public static ApiPlan PlanApi(string? apiName, IReadOnlyList<FunctionDefinition> functions, TriggerContext context)
    {
        var before = new List<ApiChange>();
        var after = new List<ApiChange>();
        var left = new List<string>();
        var state = context.Api;
        if (apiName is not null && state.Api is null)
        {
            before.Add(new ApiChange(ApiStepKind.CreateApi, $"http api {apiName}: new"));
            before.Add(new ApiChange(ApiStepKind.CreateStage, $"stage {TriggerSettings.StageName}: new (auto-deploy)"));
        }
        else if (state.Api is { } api && state.DetailsRead)
        {
            if (!state.Stages.Any(s => s.StageName == TriggerSettings.StageName))
                before.Add(new ApiChange(ApiStepKind.CreateStage, $"stage {TriggerSettings.StageName}: new (auto-deploy)") { ApiId = api.ApiId });
            foreach (var route in state.Routes.Where(r => !context.DeclaredRouteKeys.Contains(r.RouteKey)))
            {
                if (context.Prune)
                    after.Add(new ApiChange(ApiStepKind.DeleteRoute, $"route {route.RouteKey}: delete (LambadaPrune)") { ApiId = api.ApiId, Id = route.RouteId });
                else
                    left.Add($"route {route.RouteKey} -> {state.TargetOf(route) ?? "no target"}");
            }
            if (context.Prune)
            {
                var used = state.IntegrationOf(functions.Where(f => f.Routes.Count > 0).Select(f => f.Name)).Values.ToHashSet(StringComparer.Ordinal);
                foreach (var integration in state.Integrations.Where(i => !used.Contains(i.IntegrationId)))
                    after.Add(new ApiChange(ApiStepKind.DeleteIntegration,
                        $"integration {TriggerSettings.FunctionOf(integration.IntegrationUri) ?? integration.IntegrationId}: delete (LambadaPrune, no route uses it)")
                    {
                        ApiId = api.ApiId,
                        Id = integration.IntegrationId,
                    });
            }
        }
        foreach (var other in state.OtherOwned)
        {
            if (context.Prune)
                after.Add(new ApiChange(ApiStepKind.DeleteApi, $"http api {other.Name}: delete (LambadaPrune, no route declares it)") { ApiId = other.ApiId });
            else
                left.Add($"http api {other.Name} ({other.ApiId}), which no route declares any more");
        }
        return new ApiPlan(apiName, before, after) { LeftInPlace = left };
    }

    /// <summary>Each field of the URL that differs, as <c>url: NONE -> AWS_IAM</c>, <c>url.cors.allowOrigins: [] -> [https://a.example]</c>.</summary>
    public static IReadOnlyList<string> UrlDifferences(FunctionUrlSettings desired, FunctionUrlConfig remote)
    {
        var differences = new List<string>();
        if (!string.Equals(remote.AuthType, desired.AuthType, StringComparison.OrdinalIgnoreCase))
            differences.Add($"url: {remote.AuthType ?? "none"} -> {desired.AuthType}");
        // moto answers "Buffered" where AWS says BUFFERED; absent is BUFFERED on both.
        var remoteMode = remote.InvokeMode ?? FunctionUrlDefinition.Buffered;
        if (!string.Equals(remoteMode, desired.InvokeMode, StringComparison.OrdinalIgnoreCase))
            differences.Add($"url.invokeMode: {remoteMode.ToUpperInvariant()} -> {desired.InvokeMode}");
        var before = TriggerSettings.Normal(remote.Cors) ?? new FunctionUrlCors();
        var after = desired.Cors ?? new FunctionUrlCors();
        Compare("allowOrigins", before.AllowOrigins, after.AllowOrigins);
        Compare("allowMethods", before.AllowMethods, after.AllowMethods);
        Compare("allowHeaders", before.AllowHeaders, after.AllowHeaders);
        Compare("exposeHeaders", before.ExposeHeaders, after.ExposeHeaders);
        if ((before.AllowCredentials ?? false) != (after.AllowCredentials ?? false))
            differences.Add($"url.cors.allowCredentials: {Bool(before.AllowCredentials)} -> {Bool(after.AllowCredentials)}");
        if ((before.MaxAge ?? 0) != (after.MaxAge ?? 0))
            differences.Add($"url.cors.maxAge: {before.MaxAge ?? 0} -> {after.MaxAge ?? 0}");
        return differences;

        void Compare(string field, IReadOnlyList<string>? was, IReadOnlyList<string>? wanted)
        {
            var a = (was ?? []).Order(StringComparer.OrdinalIgnoreCase);
            var b = (wanted ?? []).Order(StringComparer.OrdinalIgnoreCase);
            if (!a.SequenceEqual(b, StringComparer.OrdinalIgnoreCase))
                differences.Add($"url.cors.{field}: {TriggerSettings.List(was)} -> {TriggerSettings.List(wanted)}");
        }

        static string Bool(bool? value) => value == true ? "true" : "false";
    }

    /// <summary>The route keys the project declares, across all its functions.</summary>
    public static IReadOnlySet<string> DeclaredRouteKeys(IEnumerable<FunctionDefinition> functions) =>
        functions.SelectMany(f => f.Routes).Select(r => r.RouteKey).ToHashSet(StringComparer.Ordinal);
}
