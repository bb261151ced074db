using System.Globalization;
using Lambada.Bench;

// dotnet run -c Release --project bench/Lambada.Bench -- [scan|build|runtime|all] [--iterations N] [--runs N] [--node-reuse] [--no-docs] [--smoke]
if (args is ["cold-once", var variant, var dll, var manifest, var expected])
    return ScanBenchmark.ColdOnce(variant, dll, manifest, int.Parse(expected, CultureInfo.InvariantCulture));

var mode = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? "all";
if (mode is not ("scan" or "build" or "runtime" or "all"))
{
    Console.Error.WriteLine("usage: Lambada.Bench [scan|build|runtime|all] [--iterations N] [--runs N] [--node-reuse] [--no-docs] [--smoke]");
    return 2;
}
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

// --smoke: the smallest run that still goes through every step (CI runs it so no benchmark rots); it prints its
// rows but writes no docs, and a missed target does not fail it — its figures mean nothing.
var smoke = args.Contains("--smoke");
var repoRoot = RepoRoot();
var machine = Report.Machine();
Console.WriteLine($"Lambada benchmarks — {machine}");
var sections = new Dictionary<string, string>();
var met = true;
var wrongBodies = 0; // a wrong answer is a failure in any run, a smoke run too

if (mode is "scan" or "all")
{
    var scanSettings = smoke
        ? new ScanBenchmark.Settings(Functions: 40, Classes: 4, Files: 2, WarmUp: 0, Iterations: 1, ColdRuns: 1)
        : new ScanBenchmark.Settings(Iterations: Option("--iterations", 40));
    var r = new ScanBenchmark(scanSettings).Run();
    Report.PrintTable($"1. Scan + validate, {r.FunctionsFound:N0} functions (ms, {r.Settings.Iterations} rounds)",
    [
        (r.Baseline.Name, r.Baseline, "1.00x"),
        (r.BaselineWithSymbols.Name, r.BaselineWithSymbols, Measure.Ratio(r.BaselineWithSymbols.Median / r.Baseline.Median)),
        (r.ScanValidate.Name, r.ScanValidate, Measure.Ratio(r.Ratio)),
        (r.Full.Name, r.Full, Measure.Ratio(r.Full.Median / r.Baseline.Median)),
        (r.ScanOnly.Name, r.ScanOnly, Measure.Ratio(r.ScanOnly.Median / r.Baseline.Median)),
        (r.ManifestPart.Name, r.ManifestPart, ""),
        (r.ValidatePart.Name, r.ValidatePart, ""),
        (r.WritePart.Name, r.WritePart, ""),
        (r.WithoutPdb.Name, r.WithoutPdb, Measure.Ratio(r.WithoutPdb.Median / r.Baseline.Median)),
        (r.ColdBaseline.Name, r.ColdBaseline, "1.00x"),
        (r.ColdFull.Name, r.ColdFull, Measure.Ratio(r.ColdRatio)),
    ]);
    Console.WriteLine($"  ratio of minimums {Measure.Ratio(r.ScanValidate.Min / r.Baseline.Min)}");
    Console.WriteLine($"  ratio {Measure.Ratio(r.Ratio)} (target < {ScanBenchmark.Target:F0}x): {(r.Ratio < ScanBenchmark.Target ? "met" : "MISSED")}");
    met &= r.Ratio < ScanBenchmark.Target;
    sections[Report.ScanSection] = Report.Scan(r, machine);
}

if (mode is "build" or "all")
{
    var r = new BuildBenchmark(new BuildBenchmark.Settings(repoRoot, Runs: Option("--runs", smoke ? 1 : 8), WarmUps: smoke ? 1 : 2, NodeReuse: args.Contains("--node-reuse"))).Run();
    Report.PrintTable($"2. No-op build of samples/LambdaShell (ms, {r.Enabled.Count} runs each)",
    [
        (r.Disabled.Name, r.Disabled, "1.000"),
        (r.Enabled.Name, r.Enabled, r.Ratio.ToString("F3", CultureInfo.InvariantCulture)),
    ]);
    Console.WriteLine($"  ratio {r.Ratio:F3} ({r.AddedMs:+0;-0} ms; target < {BuildBenchmark.Target:F2}): {(r.Ratio < BuildBenchmark.Target ? "met" : "MISSED")}");
    Console.WriteLine($"  Lambada on : CoreCompile ran {r.EnabledCheck.CoreCompileRan}, skipped {r.EnabledCheck.CoreCompileSkipped}; LambadaScan {r.EnabledCheck.LambadaScan}; Lambada targets {r.EnabledCheck.LambadaTargetsMs:F0} ms");
    Console.WriteLine($"  Lambada off: CoreCompile ran {r.DisabledCheck.CoreCompileRan}, skipped {r.DisabledCheck.CoreCompileSkipped}; LambadaScan {r.DisabledCheck.LambadaScan}; Lambada targets {r.DisabledCheck.LambadaTargetsMs:F0} ms");
    foreach (var note in r.NotNoOps)
        Console.WriteLine("  NOT a no-op: " + note);
    met &= r.Ratio < BuildBenchmark.Target;
    sections[Report.BuildSection] = Report.Build(r, machine);
}

if (mode is "runtime" or "all")
{
    var runtimeSettings = smoke
        ? new RuntimeBenchmark.Settings(repoRoot, ColdRuns: 1, WarmRuns: 1, WarmInvocations: 20, WarmUp: 5, ReusePublished: args.Contains("--reuse-published"), Builds: [RuntimeBenchmark.Jit])
        : new RuntimeBenchmark.Settings(repoRoot, ColdRuns: Option("--cold-runs", 15), WarmRuns: Option("--warm-runs", 7), ReusePublished: args.Contains("--reuse-published"));
    var r = new RuntimeBenchmark(runtimeSettings).Run();
    Console.WriteLine();
    Console.WriteLine($"3. Packaged host vs. raw HttpClient floor (cold: {r.Settings.ColdRuns} starts; warm: {r.Settings.WarmRuns} x {r.Settings.WarmInvocations:N0} invocations)");
    Console.WriteLine($"  {"variant",-26} {"cold ms",9} {"min",9} {"max",9} {"warm µs",9} {"min",9} {"max",9} {"CPU µs",9} {"min",9}");
    foreach (var v in r.Variants)
        Console.WriteLine(v.Usable
            ? string.Create(CultureInfo.InvariantCulture, $"  {v.Name,-26} {v.Cold.Median,9:F1} {v.Cold.Min,9:F1} {v.Cold.Max,9:F1} {v.Warm.Median * 1000,9:F1} {v.Warm.Min * 1000,9:F1} {v.Warm.Max * 1000,9:F1} {v.WarmCpu.Median * 1000,9:F1} {v.WarmCpu.Min * 1000,9:F1}")
            : $"  {v.Name,-26} not measured: {v.Failure}");
    foreach (var (name, median, min, target) in Report.Ratios(r))
    {
        Console.WriteLine($"  {name,-64} {Measure.Ratio(median),8} (minimums {Measure.Ratio(min)}){(target is null ? "" : $"  target <= {target:F1}x: {(median <= target ? "met" : "MISSED")}")}");
        met &= target is null || median <= target;
    }
    Console.WriteLine($"  load average: {r.LoadBefore} at the start, {r.LoadAfter} at the end");
    if (r.WrongBodies > 0)
        Console.WriteLine($"  WRONG response bodies: {r.WrongBodies}");
    wrongBodies = r.WrongBodies;
    sections[Report.RuntimeSection] = Report.Runtime(r, machine);
}

if (smoke)
{
    Console.WriteLine($"\nSmoke run: completed; targets {(met ? "met" : "not all met")}, not enforced; docs not written.");
    return wrongBodies == 0 ? 0 : 1;
}
if (!args.Contains("--no-docs"))
{
    var docs = Path.Combine(repoRoot, "docs", "benchmarks.md");
    Report.UpdateDocs(docs, sections);
    Console.WriteLine($"\nWrote {docs}");
}
return met && wrongBodies == 0 ? 0 : 1;

static string RepoRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lambada.sln")))
                return dir.FullName;
    throw new InvalidOperationException("Run from inside the Lambada repository (no Lambada.sln above the current directory).");
}
