using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>
/// With <c>LambadaPrune</c> off, finds the functions this project owns that no attribute declares any more, so the
/// deploy can say they are still there. The candidates are the names the last deploy recorded (<see cref="DeployRecord"/>)
/// minus the declared ones; each is confirmed with one GetFunction: it exists, Lambada deployed it (<c>LAMBADA_HANDLER</c>)
/// and it carries this project's <c>lambada:project</c> tag. So the check costs no request unless an attribute was dropped.
/// </summary>
internal sealed class DroppedFunctions(LambdaClient lambda, string project, int parallelism)
{
    /// <summary>
    /// Recorded names no attribute declares. When the region's list was read, a name it does not hold, or holds without
    /// <c>LAMBADA_HANDLER</c>, is left out without a request.
    /// </summary>
    public static IReadOnlyList<string> Candidates(IEnumerable<string> recorded, IReadOnlySet<string> declared, IReadOnlyList<FunctionConfiguration>? region)
    {
        var deployedByLambada = region?.Where(DeployedByLambada).Select(f => f.FunctionName).ToHashSet(StringComparer.Ordinal);
        return recorded.Where(n => !declared.Contains(n) && deployedByLambada?.Contains(n) != false).Distinct(StringComparer.Ordinal).ToList();
    }

    /// <returns>The confirmed names (sorted) and those that could not be checked (kept in the record for next time).</returns>
    public async Task<(IReadOnlyList<string> Owned, IReadOnlyList<string> Unchecked)> FindAsync(IEnumerable<string> candidates, CancellationToken cancellation)
    {
        var owned = new System.Collections.Concurrent.ConcurrentBag<string>();
        var failed = new System.Collections.Concurrent.ConcurrentBag<string>();
        await Parallel.ForEachAsync(candidates,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellation },
            async (name, token) =>
            {
                try
                {
                    if (await lambda.GetFunctionAsync(name, token).ConfigureAwait(false) is { } function && IsOwned(function))
                        owned.Add(name);
                }
                catch (AwsServiceException)
                {
                    failed.Add(name); // only a message depends on it: the deploy goes on
                }
            }).ConfigureAwait(false);
        return (owned.Order(StringComparer.Ordinal).ToList(), failed.Order(StringComparer.Ordinal).ToList());
    }

    public static string Line(string project, IReadOnlyList<string> names) =>
        $"{names.Count} function(s) of project '{project}' have no [LambadaFunction] attribute any more and were left as they are: "
        + $"{string.Join(", ", names)}; build with -p:LambadaPrune=true to delete them";

    private bool IsOwned(GetFunctionResult function) =>
        DeployedByLambada(function.Configuration) && function.Tags?.GetValueOrDefault(LambadaContract.OwnershipTag) == project;

    private static bool DeployedByLambada(FunctionConfiguration function) =>
        function.Environment?.Variables?.ContainsKey(LambadaContract.HandlerVariable) == true;
}
