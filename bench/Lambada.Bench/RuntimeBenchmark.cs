using Lambada.Testing;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Lambada.Bench;

/// <summary>
/// Cold start and warm throughput of the published Lambada host (one trivial handler) against the floor — a
/// minimal Runtime API loop over a raw HttpClient — for JIT, ReadyToRun and Native AOT builds, all against
/// the same in-process <see cref="BenchRuntimeApi"/>.
/// </summary>
public sealed partial class RuntimeBenchmark(RuntimeBenchmark.Settings settings)
{
    public const double WarmTarget = 2.0;
    public const double ColdTarget = 0.7;
    public const string Handler = "Lambada.Bench.Function.EchoFunction::Echo";

    /// <param name="Builds">The flavours to publish and measure; null: all of <see cref="RuntimeBenchmark.Builds"/>.</param>
    public sealed record Settings(string RepoRoot, int ColdRuns = 15, int WarmRuns = 7, int WarmInvocations = 2000, int WarmUp = 500, bool ReusePublished = false,
        IReadOnlyList<Build>? Builds = null)
    {
        public IReadOnlyList<Build> Measured => Builds ?? RuntimeBenchmark.Builds;
    }

    /// <summary>
    /// A build flavour; <paramref name="Baseline"/> names the build its cold start is also compared with, besides the first.
    /// <paramref name="Bound"/>: Lambada's app is published as the package build does it, with the binding its scan generated
    /// (handler types kept, source-generated JSON for the event and result); without it, as before that existed — JSON by reflection.
    /// </summary>
    public sealed record Build(string Name, string Slug, string Properties, string? Baseline = null, bool Bound = true);

    public static readonly Build Jit = new("JIT", "JIT", "--self-contained false");
    public static readonly Build ReadyToRun = new("ReadyToRun", "ReadyToRun", "--self-contained false -p:PublishReadyToRun=true");

    public static readonly Build[] Builds =
    [
        Jit,
        ReadyToRun,
        new("JIT, reflection JSON", "JIT-Reflection", "--self-contained false", Bound: false),
        new("ReadyToRun, reflection JSON", "ReadyToRun-Reflection", "--self-contained false -p:PublishReadyToRun=true", Baseline: "ReadyToRun", Bound: false),
        new("Native AOT", "Native-AOT", "-p:LambadaBenchAot=true"),
    ];

    public sealed record App(string Name, string Project, string Executable);

    public static readonly App Lambada = new("Lambada", "bench/Lambada.Bench.Function/Lambada.Bench.Function.csproj", "Lambada.Bench.Function");
    public static readonly App Floor = new("floor", "bench/Lambada.Bench.Floor/Lambada.Bench.Floor.csproj", "Lambada.Bench.Floor");

    /// <summary>One published app in one build flavour, and what became of it.</summary>
    public sealed class Variant(App app, Build build, string directory)
    {
        public App App { get; } = app;
        public Build Build { get; } = build;
        public string Directory { get; } = directory;
        public string Executable => Path.Combine(Directory, App.Executable);
        public string Name => $"{App.Name}, {Build.Name}";
        public string? Failure { get; set; }
        public string PublishCommand { get; set; } = "";
        public double PublishSeconds { get; set; }
        public long MainAssemblyBytes { get; set; }
        public Samples Cold { get; } = new("cold");
        public Samples Warm { get; } = new("warm");
        public Samples WarmCpu { get; } = new("warm CPU");
        public bool Usable => Failure is null;
    }

    public sealed record Result(Settings Settings, IReadOnlyList<Variant> Variants, int WrongBodies, string LoadBefore, string LoadAfter)
    {
        public Variant Get(App app, Build build) => Variants.Single(v => v.App == app && v.Build == build);
    }

    public Result Run()
    {
        var output = Path.Combine(settings.RepoRoot, "bench", "Lambada.Bench", "bin", "runtime-publish");
        var binding = ScanForBinding();
        var variants = new List<Variant>();
        foreach (var build in settings.Measured)
            foreach (var app in new[] { Lambada, Floor })
                variants.Add(Publish(app, build, Path.Combine(output, $"{app.Executable}-{build.Slug}"), app == Lambada && build.Bound ? binding : null));

        var wrong = 0;
        foreach (var variant in variants.Where(v => v.Usable))
        {
            // A smoke run: the variant must answer at all before it is measured.
            var smoke = RunOnce(variant, invocations: 3, TimeSpan.FromSeconds(30));
            if (smoke.Error is not null)
                variant.Failure = "published, but does not serve invocations: " + smoke.Error;
            wrong += smoke.WrongBodies;
        }

        var usable = variants.Where(v => v.Usable).ToList();
        var loadBefore = BenchmarkDocs.LoadAverage();
        for (var round = 0; round < settings.ColdRuns; round++)
        {
            Console.Write($"\r  cold round {round + 1}/{settings.ColdRuns}   ");
            foreach (var variant in round % 2 == 0 ? usable : Enumerable.Reverse(usable))
            {
                var run = RunOnce(variant, invocations: 1, TimeSpan.FromSeconds(30));
                if (run.Error is not null)
                    throw new InvalidOperationException($"{variant.Name}: {run.Error}");
                variant.Cold.Add(run.FirstResponseMs);
                wrong += run.WrongBodies;
            }
        }
        Console.WriteLine();
        for (var round = 0; round < settings.WarmRuns; round++)
        {
            Console.Write($"\r  warm round {round + 1}/{settings.WarmRuns}   ");
            foreach (var variant in round % 2 == 0 ? usable : Enumerable.Reverse(usable))
            {
                var run = RunOnce(variant, settings.WarmUp + settings.WarmInvocations, TimeSpan.FromMinutes(2));
                if (run.Error is not null)
                    throw new InvalidOperationException($"{variant.Name}: {run.Error}");
                variant.Warm.Add(run.WarmMeanMs);
                variant.WarmCpu.Add(run.WarmCpuMs);
                wrong += run.WrongBodies;
            }
        }
        Console.WriteLine();
        return new Result(settings, variants, wrong, loadBefore, BenchmarkDocs.LoadAverage());
    }

    /// <summary>Builds Lambada's app once, so its scan writes the binding the package build would compile in; returns the binding's path.</summary>
    private string ScanForBinding()
    {
        var binding = Path.Combine(settings.RepoRoot, "bench", "Lambada.Bench.Function", "obj", "Release", "net10.0", "lambada", "LambadaBinding.g.cs");
        if (settings.ReusePublished && File.Exists(binding))
            return binding;
        var (exitCode, text) = ChildProcess.Run(ChildProcess.Dotnet(settings.RepoRoot, ["build", Lambada.Project, "-c", "Release", "-nologo", "-nodeReuse:false"]));
        if (exitCode != 0 || !File.Exists(binding))
            throw new InvalidOperationException($"building {Lambada.Project} wrote no binding (exit {exitCode}): {ErrorSummary(text)}");
        return binding;
    }

    private Variant Publish(App app, Build build, string directory, string? binding)
    {
        var variant = new Variant(app, build, directory);
        // As the package build publishes: _LambadaNestedPublish marks it as that publish (no packaging inside it, no LMB0205),
        // _LambadaPublishAsExe names the packaged project, the one the binding is compiled into.
        var project = Path.Combine(settings.RepoRoot, app.Project);
        var packageBuild = app == Lambada
            ? $" -p:_LambadaNestedPublish=true -p:_LambadaPublishAsExe={project}{(binding is null ? "" : $" -p:_LambadaBindingSource={binding}")}"
            : "";
        variant.PublishCommand = ("dotnet publish " + app.Project + " -c Release -r linux-x64 " + build.Properties + packageBuild)
            .Replace(settings.RepoRoot + Path.DirectorySeparatorChar, "", StringComparison.Ordinal);
        if (settings.ReusePublished && File.Exists(variant.Executable))
        {
            Console.WriteLine($"  reusing the published {variant.Name}");
            variant.MainAssemblyBytes = MainAssemblyBytes(variant);
            variant.PublishSeconds = double.NaN;
            return variant;
        }
        if (System.IO.Directory.Exists(directory))
            System.IO.Directory.Delete(directory, recursive: true);
        string[] arguments =
        [
            "publish", app.Project, "-c", "Release", "-r", "linux-x64", "-o", directory, "-nologo", "-nodeReuse:false",
            .. build.Properties.Split(' '),
            .. packageBuild.Split(' ', StringSplitOptions.RemoveEmptyEntries),
        ];
        Console.WriteLine($"  publishing {variant.Name} ...");
        var (exitCode, text, ms) = ChildProcess.Timed(ChildProcess.Dotnet(settings.RepoRoot, arguments));
        variant.PublishSeconds = ms / 1000;
        if (exitCode != 0 || !File.Exists(variant.Executable))
        {
            variant.Failure = $"`dotnet publish` failed (exit {exitCode}): " + ErrorSummary(text);
            Console.WriteLine("    FAILED: " + variant.Failure);
            return variant;
        }
        variant.MainAssemblyBytes = MainAssemblyBytes(variant);
        return variant;
    }

    /// <summary>The app's own published code: its assemblies (framework-dependent) or its one executable (Native AOT).</summary>
    private static long MainAssemblyBytes(Variant variant)
    {
        var dlls = System.IO.Directory.GetFiles(variant.Directory, "*.dll");
        return dlls.Length > 0 ? dlls.Sum(f => new FileInfo(f).Length) : new FileInfo(variant.Executable).Length;
    }

    private sealed record RunResult(double FirstResponseMs, double WarmMeanMs, double WarmCpuMs, int WrongBodies, string? Error);

    /// <summary>Starts the variant against a fresh server that hands out <paramref name="invocations"/> events, waits for all answers, kills it.</summary>
    private RunResult RunOnce(Variant variant, int invocations, TimeSpan timeout)
    {
        using var api = new BenchRuntimeApi(invocations, settings.WarmUp);
        var start = new ProcessStartInfo(variant.Executable)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = variant.Directory,
        };
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        start.Environment["LAMBADA_HANDLER"] = Handler;
        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };

        var started = Stopwatch.GetTimestamp();
        process.Start();
        var firstDone = api.FirstResponse.Wait(timeout);
        var firstMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        // The process's own CPU time (user + system) over the measured invocations: what it costs, free of the
        // server's share and of anything else competing for the cores. Read as soon as the warm-up is over;
        // the responses that arrived by then are left out.
        var cpuStart = TimeSpan.Zero;
        var answeredAtCpuStart = 0;
        if (firstDone && invocations > settings.WarmUp && api.WarmedUp.Wait(timeout))
        {
            cpuStart = process.TotalProcessorTime;
            answeredAtCpuStart = api.Answered;
        }
        var allDone = firstDone && api.AllResponses.Wait(timeout);
        var cpuEnd = allDone && !process.HasExited ? process.TotalProcessorTime : TimeSpan.Zero;
        var exited = process.HasExited;
        if (!exited)
            process.Kill(entireProcessTree: true);
        process.WaitForExit();

        if (!allDone)
        {
            string output;
            lock (log)
                output = log.ToString().Trim();
            var why = exited ? $"the process exited with {process.ExitCode}" : $"no answer within {timeout.TotalSeconds:F0} s";
            return new RunResult(0, 0, 0, api.WrongBodies, $"{why} after {api.Answered} of {invocations} responses; output: {Tail(output)}");
        }
        var warmMs = invocations > settings.WarmUp
            ? Stopwatch.GetElapsedTime(api.ResponseTimestamp(settings.WarmUp - 1), api.ResponseTimestamp(invocations - 1)).TotalMilliseconds / (invocations - settings.WarmUp)
            : 0;
        var cpuMs = invocations > answeredAtCpuStart && answeredAtCpuStart > 0
            ? (cpuEnd - cpuStart).TotalMilliseconds / (invocations - answeredAtCpuStart)
            : 0;
        return new RunResult(firstMs, warmMs, cpuMs, api.WrongBodies, null);
    }

    /// <summary>The distinct errors of a build log, each as <c>code at File.cs(line)</c>, the first one's message in full.</summary>
    private static string ErrorSummary(string log)
    {
        var errors = log.Split('\n')
            .Select(line => ErrorLine().Match(line))
            .Where(m => m.Success)
            .Select(m => (Where: m.Groups["file"].Success ? $"{Path.GetFileName(m.Groups["file"].Value)}({m.Groups["line"].Value})" : "", Code: m.Groups["code"].Value, Message: m.Groups["message"].Value.Trim()))
            .Distinct()
            .ToList();
        if (errors.Count == 0)
            return Tail(log.Trim());
        var first = errors[0];
        return $"{errors.Count} errors — " + string.Join(", ", errors.Select(e => $"{e.Code} at {e.Where}"))
               + $". The first: {first.Code}: {first.Message}";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:(?<file>[^\s(]+)\((?<line>\d+)(?:,\d+)?\)\s*)?:\s*(?:[\w ]+ )?error (?<code>[A-Z]+\d+):\s*(?<message>[^\[]*)")]
    private static partial System.Text.RegularExpressions.Regex ErrorLine();

    private static string Tail(string text) => text.Length <= 1500 ? text : "…" + text[^1500..];

    public static string Ms(double value) => value.ToString(value >= 10 ? "F1" : value >= 1 ? "F2" : "F3", CultureInfo.InvariantCulture);
}
