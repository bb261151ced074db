using Lambada.Build.Aws.ApiGateway;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment.Triggers;

/// <summary>
/// Reads what the trigger plans compare with, and no more: GetApis once (when the project declares routes, or to find its
/// tagged APIs when something may have been dropped); GetIntegrations, GetRoutes and GetStages only when some function's
/// triggers are planned; GetFunctionUrlConfig and GetPolicy only for the functions whose triggers are planned.
/// </summary>
internal sealed class TriggerReader(FunctionUrlClient urls, PolicyClient policies, ApiGatewayClient apiGateway, string project, int parallelism)
{
    /// <summary>
    /// The API named <paramref name="apiName"/> and the other APIs that carry this project's tag. An API of that name
    /// without the tag is someone else's: the deploy stops before changing anything (LMB0320).
    /// </summary>
    public async Task<ApiState> FindApiAsync(string? apiName, CancellationToken cancellation)
    {
        var apis = await apiGateway.GetApisAsync(cancellation).ConfigureAwait(false);
        var named = apiName is null ? [] : apis.Where(a => a.Name == apiName).ToList();
        var ours = named.FirstOrDefault(Owned);
        if (named.Count > 0 && ours is null)
        {
            var owner = named[0].Tags?.GetValueOrDefault(LambadaContract.OwnershipTag);
            throw DeployFailure.Of(DiagnosticCatalogue.HttpApiNotOwned, apiName!,
                $"an HTTP API named '{apiName}' ({named[0].ApiId}) already exists and {(owner is null ? $"has no {LambadaContract.OwnershipTag} tag" : $"belongs to Lambada project '{owner}'")}, "
                + $"so Lambada changes none of it (it makes and changes only APIs tagged {LambadaContract.OwnershipTag}={project})");
        }
        var others = apis.Where(a => Owned(a) && a.Name != apiName).ToList();
        return new ApiState(ours, others);
    }

    /// <summary>The API's integrations, routes and stages (three requests).</summary>
    public async Task<ApiState> ReadDetailsAsync(ApiState state, CancellationToken cancellation)
    {
        if (state.Api is not { } api)
            return state with { DetailsRead = true };
        var integrations = apiGateway.GetIntegrationsAsync(api.ApiId, cancellation);
        var routes = apiGateway.GetRoutesAsync(api.ApiId, cancellation);
        var stages = apiGateway.GetStagesAsync(api.ApiId, cancellation);
        return state with
        {
            Integrations = await integrations.ConfigureAwait(false),
            Routes = await routes.ConfigureAwait(false),
            Stages = await stages.ConfigureAwait(false),
            DetailsRead = true,
        };
    }

    /// <summary>Each named function's URL configuration and policy, <c>parallelism</c> functions at a time.</summary>
    public async Task<IReadOnlyDictionary<string, FunctionTriggerState>> ReadFunctionsAsync(IReadOnlyCollection<string> functions, CancellationToken cancellation)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, FunctionTriggerState>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(functions, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation },
            async (name, token) =>
            {
                var url = await urls.GetAsync(name, token).ConfigureAwait(false);
                var policy = await policies.GetPolicyAsync(name, token).ConfigureAwait(false);
                found[name] = new FunctionTriggerState(url, policy?.Statements ?? []);
            }).ConfigureAwait(false);
        return found;
    }

    private bool Owned(HttpApi api) => api.Tags?.GetValueOrDefault(LambadaContract.OwnershipTag) == project;
}
