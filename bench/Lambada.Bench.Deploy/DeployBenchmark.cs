using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Bench.Deploy;

internal enum Phase { FirstDeploy, NoOpRedeploy, ConfigChangeOne, CodeChangeOne, CodeChangeAll }

internal enum CliRun { Create, Update }

/// <summary>
/// Every measurement of one run. Each repetition walks every size: Lambada's five phases once per parallelism, each
/// series from an empty moto (reset, role created with the CLI), then the CLI script from the same empty state.
/// </summary>
internal sealed class DeployBenchmark(MotoServer moto, AwsCli cli, LambadaDeploys lambada, string workDirectory)
{
    public sealed record Settings(string? PackageSource, IReadOnlyList<int> Sizes, IReadOnlyList<int> Parallelisms, int Repetitions, int CliRepetitions, int CliParallel, int CliParallelRepetitions);

    public sealed record CliResult(double Milliseconds, int Commands, int LoggedByMoto);

    public Dictionary<(int N, int P, Phase Phase), List<PhaseResult>> Lambada { get; } = [];
    public Dictionary<(int N, int Parallel, CliRun Run), List<CliResult>> Cli { get; } = [];
    public Packages.Package PackageA { get; private set; } = null!;

    public async Task RunAsync(Settings settings)
    {
        PackageA = Packages.Write(workDirectory, "a", settings.PackageSource);
        var packageB = Packages.Write(workDirectory, "b", settings.PackageSource);
        var packageC = Packages.Write(workDirectory, "c", settings.PackageSource);

        // Warm-up, not recorded: JIT of Lambada.Build, the first connections, moto's own first requests.
        await EmptyMotoAsync().ConfigureAwait(false);
        await LambadaSeriesAsync(2, 4, PackageA, packageB, packageC).ConfigureAwait(false);

        for (var rep = 1; rep <= settings.Repetitions; rep++)
        {
            foreach (var n in settings.Sizes)
            {
                foreach (var p in n == 1 ? settings.Parallelisms.Take(1) : settings.Parallelisms)
                {
                    Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] rep {rep}: Lambada, N={n}, parallelism {p}");
                    await EmptyMotoAsync().ConfigureAwait(false);
                    foreach (var (phase, result) in await LambadaSeriesAsync(n, p, PackageA, packageB, packageC).ConfigureAwait(false))
                        Add(Lambada, (n, p, phase), result);
                }
                if (rep <= settings.CliRepetitions)
                    await CliSeriesAsync(n, 1).ConfigureAwait(false);
                if (rep <= settings.CliParallelRepetitions && settings.CliParallel > 1 && n > 1)
                    await CliSeriesAsync(n, settings.CliParallel).ConfigureAwait(false);
            }
        }
    }

    private async Task EmptyMotoAsync()
    {
        moto.Reset();
        await cli.CreateRoleAsync().ConfigureAwait(false);
    }

    private async Task<List<(Phase, PhaseResult)>> LambadaSeriesAsync(int n, int p, Packages.Package a, Packages.Package b, Packages.Package c)
    {
        var functions = BenchFunction.Many(n);
        var changed = functions.Select((f, i) => i == 0 ? f with { MemorySize = 256 } : f).ToList();
        var results = new List<(Phase, PhaseResult)>();
        async Task Step(Phase phase, IReadOnlyList<BenchFunction> manifest, Packages.Package package, int created, int updated, int unchanged)
        {
            var r = await lambada.RunAsync(BenchFunction.Manifest(manifest), package, p).ConfigureAwait(false);
            if (r.Count(OutcomeKind.Created) != created || r.Count(OutcomeKind.Updated) != updated || r.Count(OutcomeKind.Unchanged) != unchanged)
                throw new InvalidOperationException($"{phase} N={n}: expected {created} created / {updated} updated / {unchanged} unchanged, got "
                    + string.Join(", ", r.Outcomes.Select(o => $"{o.Value} {o.Key}")));
            results.Add((phase, r));
        }
        await Step(Phase.FirstDeploy, functions, a, n, 0, 0).ConfigureAwait(false);
        await Step(Phase.NoOpRedeploy, functions, a, 0, 0, n).ConfigureAwait(false);
        await Step(Phase.ConfigChangeOne, changed, a, 0, 1, n - 1).ConfigureAwait(false);
        await Step(Phase.CodeChangeOne, changed.Take(1).ToList(), b, 0, 1, 0).ConfigureAwait(false);
        await Step(Phase.CodeChangeAll, changed, c, 0, n, 0).ConfigureAwait(false);
        return results;
    }

    private async Task CliSeriesAsync(int n, int parallel)
    {
        Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] AWS CLI, N={n}, {(parallel == 1 ? "sequential" : $"{parallel} at a time")}");
        await EmptyMotoAsync().ConfigureAwait(false);
        var functions = BenchFunction.Many(n);
        foreach (var (run, commands) in new[] { (CliRun.Create, cli.CreateCommands(functions, PackageA.Path)), (CliRun.Update, cli.UpdateCommands(functions, PackageA.Path)) })
        {
            var before = MotoRequestLog.Mark(moto);
            var ms = await cli.RunAllAsync(commands, parallel).ConfigureAwait(false);
            await Task.Delay(200).ConfigureAwait(false);
            Add(Cli, (n, parallel, run), new CliResult(ms, commands.Count, MotoRequestLog.Since(moto, before).Count));
        }
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
            map[key] = list = [];
        list.Add(value);
    }
}
