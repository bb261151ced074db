using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Lambada.Bench;

/// <summary>Prints the tables and keeps <c>docs/benchmarks.md</c> up to date: each run replaces only the sections it measured.</summary>
public static class Report
{
    private const string Header = """
        # Benchmarks

        Three measurements, each against a baseline timed in the same run, so the ratios hold on any machine even
        where the milliseconds do not. The figures below are written by the benchmark itself
        (`bench/Lambada.Bench`); each section says when and where it was last measured.

        ## How to re-run

        ```sh
        dotnet run -c Release --project bench/Lambada.Bench -- all     # or: scan | build | runtime
        ```

        Options: `--iterations N` (scan rounds, default 40), `--runs N` (builds per variant, default 8),
        `--node-reuse` (build with `-nodeReuse:true`), `--cold-runs N` (fresh processes per runtime variant,
        default 15), `--warm-runs N` (2,000-invocation processes per runtime variant, default 7), `--no-docs`
        (print only). The program exits with 1 when a ratio misses its target. The runtime benchmark publishes
        its two apps itself (into `bench/Lambada.Bench/bin/runtime-publish/`; `--reuse-published` skips that when
        they are there); a normal build never publishes them.

        ## Notes (profiled by hand, 2026-11-29, same generated assembly)

        - **What made the scan fast enough.** The first version read sequence points through Cecil's
          `MethodDefinition.DebugInformation`, which decodes each function's whole IL body (and its async state
          machine's) just to return the first sequence point: ~45–50 ms of ~55 ms for 1,000 functions, 15–28x the
          baseline. `PdbSymbols` now reads only the sequence-point blobs with `System.Reflection.Metadata` (~0.6 ms for
          all), Cecil is opened without symbols, and attribute types are matched by namespace and name instead of
          Cecil's allocated `FullName`. The same change removed a quadratic search of the no-PDB path, which is now as
          fast as the PDB path.
        - **Where the rest goes** (stopwatches around the scan's steps, per 1,000 functions): locating the attribute
          line in the source ~6–9 ms, decoding attribute blobs with their enums ~6 ms, the handler shape ~3.5 ms, the
          settings ~1.5 ms, opening the module ~1.3 ms, the PDB ~1.2 ms; validation ~1 ms; writing `functions.json`
          2–8 ms (not part of the target's "scan + validate").
        - **Noise.** The baseline is a few milliseconds, so on this shared 2-core VM single runs swing by 3–5x; each
          sample is the mean of 5 back-to-back runs, and the report shows medians and minimums side by side.

        ## Notes on the runtime benchmark (by hand, 2026-11-29)

        - **What Lambada's own start-up work was, and what was cut.** Counted with `DOTNET_JitDisasmSummary=1` (every
          method the JIT compiles up to the first response; a count, so free of the VM's noise): the floor JITs 272
          methods, Lambada 509 before and 439 after (ReadyToRun: 410 → 398). Cut: `LAMBADA_HANDLER` is resolved with
          `Assembly.GetType` + the type's methods instead of scanning every type of the assembly (the scan is left for
          listing and invoking functions locally, and for naming the functions in an init error); a synchronous handler
          is called without async state machines, and its set-up without LINQ; `FunctionError` goes through a
          source-generated `JsonSerializerContext`; the context makes its logger (and `Console.Error`) only when used.
          Lambada's cold start over the floor's went from 1.32–1.46x (minimums, earlier run) to 1.19–1.24x, ~25–35 ms.
        - **What is left of it, and what the generated binding removed.** Of the ~125 methods Lambada's ReadyToRun build
          still JIT-compiled beyond the floor, ~70 were System.Text.Json's reflection resolver (its table of default
          converters, its member-accessor caches) and ~55 are `AsyncTaskMethodBuilder`/`AsyncMethodBuilderCore` instantiated
          over Lambada's state machines (`ServeAsync`, `RunAsync`, `HandleAsync`, `NextAsync`, `RespondAsync`). Both are
          generic code of the framework instantiated over types outside it, which a framework-dependent ReadyToRun image
          cannot hold (another version bubble). The first group is gone now that every package compiles in the binding the
          scan generates (a source-generated context for the handler's event and result types): methods JIT-compiled for one
          local invocation 259 → 198 (JIT) and 121 → 48 (ReadyToRun), System.Text.Json's among them 72 → 16 and 64 → 2; cold
          start 1.07x (JIT) and 1.03x (ReadyToRun) faster than the same host reading JSON by reflection, measured side by side.
        - **ReadyToRun cannot reach 0.7x of JIT here, for Lambada or for the floor.** Every ReadyToRun flavour tried
          moves Lambada and the floor by the same few percent: framework-dependent ReadyToRun 0.96–0.99x, the same with
          `TieredPGO=false` 0.94–0.98x, self-contained composite ReadyToRun (framework and app compiled together) 0.87–0.90x
          of the framework-dependent JIT start. A framework-dependent app already runs the shared framework's
          precompiled code; what dominates its ~150 ms cold start on this VM is the runtime starting and loading
          the framework (the floor's JIT and Native AOT rows: ~150 ms vs. ~22 ms), which no ReadyToRun setting
          touches. Also tried by environment variable on the JIT build, without a gain beyond the noise:
          `TieredCompilation=0` (slower: everything not precompiled gets fully optimised), `TC_QuickJitForLoops=0`
          (slower), `TieredPGO=0`, `gcConcurrent=0`, `LTTng=0`. The composite build would also cost a 70 MB
          self-contained package, a 1–2 minute publish and the `provided.al2023` runtime, for ~12%; Lambada's
          packaging keeps plain ReadyToRun.
        - **Native AOT needs no hand-written code** — 0.13x of the JIT cold start (~26 ms), Lambada ~2 ms over the AOT
          floor. Lambada.Runtime builds with the trim and AOT analyzers on (`IsAotCompatible`): its reflection paths
          (handler lookup by name, `Activator.CreateInstance`, JSON by `Type`, reading `Task<T>.Result` and
          `ValueTask<T>.AsTask()` through the declared return type) are annotated up to `LambadaHost.RunAsync`, and its
          own JSON (`FunctionError`) is source-generated. What the annotations ask of the caller — keep the handler types,
          give `LambadaJson` a context for the events and results — is what the generated binding does, so the benchmark's
          AOT flavour is the same generated `Main` as the others (the hand-written `AotMain.cs` of the earlier runs is gone).
        - **Warm: Lambada stays inside 2x the floor** in every flavour (medians 0.9–1.4x wall). Per invocation Lambada does,
          beyond the floor's GET + POST: six header lookups and a deadline parse, `Environment.SetEnvironmentVariable("_X_AMZN_TRACE_ID")`,
          a context, a `CancellationTokenSource` with a timer for the deadline, an argument array, JSON
          deserialisation of the event and serialisation of the result through the generated context, `MethodInfo.Invoke`, and one
          `new Uri(root, …)` for the response. `Process.TotalProcessorTime` ticks in 10 ms steps, so a CPU figure
          over 2,000 invocations is good to ~5 µs; on this shared VM the warm figures swing by ±30% between runs.

        """;

    public const string ScanSection = "scan";
    public const string BuildSection = "build";
    public const string RuntimeSection = "runtime";

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

    public static string Runtime(RuntimeBenchmark.Result r, string machine)
    {
        var s = r.Settings;
        var text = new StringBuilder();
        text.AppendLine("## 3. The packaged host: cold start and warm invocations vs. a raw HttpClient loop");
        text.AppendLine();
        text.AppendLine($"Measured {machine}.");
        text.AppendLine();
        text.AppendLine($$"""
            **Method.** Two apps, each published with `dotnet publish -c Release -r linux-x64` per build flavour:
            {{string.Join("; ", r.Settings.Measured.Select(b => $"{b.Name}: `{b.Properties}`"))}}
            (`LambadaBenchAot=true` sets `PublishAot=true` in the app project). "JIT" and "ReadyToRun" are what Lambada's
            packaging publishes for the managed `dotnet` runtimes, "Native AOT" what it publishes for a `PublishAot` project;
            the "reflection JSON" flavours measure what the generated binding gains (the floor has no JSON: its rows
            there are the same build again, a measure of the noise). Self-contained, composite and TieredPGO-off flavours were
            measured in earlier runs (the notes above). The app-code column counts every published DLL (for Native AOT: the
            one executable).

            - **Lambada** (`bench/Lambada.Bench.Function`): one handler,
              `[LambadaFunction(Name = "bench_echo")] public static string Echo(string input) => input;`, behind the
              `Main` that Lambada.Build generates, served with `LAMBADA_HANDLER={{RuntimeBenchmark.Handler}}` —
              the whole host: handler lookup by reflection, the invocation headers, context, deadline token, JSON
              deserialisation of the event and serialisation of the result. It is published as the package build
              publishes it: built once so that its scan writes `LambadaBinding.g.cs`, then published with
              `-p:_LambadaNestedPublish=true -p:_LambadaBindingSource=…`, which compiles the binding in (handler type kept,
              a source-generated JSON context for `string`) — every flavour, Native AOT included, with no hand-written code.
              The "reflection JSON" flavours leave the binding out, as every package was before it existed: the same
              host reading and writing JSON by reflection.
            - **Floor** (`bench/Lambada.Bench.Floor`): the least loop anyone would write — one `HttpClient`,
              `GET …/invocation/next`, read the request id header and the body, `POST …/{id}/response` with the
              same bytes. No Lambada code.

            Both run against the same Runtime API inside the benchmark process (`BenchRuntimeApi`: raw sockets,
            HTTP/1.1 keep-alive on 127.0.0.1, a fixed {{BenchRuntimeApi.Event.Length}}-byte JSON-string event with Lambda's headers; it
            timestamps every response it reads and checks that the body is the event echoed back — wrong bodies
            in this run: {{r.WrongBodies}}). Every variant first serves 3 invocations as a smoke test.

            - **Cold start:** from `Process.Start` of the published executable (with `AWS_LAMBDA_RUNTIME_API` and
              `LAMBADA_HANDLER` set) to the server having read the first response; then the process is killed.
              {{s.ColdRuns}} rounds; each round starts every variant once, the order reversing every other round.
            - **Warm:** one process serves {{s.WarmUp}} warm-up invocations (enough for tiered JIT to have moved the hot
              path to optimised code) and then {{s.WarmInvocations:N0}} back to back;
              the figure is the time from the {{s.WarmUp}}th response to the last, divided by {{s.WarmInvocations:N0}} (so it
              includes the server's share of each round trip, the same for both apps). Beside it, the process's own
              CPU time (user + system, from `Process.TotalProcessorTime`) from the end of the warm-up to the last
              response, per invocation: what the runtime costs, free of the server and of other load.
              {{s.WarmRuns}} processes per variant, alternating as above.
            - Medians (min–max). Both processes share 2 cores with the server (and with anything else running), so
              the table of ratios shows the ratio of the minimums beside that of the medians. Targets: warm per-invoke cost of Lambada ≤ {{RuntimeBenchmark.WarmTarget:F0}}x the floor's in the same
              build flavour; Lambada's ReadyToRun cold start ≤ {{RuntimeBenchmark.ColdTarget:F1}}x its JIT cold start.
            """);
        text.AppendLine();
        text.AppendLine("| app | build | cold start ms | warm µs / invoke, wall | warm µs / invoke, the process's CPU | app code published | publish s |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var v in r.Variants)
        {
            if (!v.Usable)
            {
                text.AppendLine($"| {v.App.Name} | {v.Build.Name} | — | — | — | — | {Seconds(v.PublishSeconds)} |");
                continue;
            }
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {v.App.Name} | {v.Build.Name} | {Measure.Ms(v.Cold.Median)} ({Measure.Ms(v.Cold.Min)}–{Measure.Ms(v.Cold.Max)}) | "
                + $"{v.Warm.Median * 1000:F1} ({v.Warm.Min * 1000:F1}–{v.Warm.Max * 1000:F1}) | "
                + $"{v.WarmCpu.Median * 1000:F1} ({v.WarmCpu.Min * 1000:F1}–{v.WarmCpu.Max * 1000:F1}) | {v.MainAssemblyBytes / 1024.0:F0} KB | {Seconds(v.PublishSeconds)} |"));
        }
        text.AppendLine();
        text.AppendLine("| ratio | of the medians | of the minimums | target | verdict (medians) |");
        text.AppendLine("|---|---:|---:|---:|---|");
        foreach (var (name, median, min, target) in Ratios(r))
            text.AppendLine(target is null
                ? $"| {name} | {Measure.Ratio(median)} | {Measure.Ratio(min)} | — | for information |"
                : $"| {name} | {Measure.Ratio(median)} | {Measure.Ratio(min)} | ≤ {target:F1}x | **{(median <= target ? "met" : "MISSED")}** |");
        text.AppendLine();
        text.AppendLine($"Load average (1 min) at the start of the measurements: {r.LoadBefore}; at the end: {r.LoadAfter} — on this 2-core VM anything "
                        + "above ~2 means other work competed with the benchmark, and the minimums are the better guide.");
        var failed = r.Variants.Where(v => !v.Usable).ToList();
        if (failed.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Variants that could not be measured:");
            text.AppendLine();
            foreach (var v in failed)
                text.AppendLine($"- **{v.Name}** (`{v.PublishCommand}`): {v.Failure!.ReplaceLineEndings(" ")}");
        }
        return text.ToString();
    }

    private static string Seconds(double value) => double.IsNaN(value) ? "reused" : value.ToString("F0", CultureInfo.InvariantCulture);

    /// <summary>The ratios the runtime section reports, of the medians and of the minimums; a null target is for information only.</summary>
    public static IEnumerable<(string Name, double Median, double Min, double? Target)> Ratios(RuntimeBenchmark.Result r)
    {
        static (double, double) Of(Samples a, Samples b) => (a.Median / b.Median, a.Min / b.Min);
        foreach (var build in r.Settings.Measured)
        {
            var lambada = r.Get(RuntimeBenchmark.Lambada, build);
            var floor = r.Get(RuntimeBenchmark.Floor, build);
            if (lambada.Usable && floor.Usable)
            {
                var (median, min) = Of(lambada.Warm, floor.Warm);
                yield return ($"warm per invoke (wall), Lambada / floor, {build.Name}", median, min, RuntimeBenchmark.WarmTarget);
                (median, min) = Of(lambada.WarmCpu, floor.WarmCpu);
                yield return ($"warm per invoke (the process's CPU), Lambada / floor, {build.Name}", median, min, null);
            }
        }
        foreach (var build in r.Settings.Measured.Where(b => b != RuntimeBenchmark.Jit))
        {
            foreach (var app in new[] { RuntimeBenchmark.Lambada, RuntimeBenchmark.Floor })
            {
                var measured = r.Get(app, build);
                foreach (var baseline in new[] { RuntimeBenchmark.Jit.Name, build.Baseline }.OfType<string>())
                {
                    if (r.Settings.Measured.SingleOrDefault(b => b.Name == baseline) is not { } baselineBuild)
                        continue;
                    var jit = r.Get(app, baselineBuild);
                    if (!jit.Usable || !measured.Usable)
                        continue;
                    var (median, min) = Of(measured.Cold, jit.Cold);
                    var target = app == RuntimeBenchmark.Lambada && build == RuntimeBenchmark.ReadyToRun ? RuntimeBenchmark.ColdTarget : (double?)null;
                    yield return ($"cold start, {app.Name} {build.Name} / {app.Name} {baseline}", median, min, target);
                }
            }
        }
        foreach (var build in r.Settings.Measured)
        {
            var lambada = r.Get(RuntimeBenchmark.Lambada, build);
            var floor = r.Get(RuntimeBenchmark.Floor, build);
            if (lambada.Usable && floor.Usable)
            {
                var (median, min) = Of(lambada.Cold, floor.Cold);
                yield return ($"cold start, Lambada / floor, {build.Name}", median, min, null);
            }
        }
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
        var text = new StringBuilder(Head(existing));
        foreach (var name in new[] { ScanSection, BuildSection, RuntimeSection })
        {
            text.AppendLine();
            text.AppendLine(Begin(name));
            text.Append(sections.TryGetValue(name, out var fresh) ? fresh : Existing(existing, name) ?? $"## {name}\n\nNot measured yet.\n");
            text.AppendLine(End(name));
        }
        text.Append(Tail(existing));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text.ToString().Replace("\r\n", "\n", StringComparison.Ordinal));
    }

    /// <summary>What precedes the first section: the document's own, as edited by hand, or the template for a new file.</summary>
    private static string Head(string document)
    {
        var begin = document.IndexOf(Begin(ScanSection), StringComparison.Ordinal);
        return begin < 0 ? Header : document[..begin].TrimEnd('\n') + "\n";
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

    /// <summary>What follows this benchmark's last block (other benchmarks' sections), kept as it is.</summary>
    private static string Tail(string document)
    {
        var end = document.IndexOf(End(RuntimeSection), StringComparison.Ordinal);
        return end < 0 ? "" : document[(end + End(RuntimeSection).Length)..].TrimStart('\n') is { Length: > 0 } tail ? "\n" + tail : "";
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
