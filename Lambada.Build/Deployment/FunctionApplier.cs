using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Deployment.Triggers;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>
/// Carries out one function's plan: configuration before code, a wait between calls, the code only when its hash
/// differs, tags and reserved concurrency, then a published version and the alias. Stops at the first failure and says
/// which steps were done. The function's HTTP triggers (<see cref="TriggerApplier"/>) come after its own steps, in the same list.
/// </summary>
internal sealed class FunctionApplier(LambdaClient lambda, FunctionWaiter waiter, PackageSource package, string project, bool publish, IDeployLog log,
    TriggerApplier? triggers = null)
{
    public async Task<FunctionOutcome> ApplyAsync(FunctionPlan plan, string roleArn, CancellationToken cancellation)
    {
        using var subject = RequestSubject.Use(plan.Name);
        var steps = new Steps();
        steps.PlanLast(plan.Triggers?.Changes.Select(c => c.Words) ?? []);
        try
        {
            var outcome = plan.Action switch
            {
                PlannedAction.Create => await CreateAsync(plan.Desired!, roleArn, steps, cancellation).ConfigureAwait(false),
                PlannedAction.Update => await UpdateAsync(plan, roleArn, steps, cancellation).ConfigureAwait(false),
                PlannedAction.Delete => await DeleteAsync(plan, steps, cancellation).ConfigureAwait(false),
                _ => Row(plan.Name, OutcomeKind.Unchanged, plan.Remote!),
            };
            if (plan.Triggers is { HasChanges: true } changes && triggers is not null && outcome.Arn is { } arn)
            {
                await triggers.ApplyAsync(changes, arn, steps, cancellation).ConfigureAwait(false);
                outcome = outcome with { Kind = outcome.Kind == OutcomeKind.Unchanged ? OutcomeKind.Updated : outcome.Kind, Done = steps.DoneList.ToList() };
            }
            return outcome with { Detail = plan.Summary }; // the report names what changed in the plan's words
        }
        catch (AwsServiceException e)
        {
            return await MarkUnfinishedAsync(plan, steps.Failed(plan.Name, AwsFailures.Descriptor(e), e.Summary, e.OutcomeUnknown), cancellation).ConfigureAwait(false);
        }
        catch (LambadaException e)
        {
            return await MarkUnfinishedAsync(plan, steps.Failed(plan.Name, e.Descriptor, DeployFailure.What(e)), cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The settings digest is written with the configuration, before tags, reserved concurrency, version and alias; and a
    /// code update leaves ListFunctions matching too. So once a deploy that changed (or may have changed) something stops,
    /// <c>LAMBADA_SETTINGS</c> is overwritten with <see cref="DesiredFunction.Unfinished"/>: the next deploy then plans an
    /// update and redoes every step. This costs a request only on the failure path, never on an unchanged redeploy.
    /// When the mark cannot be written the failure says so, because the next deploy may then see nothing to do.
    /// </summary>
    private async Task<FunctionOutcome> MarkUnfinishedAsync(FunctionPlan plan, FunctionOutcome failed, CancellationToken cancellation)
    {
        // An unchanged function whose triggers were being repaired (LambadaFullRead) is marked too, so the next deploy redoes them.
        if (plan.Desired is not { } desired || plan.Action == PlannedAction.Delete
            || failed.Done.Count + failed.Unknown.Count == 0)
            return failed;
        string reason;
        try
        {
            await lambda.UpdateFunctionConfigurationAsync(plan.Name, new UpdateFunctionConfigurationRequest
            {
                Environment = new EnvironmentSettings(desired.UnfinishedEnvironment()),
            }, cancellation).ConfigureAwait(false);
            return failed;
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException" && !failed.Done.Contains("create"))
        {
            return failed; // the create whose answer was lost never happened: the next deploy creates the function
        }
        catch (AwsServiceException e)
        {
            reason = e.OutcomeUnknown ? $"{e.Summary.TrimEnd('.')}; whether it was written is unknown" : e.Summary.TrimEnd('.');
        }
        catch (LambadaException e)
        {
            reason = DeployFailure.What(e).TrimEnd('.');
        }
        return failed with
        {
            ErrorMessage = $"{failed.ErrorMessage?.TrimEnd('.')}. Lambada could not mark {plan.Name} unfinished ({reason}), so the next deploy "
                           + $"may see it as unchanged and skip what was not done; to force it, remove the {LambadaContract.SettingsVariable} "
                           + "variable from the function's environment (Lambda console), then build again",
        };
    }

    private async Task<FunctionOutcome> CreateAsync(DesiredFunction desired, string roleArn, Steps steps, CancellationToken cancellation)
    {
        var d = desired.Definition;
        steps.Plan("create", d.ReservedConcurrency is null ? null : "reserved concurrency", NeedsVersion(d, true) ? "publish version" : null, d.Alias is null ? null : $"alias {d.Alias}");
        steps.Begin("create");
        var created = await CreateOrFindOwnAsync(desired, roleArn,
            OwnedFields.CreateRequest(desired, roleArn, await package.CodeAsync().ConfigureAwait(false)), cancellation).ConfigureAwait(false);
        steps.Done("create");
        var current = await waiter.WaitAsync(d.Name, created, cancellation).ConfigureAwait(false);
        if (d.ReservedConcurrency is { } reserved)
        {
            steps.Begin("reserved concurrency");
            await lambda.PutFunctionConcurrencyAsync(d.Name, reserved, cancellation).ConfigureAwait(false);
            steps.Done("reserved concurrency");
        }
        var version = await PublishAsync(d, current, changed: true, steps, cancellation).ConfigureAwait(false);
        return Row(d.Name, OutcomeKind.Created, current, version) with { Done = steps.DoneList };
    }

    /// <summary>
    /// A CreateFunction retried after its answer was lost (connection reset) meets the function it created: 409
    /// "already exist". When that function is exactly the one asked for, the create succeeded.
    /// </summary>
    private async Task<FunctionConfiguration> CreateOrFindOwnAsync(DesiredFunction desired, string roleArn, CreateFunctionRequest request, CancellationToken cancellation)
    {
        try
        {
            return await lambda.CreateFunctionAsync(request, cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "ResourceConflictException")
        {
            var existing = await lambda.GetFunctionAsync(desired.Name, cancellation).ConfigureAwait(false);
            if (existing is null || existing.Tags?.GetValueOrDefault(LambadaContract.OwnershipTag) != project
                || Planner.Plan(desired, existing.Configuration, roleArn, package.CodeSha256).Action != PlannedAction.Unchanged)
                throw;
            return existing.Configuration;
        }
    }

    private async Task<FunctionOutcome> UpdateAsync(FunctionPlan plan, string roleArn, Steps steps, CancellationToken cancellation)
    {
        var desired = plan.Desired!;
        var d = desired.Definition;
        var codeChanged = plan.CodeChanged || plan.ArchitectureChanged;
        steps.Plan(plan.ConfigChanges.Count > 0 ? "configuration" : null, codeChanged ? "code" : null, plan.SettingsChanged ? "tags" : null,
            plan.SettingsChanged && d.ReservedConcurrency is not null ? "reserved concurrency" : null,
            NeedsVersion(d, true) ? "publish version" : null, d.Alias is null ? null : $"alias {d.Alias}");

        // The plan's configuration (ListFunctions) already holds the CodeSha256 and every owned field. GetFunction is read
        // only when the settings digest differs: then tags and reserved concurrency must be compared, and ownership is
        // not vouched for (the digest covers the lambada:project tag, so a matching digest means this project wrote it
        // last; a function of another project, one without Lambada's variables, or one marked unfinished all differ).
        GetFunctionResult? remote = null;
        var current = plan.Remote!;
        if (plan.SettingsChanged)
        {
            remote = await lambda.GetFunctionAsync(d.Name, cancellation).ConfigureAwait(false)
                     ?? throw DeployFailure.Of(DiagnosticCatalogue.DeployAwsError, d.Name, $"{d.Name} disappeared while deploying; run the build again to create it.");
            CheckOwnership(d, remote.Tags ?? new Dictionary<string, string>());
            current = remote.Configuration;
        }
        // ListFunctions on AWS carries no State / LastUpdateStatus: then this returns at once and SendWhenReadyAsync waits if Lambda says so.
        current = await waiter.WaitAsync(d.Name, current, cancellation).ConfigureAwait(false);

        if (plan.ConfigChanges.Count > 0)
        {
            steps.Begin("configuration");
            var updated = await SendWhenReadyAsync(d.Name, () => lambda.UpdateFunctionConfigurationAsync(d.Name,
                OwnedFields.UpdateConfigurationRequest(desired, roleArn), cancellation), cancellation).ConfigureAwait(false);
            steps.Done("configuration");
            current = await waiter.WaitAsync(d.Name, updated, cancellation).ConfigureAwait(false);
        }
        if (codeChanged)
        {
            var code = await package.CodeAsync().ConfigureAwait(false);
            steps.Begin("code");
            var updated = await SendWhenReadyAsync(d.Name, () => lambda.UpdateFunctionCodeAsync(d.Name,
                OwnedFields.UpdateCodeRequest(desired, code), cancellation), cancellation).ConfigureAwait(false);
            steps.Done("code");
            current = await waiter.WaitAsync(d.Name, updated, cancellation).ConfigureAwait(false);
        }
        if (plan.SettingsChanged)
        {
            var tags = remote!.Tags ?? new Dictionary<string, string>();
            var missing = desired.Tags.Where(t => !tags.TryGetValue(t.Key, out var value) || value != t.Value).ToDictionary(t => t.Key, t => t.Value);
            steps.Begin("tags");
            if (missing.Count > 0)
                await lambda.TagResourceAsync(current.FunctionArn, missing, cancellation).ConfigureAwait(false);
            steps.Done("tags");
            if (d.ReservedConcurrency is { } reserved)
            {
                if (remote.Concurrency?.ReservedConcurrentExecutions != reserved)
                {
                    steps.Begin("reserved concurrency");
                    await lambda.PutFunctionConcurrencyAsync(d.Name, reserved, cancellation).ConfigureAwait(false);
                }
                steps.Done("reserved concurrency");
            }
        }
        var changed = plan.ConfigChanges.Count > 0 || codeChanged;
        var version = await PublishAsync(d, current, changed, steps, cancellation).ConfigureAwait(false);
        return Row(d.Name, OutcomeKind.Updated, current, version) with { Done = steps.DoneList };
    }

    /// <summary>
    /// Sends a change without a read before it. The retry policy already waits out "an update is in progress"; any other
    /// conflict (on AWS: "the function is currently in the following state: Pending") means the state ListFunctions did
    /// not show was not ready: wait for it with GetFunctionConfiguration, then send once more.
    /// </summary>
    private async Task<FunctionConfiguration> SendWhenReadyAsync(string name, Func<Task<FunctionConfiguration>> send, CancellationToken cancellation)
    {
        try
        {
            return await send().ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "ResourceConflictException" && !e.OutcomeUnknown
                                            && RetryPolicy.Classify(e) == FailureKind.Permanent)
        {
            var state = await lambda.GetFunctionConfigurationAsync(name, cancellation).ConfigureAwait(false);
            await waiter.WaitAsync(name, state, cancellation).ConfigureAwait(false);
            return await send().ConfigureAwait(false);
        }
    }

    private async Task<FunctionOutcome> DeleteAsync(FunctionPlan plan, Steps steps, CancellationToken cancellation)
    {
        steps.Plan("delete");
        steps.Begin("delete");
        await lambda.DeleteFunctionAsync(plan.Name, cancellation).ConfigureAwait(false);
        steps.Done("delete");
        return Row(plan.Name, OutcomeKind.Deleted, plan.Remote!) with { Done = steps.DoneList };
    }

    /// <summary>With an alias (or LambadaPublish) a version is published once configuration and code are final, and the alias moved to it.</summary>
    private async Task<string?> PublishAsync(FunctionDefinition d, Aws.Lambda.FunctionConfiguration current, bool changed, Steps steps, CancellationToken cancellation)
    {
        if (!NeedsVersion(d, changed))
            return null;
        var alias = d.Alias is null ? null : await lambda.GetAliasAsync(d.Name, d.Alias, cancellation).ConfigureAwait(false);
        if (!changed && alias is not null)
            return alias.FunctionVersion;
        steps.Begin("publish version");
        var version = await lambda.PublishVersionAsync(d.Name, new PublishVersionRequest(current.CodeSha256, null, null), cancellation).ConfigureAwait(false);
        steps.Done("publish version");
        await waiter.WaitAsync(d.Name, version, cancellation, version.Version).ConfigureAwait(false);
        if (d.Alias is { } name)
        {
            steps.Begin($"alias {name}");
            if (alias is null)
                await lambda.CreateAliasAsync(d.Name, name, version.Version!, cancellation).ConfigureAwait(false);
            else
                await lambda.UpdateAliasAsync(d.Name, name, version.Version!, cancellation).ConfigureAwait(false);
            steps.Done($"alias {name}");
        }
        return version.Version;
    }

    private bool NeedsVersion(FunctionDefinition d, bool changed) => d.Alias is not null || (publish && changed);

    private void CheckOwnership(FunctionDefinition function, IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue(LambadaContract.OwnershipTag, out var owner))
        {
            log.Warning(DiagnosticCatalogue.FunctionAdopted, function, $"the function existed without a {LambadaContract.OwnershipTag} tag; Lambada took it over for project '{project}'");
            return;
        }
        if (owner != project)
            throw DeployFailure.Of(DiagnosticCatalogue.OwnedByAnotherProject, function.Name,
                $"the function belongs to Lambada project '{owner}' ({LambadaContract.OwnershipTag} tag), not '{project}'");
    }

    private static FunctionOutcome Row(string name, OutcomeKind kind, Aws.Lambda.FunctionConfiguration c, string? version = null) => new(name, kind)
    {
        MemorySize = c.MemorySize,
        Timeout = c.Timeout,
        CodeSha256 = c.CodeSha256,
        Arn = c.FunctionArn,
        Version = version ?? c.Version,
    };

    /// <summary>
    /// The steps a function's deploy meant to take, the one under way (begun, its request not yet answered) and the ones
    /// it finished, for an honest failure message.
    /// </summary>
    internal sealed class Steps
    {
        private readonly List<string> _planned = [];
        private readonly List<string> _plannedLast = [];
        private readonly List<string> _done = [];
        private string? _underWay;

        public IReadOnlyList<string> DoneList => _done;

        public void Plan(params string?[] steps) => _planned.AddRange(steps.OfType<string>());

        /// <summary>Steps that come after the function's own (its triggers), listed after them whenever they were planned.</summary>
        public void PlanLast(IEnumerable<string> steps) => _plannedLast.AddRange(steps);

        public void Begin(string step) => _underWay = step;

        public void Done(string step)
        {
            _done.Add(step);
            _underWay = null;
        }

        /// <param name="underWayUnknown">The step under way sent its request and got no answer: AWS may have carried it out.</param>
        public FunctionOutcome Failed(string name, DiagnosticDescriptor error, string message, bool underWayUnknown = false)
        {
            var unknown = underWayUnknown && _underWay is { } step ? [step] : new List<string>();
            return new(name, OutcomeKind.Failed)
            {
                Error = error,
                ErrorMessage = message,
                Done = _done.ToList(),
                Unknown = unknown,
                NotDone = _planned.Concat(_plannedLast).Where(p => !_done.Contains(p) && !unknown.Contains(p)).ToList(),
            };
        }
    }
}
