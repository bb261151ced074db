using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Lambada.Bench;

/// <summary>Prints the tables and keeps <c>docs/benchmarks.md</c> up to date: each run replaces only the sections it measured.</summary>
public static class Report
{
    private const string Header = """
        # Benchmarks

        Two measurements, each against a baseline timed in the same run, so the ratios hold on any machine even
        where the milliseconds do not. The figures below are written by the benchmark itself
        (`bench/Lambada.Bench`); each section says when and where it was last measured.

        ## How to re-run

        ```sh
        dotnet run -c Release --project bench/Lambada.Bench -- all     # or: scan | build
        ```

        Options: `--iterations N` (scan rounds, default 40), `--runs N` (builds per variant, default 8),
        `--node-reuse` (build with `-nodeReuse:true`), `--no-docs` (print only). The program exits with 1 when
        a ratio misses its target.

        ## Notes (profiled by hand, 2026-11-29, same generated assembly)

        - **Where the scan's time goes.** About 80% of `AssemblyScanner.Scan` is `SourceLocator.FirstSequencePoint`
          reading `MethodDefinition.DebugInformation`: Cecil decodes each function's whole IL body (and, for async
          functions, the state machine's `MoveNext` body) together with its PDB records just to return the first
          sequence point — ~45–50 ms of ~55 ms for 1,000 functions. Reading the same first sequence points with
          `System.Reflection.Metadata` from the PDB bytes `SymbolLoader` already holds took ~0.6 ms. Attribute
          decoding (~7 ms), locating the attribute line in the source (~7 ms), the handler shape (~4 ms) and the
          settings (~3 ms) follow; validation (~1 ms) and the manifest (~0.3 ms + ~3 ms JSON and write) are small.
        - **Without a PDB** (`DebugType=none`) the scan is ~6–7x slower: for every function without sequence points
          `SourceLocator.CandidateFiles` walks every method of the module (reading each one's debug information)
          looking for source documents — quadratic in the number of methods.

        """;

    public const string ScanSection = "scan";
    public const string BuildSection = "build";

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}; "
               + $"{RuntimeInformation.OSDescription.Trim()}; .NET SDK {DotnetSdkVersion()}, runtime {RuntimeInformation.FrameworkDescription}";
    }

    private static string DotnetSdkVersion()
    {
        try
        {
            var (exitCode, output) = ChildProcess.Run(ChildProcess.Dotnet(Environment.CurrentDirectory, ["--version"]));
            return exitCode == 0 ? output.Trim() : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    public static string Scan(ScanBenchmark.Result r, string machine)
    {
        var s = r.Settings;
        var text = new StringBuilder();
        text.AppendLine("## 1. Scan + validate of 1,000 functions vs. opening the assembly with Cecil");
        text.AppendLine();
        text.AppendLine($"Measured {machine}.");
        text.AppendLine();
        text.AppendLine($"""
            **Method.** The benchmark generates {s.Functions:N0} `[LambadaFunction]` methods in {s.Classes} classes over {s.Files}
            source files (`bench/Lambada.Bench/FunctionSources.cs`): explicit and default names, memory 128–10240 MB,
            timeouts 3–900 s, every role form (bare name, ARN, `*/name`, `?` pattern), descriptions, aliases, arm64,
            explicit runtimes, ephemeral storage, reserved concurrency, 0–3 `[LambadaEnvironment]` and 0–2
            `[LambadaTag]` per function, an assembly-level `[LambadaDefaults]`; static and instance handlers, sync and
            async, with event / `ILambadaContext` / `CancellationToken` parameters and every supported return type,
            beside ordinary methods, properties and DTOs. It compiles them with Roslyn (the test suite's
            `CSharpCompiler`) to a {r.AssemblyBytes / 1024.0:F0} KB net10.0 assembly with a portable PDB
            ({r.Types} types, {r.Methods:N0} methods). Every round asserts that the scan succeeds with no error and
            that the manifest holds exactly {s.Functions:N0} functions (this run: {r.FunctionsFound:N0}, {r.Warnings} warnings).

            - **Measured (the target's "scan + validate"):** `AssemblyScanner.Scan` → `ManifestBuilder.Build` →
              `FunctionValidator.Validate`, in one timed call — everything the `ScanFunctions` task does except
              writing `functions.json`. `FunctionScan.Run` (the same plus the JSON file) is a reference row.
            - **Baseline:** `ModuleDefinition.ReadModule(dll, …)` with `InMemory = true`, then every
              type of `module.GetTypes()`, every method, and the count of its custom attributes — the least any
              attribute scanner must do. Reading the PDB is *not* in the baseline (the scan reads it to point errors
              at source lines); a second reference row shows what it costs.
            - In-process, Release, {s.WarmUp} warm-up rounds then {s.Iterations} measured rounds; each round runs every
              variant once (the order reverses every other round) after a full GC; each sample is the mean of 5
              back-to-back runs (their own garbage collections included). The parts are timed in separate
              calls of the stage classes. Median, min and max in milliseconds.
            - **Cold:** the sample uses `LambadaTaskHost=true`, so in a real build the scan runs in a fresh task-host
              process and also pays for JIT. {s.ColdRuns} fresh processes per variant, each timing its first call
              (runtime start-up excluded).
            """);
        text.AppendLine();
        text.AppendLine("| measurement | median ms | min ms | max ms | vs. baseline |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var samples in new[] { r.Baseline, r.BaselineWithSymbols, r.ScanValidate, r.Full, r.ScanOnly, r.ManifestPart, r.ValidatePart, r.WritePart, r.WithoutPdb })
            text.AppendLine(Row(samples, r.Baseline));
        text.AppendLine(Row(r.ColdBaseline, r.ColdBaseline));
        text.AppendLine(Row(r.ColdFull, r.ColdBaseline));
        text.AppendLine();
        text.AppendLine($"**Ratio (warm): {Measure.Ratio(r.Ratio)}** (median {Measure.Ms(r.ScanValidate.Median)} ms / {Measure.Ms(r.Baseline.Median)} ms) — "
                        + $"target under {ScanBenchmark.Target:F0}x: **{(r.Ratio < ScanBenchmark.Target ? "met" : "MISSED")}**.  ");
        text.AppendLine($"Ratio of the minimums: {Measure.Ratio(r.ScanValidate.Min / r.Baseline.Min)} ({Measure.Ms(r.ScanValidate.Min)} ms / {Measure.Ms(r.Baseline.Min)} ms) — "
                        + "on a busy 2-core machine the millisecond-scale baseline is the noisier side, so both are shown.  ");
        text.AppendLine($"Cold (fresh process, first call): {Measure.Ratio(r.ColdRatio)} ({Measure.Ms(r.ColdFull.Median)} ms / {Measure.Ms(r.ColdBaseline.Median)} ms), for information.");
        return text.ToString();
    }

    public static string Build(BuildBenchmark.Result r, string machine)
    {
        var text = new StringBuilder();
        text.AppendLine("## 2. Time Lambada adds to a no-op `dotnet build` of the sample");
        text.AppendLine();
        text.AppendLine($"Measured {machine}.");
        text.AppendLine();
        text.AppendLine($"""
            **Method.** `{r.Command}` (Lambada on, the default) against the same command with
            `-p:LambadaEnabled=false`, which turns every Lambada target off. Each variant builds in its own fresh
            snapshot of the sample and the projects it references (copied without `bin/`/`obj/`, restored once), so
            nothing else builds in those folders and no file changes between runs. Separate folders are needed:
            in one shared folder, a build with `LambadaEnabled=false` lets `IncrementalClean` delete
            `obj/…/lambada/functions.json` (no Lambada target adds it to `FileWrites` in that build), so the next
            build with Lambada on rescans — alternating the variants in one folder never measures a no-op. The
            property itself forces no recompile (it is not a compiler input). Both variants are built
            {r.Settings.WarmUps} times before timing. {r.Settings.Runs} timed builds per variant, alternating (A B, B A, …);
            each is a whole `dotnet` process, wall clock (start-up, evaluation, up-to-date checks, exit), with
            {(r.Settings.NodeReuse ? "node reuse on (`-nodeReuse:true`): worker nodes stay warm between builds" : "node reuse off (`-nodeReuse:false`): every build starts its own MSBuild nodes, as a CI build would — slower and noisier than an IDE's warm nodes, but nothing carries over from one build to the next")}.
            Every timed build is checked to have rewritten no assembly, PDB, apphost or `functions.json` under
            `bin/`/`obj/`.
            """);
        text.AppendLine();
        text.AppendLine("| variant | median ms | min ms | max ms | runs |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine($"| {r.Enabled.Name} | {Measure.Ms(r.Enabled.Median)} | {Measure.Ms(r.Enabled.Min)} | {Measure.Ms(r.Enabled.Max)} | {r.Enabled.Count} |");
        text.AppendLine($"| {r.Disabled.Name} | {Measure.Ms(r.Disabled.Median)} | {Measure.Ms(r.Disabled.Min)} | {Measure.Ms(r.Disabled.Max)} | {r.Disabled.Count} |");
        text.AppendLine();
        text.AppendLine($"**Ratio: {r.Ratio:F3}** (median {Measure.Ms(r.Enabled.Median)} ms / {Measure.Ms(r.Disabled.Median)} ms, "
                        + $"{(r.AddedMs >= 0 ? "+" : "")}{Measure.Ms(r.AddedMs)} ms) — target under {BuildBenchmark.Target:F2}: "
                        + $"**{(r.Ratio < BuildBenchmark.Target ? "met" : "MISSED")}**.");
        text.AppendLine();
        text.AppendLine("What one detailed build (`-v:d -clp:PerformanceSummary`) of each warmed-up variant showed:");
        text.AppendLine();
        text.AppendLine("| variant | CoreCompile ran | CoreCompile skipped (up to date) | LambadaScan | Lambada targets, MSBuild's own timing |");
        text.AppendLine("|---|---:|---:|---|---|");
        text.AppendLine(CheckRow("Lambada on", r.EnabledCheck));
        text.AppendLine(CheckRow("Lambada off", r.DisabledCheck));
        text.AppendLine();
        text.AppendLine(r.NotNoOps.Count == 0
            ? "No timed build wrote an assembly, PDB or manifest."
            : "Timed builds that were NOT no-ops (their figures are suspect):\n\n" + string.Join("\n", r.NotNoOps.Select(n => "- " + n)));
        return text.ToString();
    }

    private static string CheckRow(string variant, BuildBenchmark.Verification v)
    {
        var targets = v.LambadaTargets.Count == 0 ? "none ran"
            : $"{v.LambadaTargetsMs:F0} ms in all: " + string.Join(", ", v.LambadaTargets.Select(t => $"`{t.Target}` {t.Ms:F0} ms"));
        return $"| {variant} | {v.CoreCompileRan} | {v.CoreCompileSkipped} | {v.LambadaScan} | {targets} |";
    }

    private static string Row(Samples samples, Samples baseline) =>
        $"| {samples.Name.Trim()} | {Measure.Ms(samples.Median)} | {Measure.Ms(samples.Min)} | {Measure.Ms(samples.Max)} | {Measure.Ratio(samples.Median / baseline.Median)} |";

    /// <summary>Replaces the named section of <paramref name="path"/> (creating the file when needed), keeping the others.</summary>
    public static void UpdateDocs(string path, IReadOnlyDictionary<string, string> sections)
    {
        var existing = File.Exists(path) ? File.ReadAllText(path) : "";
        var text = new StringBuilder(Header);
        foreach (var name in new[] { ScanSection, BuildSection })
        {
            text.AppendLine();
            text.AppendLine(Begin(name));
            text.Append(sections.TryGetValue(name, out var fresh) ? fresh : Existing(existing, name) ?? $"## {name}\n\nNot measured yet.\n");
            text.AppendLine(End(name));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    private static string? Existing(string document, string name)
    {
        var begin = document.IndexOf(Begin(name), StringComparison.Ordinal);
        var end = document.IndexOf(End(name), StringComparison.Ordinal);
        if (begin < 0 || end < begin)
            return null;
        begin += Begin(name).Length;
        return document[begin..end].TrimStart('\n');
    }

    private static string Begin(string name) => $"<!-- bench:{name}:begin (written by bench/Lambada.Bench) -->";
    private static string End(string name) => $"<!-- bench:{name}:end -->";

    public static void PrintTable(string title, IEnumerable<(string Name, Samples Samples, string Extra)> rows)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine($"  {"measurement",-58} {"median",9} {"min",9} {"max",9}  {"",-10}");
        foreach (var (name, samples, extra) in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-58} {samples.Median,9:F2} {samples.Min,9:F2} {samples.Max,9:F2}  {extra}"));
    }
}
