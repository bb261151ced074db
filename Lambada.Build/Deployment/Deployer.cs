using Lambada.Build.Aws;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Deployment.Triggers;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>
/// The Apply stage (DESIGN §6): read remote state (<see cref="RemoteReader"/>: the region's list or each function on its
/// own, whichever takes fewer requests), resolve roles, plan every function, then (unless only planning) apply the plans
/// in parallel. One function's failure never stops the others.
/// </summary>
internal sealed class Deployer(AwsClients aws, DeployOptions options, FunctionWaiter waiter, IDeployLog log)
{
    public async Task<DeployResult> RunAsync(FunctionsManifest manifest, string packagePath, string codeSha256, CancellationToken cancellation)
    {
        var declared = manifest.Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        // Prune must find owned functions no attribute names any more, so it always reads the whole region.
        var state = await new RemoteReader(aws.Lambda, options.Parallelism, log).ReadAsync(declared, wholeRegion: options.Prune, cancellation).ConfigureAwait(false);
        var remote = state.Functions;
        var record = DeployRecord.PathFor(packagePath, aws.Region);
        var leftInPlace = options.Prune ? [] : await LeftInPlaceAsync(record, declared, state.Region, cancellation).ConfigureAwait(false);
        var package = new PackageSource(packagePath, codeSha256, manifest.Assembly, options.S3Bucket, options.S3Prefix, aws.Uploader);
        var roles = new RoleResolver(aws.Iam, aws.Identity, options.Project, options.CreateRoles, options.PlanOnly, log);

        var planned = await Task.WhenAll(manifest.Functions.Select(f => PlanAsync(f, remote.GetValueOrDefault(f.Name), roles, codeSha256, manifest.HttpApiName, cancellation))).ConfigureAwait(false);
        var plans = planned.ToList();
        if (options.Prune)
            plans.AddRange(await PrunePlansAsync(manifest, state.Region!, cancellation).ConfigureAwait(false));

        // The HTTP triggers: read and planned only where a change can be (TriggerDeploy), applied after each function's own steps.
        var recorded = DeployRecord.ReadContent(record);
        var triggers = new TriggerDeploy(aws, options, manifest, recorded, log);
        var withTriggers = await triggers.PlanAsync(plans.Select(p => p.Plan).ToList(), cancellation).ConfigureAwait(false);
        plans = plans.Select((p, i) => p with { Plan = withTriggers[i] }).ToList();

        var outcomes = options.PlanOnly
            ? plans.Select(p => p.Outcome ?? Planned(p.Plan!)).ToList()
            : await ApplyAsync(plans, package, triggers, cancellation).ConfigureAwait(false);
        var failed = outcomes.Where(o => o.Kind == OutcomeKind.Failed).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var urls = triggers.KnownUrls();
        await triggers.FillMissingUrlsAsync(urls, failed, cancellation).ConfigureAwait(false);
        if (!options.PlanOnly)
            DeployRecord.Write(record, triggers.Record([.. declared.Concat(leftInPlace).Distinct(StringComparer.Ordinal)], urls));
        var lines = TriggerReport.Format(manifest.Functions, urls, triggers.ApiEndpoint, triggers.ApiId, aws.Region, triggers.ApiPlan, failed);
        return new DeployResult(outcomes, aws.Http.Requests, aws.Http.MutatingRequests) { TriggerLines = lines };
    }

    /// <summary>Names (in one line) the owned functions that lost their attribute; returns them and any it could not check, to keep recording.</summary>
    private async Task<IReadOnlyList<string>> LeftInPlaceAsync(string record, IReadOnlySet<string> declared, IReadOnlyList<FunctionConfiguration>? region,
        CancellationToken cancellation)
    {
        var candidates = DroppedFunctions.Candidates(DeployRecord.Read(record), declared, region);
        if (candidates.Count == 0)
            return [];
        var (owned, notChecked) = await new DroppedFunctions(aws.Lambda, options.Project, options.Parallelism).FindAsync(candidates, cancellation).ConfigureAwait(false);
        if (owned.Count > 0)
            log.Info(DroppedFunctions.Line(options.Project, owned));
        return [.. owned, .. notChecked];
    }

    private async Task<PlanOrFailure> PlanAsync(FunctionDefinition definition, FunctionConfiguration? remote, RoleResolver roles, string codeSha256,
        string? httpApiName, CancellationToken cancellation)
    {
        var spec = new RoleSpec(definition.Role);
        try
        {
            // The role the function already has satisfies its spec: no IAM call, so an unchanged redeploy makes only the reads.
            var roleArn = remote?.Role is { } current && spec.Matches(current) ? current : null;
            if (roleArn is null)
            {
                var resolved = await roles.ResolveAsync(spec, cancellation).ConfigureAwait(false);
                if (resolved.Incomplete is { } incomplete)
                    return new PlanOrFailure(null, null, Failed(definition, incomplete.Error, $"resolving role '{spec}': {incomplete.Message}") with
                    {
                        Done = incomplete.Done,
                        NotDone = [.. incomplete.NotDone, remote is null ? "create" : "update"],
                    });
                roleArn = resolved.Arn;
            }
            var plan = Planner.Plan(DesiredFunction.From(definition, options.Project, httpApiName), remote, roleArn, codeSha256);
            RuntimeRetirementCheck.Ensure(plan, RuntimeLifecycle.Today(options.Clock));
            return new PlanOrFailure(plan, roleArn, null);
        }
        catch (LambadaException e)
        {
            return new PlanOrFailure(null, null, Failed(definition, e.Descriptor, DeployFailure.What(e)));
        }
        catch (Aws.Http.AwsServiceException e)
        {
            return new PlanOrFailure(null, null, Failed(definition, AwsFailures.Descriptor(e), $"resolving role '{spec}': {e.Summary}"));
        }
    }

    private static FunctionOutcome Failed(FunctionDefinition definition, DiagnosticDescriptor error, string message) =>
        new(definition.Name, OutcomeKind.Failed) { Error = error, ErrorMessage = message };

    /// <summary>Only functions Lambada deployed (they carry LAMBADA_HANDLER) are asked for their tags; a delete needs this project's tag.</summary>
    private async Task<IEnumerable<PlanOrFailure>> PrunePlansAsync(FunctionsManifest manifest, IEnumerable<FunctionConfiguration> remote, CancellationToken cancellation)
    {
        var declared = manifest.Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var candidates = remote.Where(f => !declared.Contains(f.FunctionName)
                                          && f.Environment?.Variables?.ContainsKey(LambadaContract.HandlerVariable) == true).ToList();
        var plans = new List<PlanOrFailure>();
        foreach (var candidate in candidates)
        {
            var tags = await aws.Lambda.ListTagsAsync(candidate.FunctionArn, cancellation).ConfigureAwait(false);
            if (tags.TryGetValue(LambadaContract.OwnershipTag, out var owner) && owner == options.Project)
                plans.Add(new PlanOrFailure(new FunctionPlan(candidate.FunctionName, PlannedAction.Delete, null, candidate), null, null));
        }
        return plans;
    }

    /// <summary>The API (and its stage) first, then the functions in parallel, each with its triggers, then the API's prune.</summary>
    private async Task<List<FunctionOutcome>> ApplyAsync(IReadOnlyList<PlanOrFailure> plans, PackageSource package, TriggerDeploy triggers, CancellationToken cancellation)
    {
        var applier = new FunctionApplier(aws.Lambda, waiter, package, options.Project, options.Publish, log, await triggers.PrepareAsync(cancellation).ConfigureAwait(false));
        using var slots = new SemaphoreSlim(Math.Max(1, options.Parallelism));
        var tasks = plans.Select(async p =>
        {
            if (p.Outcome is not null)
                return p.Outcome;
            await slots.WaitAsync(cancellation).ConfigureAwait(false);
            try
            {
                // Delete plans have no role; an unchanged one makes no call and gives its slot back at once.
                return await applier.ApplyAsync(p.Plan!, p.RoleArn ?? "", cancellation).ConfigureAwait(false);
            }
            finally
            {
                slots.Release();
            }
        });
        var outcomes = (await Task.WhenAll(tasks).ConfigureAwait(false)).ToList();
        if (await triggers.CleanUpAsync(cancellation).ConfigureAwait(false) is { } apiFailure)
            outcomes.Add(apiFailure);
        return outcomes;
    }

    private static FunctionOutcome Planned(FunctionPlan plan) => new(plan.Name, OutcomeKind.Planned)
    {
        MemorySize = plan.Desired?.Definition.MemorySize ?? plan.Remote?.MemorySize,
        Timeout = plan.Desired?.Definition.Timeout ?? plan.Remote?.Timeout,
        CodeSha256 = plan.Remote?.CodeSha256,
        Arn = plan.Remote?.FunctionArn,
        Version = plan.Remote?.Version,
        Detail = $"{plan.ShownAction.ToString().ToLowerInvariant()}: {plan.Summary}",
    };

    private sealed record PlanOrFailure(FunctionPlan? Plan, string? RoleArn, FunctionOutcome? Outcome);
}
