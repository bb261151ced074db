using Lambada.Build.Aws;
using Lambada.Build.Aws.Http;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment.Triggers;

/// <summary>
/// The HTTP triggers' part of a deploy, in the order the <see cref="Deployer"/> calls it: read and plan (after the functions
/// are planned), make the API (before they are applied), clean the API up (after), and say what was left (the record, the
/// report's lines). Reads are only where a change can be: a function whose triggers are planned is one being created with a
/// trigger, one whose settings digest differs and that has (or per the deploy record had) a trigger, every one under
/// <c>LambadaPrune</c> (that had one) or <c>LambadaFullRead</c>; the API is looked up (one GetApis) whenever the project
/// declares a route, so an unchanged redeploy costs one request more than one without routes.
/// </summary>
internal sealed class TriggerDeploy(AwsClients aws, DeployOptions options, FunctionsManifest manifest, DeployRecord.Content record, IDeployLog log)
{
    private ApiState _api = ApiState.None;
    private ApiPlan _apiPlan = ApiPlan.None;
    private TriggerApplier? _applier;
    private readonly Dictionary<string, FunctionTriggerState> _read = new(StringComparer.Ordinal);

    public ApiPlan ApiPlan => _apiPlan;

    public TriggerApplier? Applier => _applier;

    /// <summary>Adds each function's trigger plan (null where nothing needed a look) to its function plan.</summary>
    public async Task<IReadOnlyList<FunctionPlan?>> PlanAsync(IReadOnlyList<FunctionPlan?> plans, CancellationToken cancellation)
    {
        var functions = manifest.Functions.ToDictionary(f => f.Name, StringComparer.Ordinal);
        var hadTriggers = (record.Triggered ?? []).ToHashSet(StringComparer.Ordinal);
        var declared = plans.OfType<FunctionPlan>().Where(p => p.Action != PlannedAction.Delete && functions.ContainsKey(p.Name)).ToList();

        bool MayHaveTriggers(FunctionPlan p) => options.FullRead || TriggerSettings.HasTriggers(functions[p.Name]) || hadTriggers.Contains(p.Name);
        bool Reads(FunctionPlan p) => p.Action != PlannedAction.Create && MayHaveTriggers(p) && (options.FullRead || options.Prune || p.SettingsChanged);
        bool Plans(FunctionPlan p) => Reads(p) || (p.Action == PlannedAction.Create && TriggerSettings.HasTriggers(functions[p.Name]));

        var planned = declared.Where(Plans).ToList();
        // A URL the last deploy recorded on a function that no longer declares one is still up: say so on every deploy, at no request.
        foreach (var p in declared.Where(p => !Plans(p) && functions[p.Name].Url is null))
            if (record.Urls?.GetValueOrDefault(p.Name) is { } recordedUrl)
                log.Warning(DiagnosticCatalogue.UrlLeftInPlace, functions[p.Name], $"its function URL {recordedUrl} (as the last deploy recorded it) was left in place");
        var lookForApi = manifest.HttpApiName is not null || planned.Count > 0 || (options.Prune && record.HttpApi is not null);
        if (!lookForApi)
            return plans;
        _api = await new TriggerReader(aws.Urls, aws.Policies, aws.ApiGateway, options.Project, options.Parallelism)
            .FindApiAsync(manifest.HttpApiName, cancellation).ConfigureAwait(false);

        // The API was deleted by hand (or never made): every function with a route must be planned, its statement renewed.
        if (manifest.HttpApiName is not null && _api.Api is null)
            planned = declared.Where(p => Plans(p) || functions[p.Name].Routes.Count > 0).ToList();
        var reader = new TriggerReader(aws.Urls, aws.Policies, aws.ApiGateway, options.Project, options.Parallelism);
        if (planned.Count > 0 || options.Prune || options.FullRead)
            _api = await reader.ReadDetailsAsync(_api, cancellation).ConfigureAwait(false);
        var toRead = planned.Where(p => p.Action != PlannedAction.Create).Select(p => p.Name).ToList();
        foreach (var (name, state) in await reader.ReadFunctionsAsync(toRead, cancellation).ConfigureAwait(false))
            _read[name] = state;

        var context = new TriggerContext(aws.Region, _api, TriggerPlanner.DeclaredRouteKeys(manifest.Functions), options.Prune)
        {
            ApiToBeCreated = manifest.HttpApiName is not null && _api.Api is null,
        };
        _apiPlan = TriggerPlanner.PlanApi(manifest.HttpApiName, manifest.Functions, context);
        foreach (var left in _apiPlan.LeftInPlace)
            log.Warning(DiagnosticCatalogue.TriggerLeftInPlace, Subject(manifest.HttpApiName ?? "http api"), $"{left} was left in place");

        var names = planned.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        return plans.Select(p =>
        {
            if (p is null || !names.Contains(p.Name))
                return p;
            var function = functions[p.Name];
            var triggers = TriggerPlanner.Plan(function, p.Remote?.FunctionArn, _read.GetValueOrDefault(p.Name) ?? FunctionTriggerState.Empty, context);
            foreach (var left in triggers.LeftInPlace)
                log.Warning(left.Contains("open to anyone", StringComparison.Ordinal) || left.Contains("function URL", StringComparison.Ordinal)
                    ? DiagnosticCatalogue.UrlLeftInPlace : DiagnosticCatalogue.TriggerLeftInPlace, function, $"{left} was left in place");
            return p with { Triggers = triggers };
        }).ToList();
    }

    /// <summary>Creates the API and its stage when the plan says so; the applier for the functions' trigger steps.</summary>
    public async Task<TriggerApplier> PrepareAsync(CancellationToken cancellation)
    {
        _applier = new TriggerApplier(aws.Urls, aws.Policies, aws.ApiGateway, aws.Region, options.Project, _api);
        await _applier.EnsureApiAsync(_apiPlan, cancellation).ConfigureAwait(false);
        return _applier;
    }

    /// <summary>The API's prune after every function; a failure is one failed row named after the API.</summary>
    public async Task<FunctionOutcome?> CleanUpAsync(CancellationToken cancellation)
    {
        if (_applier is null || _apiPlan.After.Count == 0)
            return null;
        var steps = new FunctionApplier.Steps();
        steps.Plan([.. _apiPlan.After.Select(c => c.Words)]);
        var subject = $"http api {_apiPlan.Name ?? _api.OtherOwned.FirstOrDefault()?.Name}";
        try
        {
            await _applier.CleanUpAsync(_apiPlan, steps, cancellation).ConfigureAwait(false);
            return null;
        }
        catch (AwsServiceException e)
        {
            return steps.Failed(subject, AwsFailures.Descriptor(e), e.Summary, e.OutcomeUnknown);
        }
    }

    /// <summary>The record's trigger part after the deploy: which functions have a trigger, their URLs, the API.</summary>
    public DeployRecord.Content Record(IReadOnlyList<string> functions, IReadOnlyDictionary<string, string> urls)
    {
        // Without prune what a function had may still be there (left in place): it stays recorded, so a later prune reads it.
        var triggered = manifest.Functions.Where(TriggerSettings.HasTriggers).Select(f => f.Name)
            .Concat(urls.Keys)
            .Concat(options.Prune ? [] : record.Triggered ?? [])
            .Where(functions.Contains)
            .ToList();
        return new DeployRecord.Content(functions)
        {
            Triggered = triggered,
            Urls = urls.Where(u => functions.Contains(u.Key)).ToDictionary(u => u.Key, u => u.Value, StringComparer.Ordinal),
            HttpApi = manifest.HttpApiName ?? (options.Prune ? null : record.HttpApi),
        };
    }

    /// <summary>The URLs known after the deploy: created or read now, else recorded earlier, minus the ones deleted.</summary>
    public Dictionary<string, string> KnownUrls()
    {
        var known = new Dictionary<string, string>(record.Urls ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (name, state) in _read)
            if (state.Url is { } url)
                known[name] = url.FunctionUrl;
            else
                known.Remove(name);
        foreach (var (name, url) in _applier?.Urls ?? new Dictionary<string, string>())
            known[name] = url;
        foreach (var name in _applier?.DeletedUrls ?? [])
            known.Remove(name);
        return known;
    }

    /// <summary>For a function with a URL the deploy neither made nor read nor found recorded: one GetFunctionUrlConfig, for the report.</summary>
    public async Task FillMissingUrlsAsync(Dictionary<string, string> known, IEnumerable<string> failed, CancellationToken cancellation)
    {
        var skip = failed.ToHashSet(StringComparer.Ordinal);
        foreach (var function in manifest.Functions.Where(f => f.Url is not null && !known.ContainsKey(f.Name) && !skip.Contains(f.Name)))
        {
            try
            {
                if (await aws.Urls.GetAsync(function.Name, cancellation).ConfigureAwait(false) is { } url)
                    known[function.Name] = url.FunctionUrl;
            }
            catch (AwsServiceException)
            {
                // only the report's line depends on it
            }
        }
    }

    public string? ApiEndpoint => _applier?.ApiEndpoint ?? _api.Api?.ApiEndpoint;

    public string? ApiId => _applier?.ApiId ?? _api.Api?.ApiId;

    /// <summary>The subject of a warning about the API as a whole, which no attribute declares on its own.</summary>
    private static FunctionDefinition Subject(string name) => new()
    {
        Name = name,
        Method = "",
        Handler = "",
        MemorySize = 0,
        Timeout = 0,
        Role = "",
        Description = "",
        Runtime = null,
        Architecture = "",
        EphemeralStorage = 0,
        Environment = new Dictionary<string, string>(),
        Tags = new Dictionary<string, string>(),
    };
}
