using System.Globalization;
using System.Text;
using Lambada.Testing;

namespace Lambada.Bench.Deploy;

/// <summary>The tables of section 4 of <c>docs/benchmarks.md</c>, and the targets' verdicts.</summary>
internal sealed class DeployReport(DeployBenchmark b, DeployBenchmark.Settings s, string machine, string loadBefore, string loadAfter)
{
    public const string Block = "deploy";
    public const double FirstDeployTarget = 5.0;

    private int P => s.Parallelisms[0];

    private string PackageText => b.PackageA.Source == "synthetic"
        ? $"a synthetic {b.PackageA.Bytes:N0}-byte zip (`--package small`)"
        : $"`{Path.GetFileName(b.PackageA.Source)}`, {b.PackageA.Bytes / 1024.0:N0} KB (the sample's real package from `dotnet build samples/LambdaShell -t:LambadaPackage`)";
    private int Largest => s.Sizes.Max();
    private bool ParallelCli => s.CliParallelRepetitions > 0 && s.CliParallel > 1;

    private static readonly (Phase Phase, string Label, CliRun Cli)[] Phases =
    [
        (Phase.FirstDeploy, "first deploy (N creates)", CliRun.Create),
        (Phase.NoOpRedeploy, "no-op redeploy", CliRun.Update),
        (Phase.ConfigChangeOne, "config change of 1 function (MemorySize)", CliRun.Update),
        (Phase.CodeChangeOne, "code change of 1 function (a 1-function manifest, new zip)", CliRun.Update),
        (Phase.CodeChangeAll, "code change of all N (new zip for the assembly)", CliRun.Update),
    ];

    public bool NoOpTargetMet => s.Sizes.All(n => NoOpMet(n));
    public bool FirstDeployTargetMet => FirstDeployRatio >= FirstDeployTarget;
    public bool AllTargetsMet => NoOpTargetMet && FirstDeployTargetMet;
    private double FirstDeployRatio => CliMs(Largest, 1, CliRun.Create) / LambadaMs(Largest, P, Phase.FirstDeploy);

    private bool NoOpMet(int n) => b.Lambada[(n, P, Phase.NoOpRedeploy)].All(r => r.Requests <= NoOpBudget(n) && r.Mutating == 0);
    private static int NoOpBudget(int n) => (n + 49) / 50 + 2;

    private double LambadaMs(int n, int p, Phase phase) =>
        b.Lambada.TryGetValue((n, p, phase), out var r) ? Stats.Median(r.Select(x => x.Milliseconds).ToList()) : double.NaN;

    private double CliMs(int n, int parallel, CliRun run) =>
        b.Cli.TryGetValue((n, parallel, run), out var r) ? Stats.Median(r.Select(x => x.Milliseconds).ToList()) : double.NaN;

    private static string Counts(IEnumerable<int> values)
    {
        var distinct = values.Distinct().Order().ToList();
        return distinct.Count == 1 ? distinct[0].ToString(CultureInfo.InvariantCulture) : $"{distinct[0]}–{distinct[^1]}";
    }

    public string Markdown()
    {
        var t = new StringBuilder();
        t.AppendLine("## 4. Deploy against moto: Lambada vs. the AWS CLI");
        t.AppendLine();
        t.AppendLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {machine}.");
        t.AppendLine();
        t.AppendLine($"""
            **Method.** The benchmark starts its own `moto_server` (moto {Tool("python3", "-c", "import moto; print(moto.__version__)")}, `MOTO_IAM_LOAD_MANAGED_POLICIES=true`)
            on a free 127.0.0.1 port and copies the package once: {PackageText}; two variants of it (one small entry added)
            are the "new code". Before every series
            moto is reset (`POST /moto-api/reset`) and the role `bench-role` created with the AWS CLI (`iam create-role`,
            `attach-role-policy`), so Lambada and the CLI start from the same empty account. N functions (`bench_fn_000`…),
            `provided.al2023`, 128 MB, 30 s, role `bench-role` (a bare name: one GetRole on a first deploy).

            - **Lambada:** `Deployer.RunAsync` in-process, wired as the `DeployFunctions` task wires it (`AwsClients.Create`
              with `RetryPolicy.Default`, `FunctionWaiter` 1 s / 5 s / 15 min, `DeployOptions {"{"} Project = "bench", Parallelism = P {"}"}`),
              new clients per phase, so the wall time includes creating them and opening connections. Five phases in a row:
              (1) first deploy of N functions; (2) the same manifest and zip again; (3) MemorySize 128 → 256 on one function;
              (4) a manifest holding only that function, with a second zip — Lambada deploys one package per assembly, so
              this is how one function gets other code (`LambadaPrune` is off, the other N−1 are left alone); (5) the
              whole manifest with a third zip, so all N functions get new code. Each phase checks its outcome counts
              (N created; N unchanged; 1 updated + N−1 unchanged; 1 updated; N updated). Requests are
              `DeployResult.Requests`/`MutatingRequests` (`AwsHttpClient`'s counters); moto's own log agreed in every phase
              (column "moto log").
            - **Baseline, the AWS CLI** ({Tool("aws", "--version")}), one `aws` process per call, run one after another as a shell loop
              does: first deploy = `aws lambda create-function` per function (same settings, `--zip-file fileb://…`,
              `LAMBADA_HANDLER` and the `lambada:project` tag); redeploy = `update-function-code` + `update-function-configuration`
              per function — what a script that cannot tell what changed runs for every redeploy, so it is the baseline of
              phases 2–5 alike. No `aws lambda wait` between calls (moto is never InProgress; against AWS a script would need
              them).{(ParallelCli ? $" Also {s.CliParallel} commands at a time (what `xargs -P{s.CliParallel}` does), for information." : "")}
            - {s.Repetitions} repetitions of Lambada's series; the CLI script {s.CliRepetitions} time(s){(ParallelCli ? $", {s.CliParallelRepetitions} time(s) {s.CliParallel} at a time" : "")}; one untimed
              warm-up series first (JIT, moto's first requests); medians. Lambada's main table is parallelism {P}, the default.
            """);
        t.AppendLine();
        t.AppendLine($"| N | phase | Lambada ms | requests | mutating | moto log | CLI ms (sequential) | CLI requests | CLI / Lambada |");
        t.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var n in s.Sizes)
            foreach (var (phase, label, cliRun) in Phases)
            {
                var runs = b.Lambada[(n, P, phase)];
                var lambadaMs = LambadaMs(n, P, phase);
                var cliMs = CliMs(n, 1, cliRun);
                var cliRequests = b.Cli.TryGetValue((n, 1, cliRun), out var c) ? Counts(c.Select(x => x.LoggedByMoto)) : "—";
                t.AppendLine($"| {n} | {label} | {Stats.Ms(lambadaMs)} | {Counts(runs.Select(r => r.Requests))} | {Counts(runs.Select(r => r.Mutating))} | "
                             + $"{Counts(runs.Select(r => r.LoggedByMoto))} | {Stats.Ms(cliMs)} | {cliRequests} | {Stats.Ratio(cliMs / lambadaMs)} |");
            }
        t.AppendLine();
        t.AppendLine("Targets:");
        t.AppendLine();
        foreach (var n in s.Sizes)
        {
            var runs = b.Lambada[(n, P, Phase.NoOpRedeploy)];
            t.AppendLine($"- No-op redeploy of {n}: {Counts(runs.Select(r => r.Requests))} requests, {Counts(runs.Select(r => r.Mutating))} mutating "
                         + $"(target ≤ ceil({n}/50) + 2 = {NoOpBudget(n)}, none mutating): **{(NoOpMet(n) ? "met" : "MISSED")}**.");
        }
        t.AppendLine($"- First deploy of {Largest}: the CLI script takes **{Stats.Ratio(FirstDeployRatio)}** Lambada's time "
                     + $"({Stats.Ms(CliMs(Largest, 1, CliRun.Create))} ms / {Stats.Ms(LambadaMs(Largest, P, Phase.FirstDeploy))} ms; target ≥ {FirstDeployTarget:F0}x): "
                     + $"**{(FirstDeployTargetMet ? "met" : "MISSED")}**."
                     + (ParallelCli ? $" Against the CLI {s.CliParallel} at a time: {Stats.Ratio(CliMs(Largest, s.CliParallel, CliRun.Create) / LambadaMs(Largest, P, Phase.FirstDeploy))}." : ""));
        t.AppendLine();
        t.AppendLine("Lambada's parallelism (median ms):");
        t.AppendLine();
        t.AppendLine($"| N | phase | {string.Join(" | ", s.Parallelisms.Select(p => $"P = {p}"))} |");
        t.AppendLine($"|---:|---|{string.Concat(s.Parallelisms.Select(_ => "---:|"))}");
        foreach (var n in s.Sizes.Where(n => n > 1))
            foreach (var (phase, label, _) in Phases.Where(p => p.Phase is Phase.FirstDeploy or Phase.NoOpRedeploy or Phase.CodeChangeAll))
                t.AppendLine($"| {n} | {label} | {string.Join(" | ", s.Parallelisms.Select(p => Stats.Ms(LambadaMs(n, p, phase))))} |");
        t.AppendLine();
        t.AppendLine("Where the time goes (medians; per request = wall time / requests, so with parallel requests it is below one request's latency):");
        t.AppendLine();
        t.AppendLine("| N | run | ms | requests | ms per request |");
        t.AppendLine("|---:|---|---:|---:|---:|");
        foreach (var n in s.Sizes)
        {
            foreach (var phase in new[] { Phase.FirstDeploy, Phase.NoOpRedeploy, Phase.CodeChangeAll })
            {
                var runs = b.Lambada[(n, P, phase)];
                var ms = LambadaMs(n, P, phase);
                var requests = Stats.Median(runs.Select(r => (double)r.Requests).ToList());
                t.AppendLine($"| {n} | Lambada P={P}, {Phases.First(p => p.Phase == phase).Label} | {Stats.Ms(ms)} | {requests:0} | {Stats.Ms(ms / requests)} |");
            }
            foreach (var parallel in new[] { 1, s.CliParallel })
                foreach (var run in new[] { CliRun.Create, CliRun.Update })
                {
                    if (!b.Cli.TryGetValue((n, parallel, run), out var c))
                        continue;
                    var ms = CliMs(n, parallel, run);
                    var requests = Stats.Median(c.Select(x => (double)x.LoggedByMoto).ToList());
                    var how = parallel == 1 ? "sequential" : $"{parallel} at a time";
                    t.AppendLine($"| {n} | AWS CLI {how}, {(run == CliRun.Create ? "create-function" : "update-function-code + -configuration")} | {Stats.Ms(ms)} | {requests:0} | {Stats.Ms(ms / requests)} |");
                }
        }
        t.AppendLine();
        t.AppendLine($"Load average (1 min) at the start: {loadBefore}; at the end: {loadAfter} (2 cores: above ~2, other work competed).");
        return t.ToString();
    }

    private static string Tool(string file, params string[] arguments)
    {
        try
        {
            return ProcessRunner.Run(file, arguments).Output.Trim().Split('\n')[0].Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
