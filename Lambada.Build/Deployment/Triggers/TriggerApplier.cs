using System.Collections.Concurrent;
using Lambada.Build.Aws.ApiGateway;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment.Triggers;

/// <summary>
/// Carries out the trigger plans: the API and its <c>$default</c> stage once before the functions (<see cref="EnsureApiAsync"/>),
/// each function's URL, integration, routes and statements after its own steps (<see cref="ApplyAsync"/>, in its step list,
/// so a failure says what was and was not done), and the prune of the API's leftovers once after all functions
/// (<see cref="CleanUpAsync"/>).
/// </summary>
internal sealed class TriggerApplier(FunctionUrlClient urls, PolicyClient policies, ApiGatewayClient apiGateway, string region, string project, ApiState state)
{
    private readonly ConcurrentDictionary<string, string> _urls = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _deletedUrls = new(StringComparer.Ordinal);

    public string? ApiId { get; private set; } = state.Api?.ApiId;
    public string? ApiEndpoint { get; private set; } = state.Api?.ApiEndpoint;

    /// <summary>The URLs this deploy created, changed or read, by function.</summary>
    public IReadOnlyDictionary<string, string> Urls => _urls;

    /// <summary>The functions whose URL this deploy deleted.</summary>
    public IReadOnlyCollection<string> DeletedUrls => _deletedUrls.Keys.ToList();

    public async Task EnsureApiAsync(ApiPlan plan, CancellationToken cancellation)
    {
        foreach (var change in plan.Before)
        {
            switch (change.Kind)
            {
                case ApiStepKind.CreateApi:
                    var api = await apiGateway.CreateApiAsync(plan.Name!, new Dictionary<string, string> { [LambadaContract.OwnershipTag] = project }, cancellation)
                        .ConfigureAwait(false);
                    ApiId = api.ApiId;
                    ApiEndpoint = api.ApiEndpoint;
                    break;
                case ApiStepKind.CreateStage:
                    await apiGateway.CreateStageAsync(ApiId!, TriggerSettings.StageName, autoDeploy: true, cancellation).ConfigureAwait(false);
                    break;
            }
        }
    }

    public async Task ApplyAsync(TriggerPlan plan, string functionArn, FunctionApplier.Steps steps, CancellationToken cancellation)
    {
        var name = plan.Function;
        var integration = state.IntegrationOf().GetValueOrDefault(name);
        foreach (var change in plan.Changes)
        {
            steps.Begin(change.Words);
            switch (change.Kind)
            {
                case TriggerStepKind.CreateUrl:
                    _urls[name] = (await urls.CreateAsync(name, change.Url!, cancellation).ConfigureAwait(false)).FunctionUrl;
                    break;
                case TriggerStepKind.UpdateUrl:
                    _urls[name] = (await urls.UpdateAsync(name, change.Url!, cancellation).ConfigureAwait(false)).FunctionUrl;
                    break;
                case TriggerStepKind.DeleteUrl:
                    await urls.DeleteAsync(name, cancellation).ConfigureAwait(false);
                    _deletedUrls[name] = 0;
                    break;
                case TriggerStepKind.Integration:
                    integration = (await apiGateway.CreateIntegrationAsync(ApiId!, functionArn, $"Lambada: function {name}", cancellation).ConfigureAwait(false))
                        .IntegrationId;
                    break;
                case TriggerStepKind.CreateRoute:
                    await apiGateway.CreateRouteAsync(ApiId!, change.RouteKey!, $"integrations/{integration}", change.AuthorizationType!, cancellation)
                        .ConfigureAwait(false);
                    break;
                case TriggerStepKind.UpdateRoute:
                    await apiGateway.UpdateRouteAsync(ApiId!, change.RouteId!, $"integrations/{integration}", change.AuthorizationType!, cancellation)
                        .ConfigureAwait(false);
                    break;
                case TriggerStepKind.RemovePermission:
                    await RemovePermissionAsync(name, change.Sid!, cancellation).ConfigureAwait(false);
                    break;
                case TriggerStepKind.AddPermission:
                    var sourceArn = change.Sid == TriggerSettings.HttpApiSid
                        ? TriggerSettings.ApiSourceArn(region, TriggerSettings.AccountOf(functionArn)!, ApiId!)
                        : null;
                    await policies.AddPermissionAsync(name, Permissions.Request(change.Sid!, sourceArn), cancellation).ConfigureAwait(false);
                    break;
            }
            steps.Done(change.Words);
        }
    }

    /// <summary>The API's prune, after every function: routes first, then the integrations they used, then whole APIs.</summary>
    public async Task CleanUpAsync(ApiPlan plan, FunctionApplier.Steps steps, CancellationToken cancellation)
    {
        foreach (var change in plan.After.OrderBy(c => c.Kind))
        {
            steps.Begin(change.Words);
            switch (change.Kind)
            {
                case ApiStepKind.DeleteRoute:
                    await apiGateway.DeleteRouteAsync(change.ApiId!, change.Id!, cancellation).ConfigureAwait(false);
                    break;
                case ApiStepKind.DeleteIntegration:
                    await apiGateway.DeleteIntegrationAsync(change.ApiId!, change.Id!, cancellation).ConfigureAwait(false);
                    break;
                case ApiStepKind.DeleteApi:
                    await apiGateway.DeleteApiAsync(change.ApiId!, cancellation).ConfigureAwait(false);
                    break;
            }
            steps.Done(change.Words);
        }
    }

    /// <summary>A statement already gone (removed by hand, or by a retried request whose answer was lost) is what was asked for.</summary>
    private async Task RemovePermissionAsync(string function, string sid, CancellationToken cancellation)
    {
        try
        {
            await policies.RemovePermissionAsync(function, sid, cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
        }
    }
}
