using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;

namespace Lambada.Build.Deployment;

/// <summary>
/// Reads what Lambda holds of a project's N functions with the fewer of two ways, so a no-op redeploy costs
/// at most min(ceil(R/50), N) + 1 requests in a region of R functions:
/// <list type="bullet">
/// <item>the whole region, page by page (ListFunctions, 50 a page): ceil(R/50) requests, and prune needs it anyway;</item>
/// <item>each function on its own (GetFunctionConfiguration, 404 = absent), <c>parallelism</c> at a time: N requests.</item>
/// </list>
/// R is not known before reading, so: up to <see cref="FirstPageLimit"/> functions the first page is read and whatever of
/// them it did not hold is read directly (1 + at most 2 requests; a region of up to 50 functions stays one request).
/// From three functions on, GetAccountSettings tells R first (1 request), then the cheaper way is taken; when it cannot
/// (no <c>lambda:GetAccountSettings</c> permission, a stand-in without it) the region is listed as before.
/// </summary>
internal sealed class RemoteReader(LambdaClient lambda, int parallelism, IDeployLog log)
{
    /// <summary>Up to this many functions, the first page plus direct reads is never above the target, so no count is needed.</summary>
    public const int FirstPageLimit = 2;

    public async Task<RemoteState> ReadAsync(IReadOnlySet<string> names, bool wholeRegion, CancellationToken cancellation)
    {
        if (wholeRegion)
            return Listed(await lambda.ListFunctionsAsync(cancellation).ConfigureAwait(false), names);
        if (names.Count == 0)
            return new RemoteState(new Dictionary<string, FunctionConfiguration>(), null);
        if (names.Count <= FirstPageLimit)
            return await FirstPageThenDirectAsync(names, cancellation).ConfigureAwait(false);
        var regionFunctions = await CountAsync(cancellation).ConfigureAwait(false);
        if (regionFunctions is { } count && ReadsDirectly(names.Count, count))
            return new RemoteState(await ReadEachAsync(names, cancellation).ConfigureAwait(false), null);
        return Listed(await lambda.ListFunctionsAsync(cancellation).ConfigureAwait(false), names);
    }

    /// <summary>Direct reads only when they are strictly fewer than the pages; on a tie the list wins, as it also shows the rest of the region.</summary>
    public static bool ReadsDirectly(int functions, int regionFunctions) => functions < Pages(regionFunctions);

    public static int Pages(int regionFunctions) => Math.Max(1, (regionFunctions + LambdaClient.PageSize - 1) / LambdaClient.PageSize);

    private async Task<RemoteState> FirstPageThenDirectAsync(IReadOnlySet<string> names, CancellationToken cancellation)
    {
        var first = await lambda.ListFunctionsPageAsync(null, cancellation).ConfigureAwait(false);
        var listed = first.Functions ?? [];
        if (first.NextMarker is null)
            return Listed(listed, names);
        var found = listed.Where(f => names.Contains(f.FunctionName)).ToDictionary(f => f.FunctionName, StringComparer.Ordinal);
        foreach (var (name, configuration) in await ReadEachAsync(names.Where(n => !found.ContainsKey(n)).ToList(), cancellation).ConfigureAwait(false))
            found[name] = configuration;
        return new RemoteState(found, null);
    }

    private async Task<int?> CountAsync(CancellationToken cancellation)
    {
        try
        {
            return (await lambda.GetAccountSettingsAsync(cancellation).ConfigureAwait(false)).AccountUsage?.FunctionCount;
        }
        catch (AwsServiceException e)
        {
            log.Info($"could not count the region's functions (GetAccountSettings: {e.Code}), so every page of ListFunctions is read; "
                     + "with lambda:GetAccountSettings allowed a deploy reads only its own functions when that is fewer requests");
            return null;
        }
    }

    private async Task<Dictionary<string, FunctionConfiguration>> ReadEachAsync(IReadOnlyCollection<string> names, CancellationToken cancellation)
    {
        var found = new System.Collections.Concurrent.ConcurrentDictionary<string, FunctionConfiguration>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(names, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation },
            async (name, token) =>
            {
                if (await lambda.FindFunctionConfigurationAsync(name, token).ConfigureAwait(false) is { } configuration)
                    found[name] = configuration;
            }).ConfigureAwait(false);
        return new Dictionary<string, FunctionConfiguration>(found, StringComparer.Ordinal);
    }

    private static RemoteState Listed(IReadOnlyList<FunctionConfiguration> region, IReadOnlySet<string> names) =>
        new(region.Where(f => names.Contains(f.FunctionName)).ToDictionary(f => f.FunctionName, StringComparer.Ordinal), region);
}

/// <summary>
/// What a deploy knows of Lambda before it plans: each declared function's configuration (missing = it does not exist),
/// and every function of the region when the whole list was read (null when the functions were read one by one).
/// </summary>
internal sealed record RemoteState(IReadOnlyDictionary<string, FunctionConfiguration> Functions, IReadOnlyList<FunctionConfiguration>? Region);
