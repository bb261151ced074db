using System.Globalization;
using System.Runtime.InteropServices;
using Lambada.Bench.Deploy;
using Lambada.Testing;

// dotnet run -c Release --project bench/Lambada.Bench.Deploy -- [msbuild [--runs N] | inner-loop [--runs N] [--warm-ups N]] [--reps N] [--cli-reps N] [--cli-parallel-reps N] [--package small|PATH] [--sizes 1,20,50] [--parallelism 4,8,16] [--no-docs] [--smoke]
int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}
IReadOnlyList<int> List(string name, string fallback)
{
    var at = Array.IndexOf(args, name);
    var text = at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    return text.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
}

const string region = "us-east-1";
// --smoke: the smallest run that still goes through every step (CI runs it so no benchmark rots); it prints its
// rows but writes no docs, and a missed target does not fail it — its figures mean nothing.
var smoke = args.Contains("--smoke");
var mode = args.FirstOrDefault() is { } first && !first.StartsWith("--", StringComparison.Ordinal) ? first : "deploy";
if (mode is not ("deploy" or "msbuild" or "inner-loop"))
{
    Console.Error.WriteLine("usage: Lambada.Bench.Deploy [msbuild | inner-loop] [options] (see docs/benchmarks.md)");
    return 2;
}
var reps = Option("--reps", smoke ? 1 : 3);
var repoRoot = RepoRoot();
// The real package of the sample when it has been built (dotnet build samples/LambdaShell -t:LambadaPackage), else a tiny zip.
var samplePackage = Path.Combine(repoRoot, "samples", "LambdaShell", "obj", "Debug", "net10.0", "lambada", "LambdaShell.zip");
var packageOption = args.SkipWhile(a => a != "--package").Skip(1).FirstOrDefault() ?? (smoke ? "small" : null);
var packageSource = packageOption switch
{
    "small" => null,
    null => File.Exists(samplePackage) ? samplePackage : null,
    _ => Path.GetFullPath(packageOption),
};
var settings = new DeployBenchmark.Settings(
    PackageSource: packageSource,
    Sizes: List("--sizes", smoke ? "1" : "1,20,50"),
    Parallelisms: List("--parallelism", smoke ? "4" : "4,8,16"),
    Repetitions: reps,
    CliRepetitions: Option("--cli-reps", reps),
    CliParallel: 4,
    CliParallelRepetitions: Option("--cli-parallel-reps", smoke ? 0 : 1));

// Lambada reads credentials from the process environment (AWSSDK.Core's default chain); moto accepts any keys.
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
Environment.SetEnvironmentVariable("AWS_PROFILE", null);

var work = Directory.CreateTempSubdirectory("lambada-deploy-bench-").FullName;
var machine = BenchmarkDocs.Machine();
Console.WriteLine($"Lambada deploy benchmark — {machine}");
var loadBefore = BenchmarkDocs.LoadAverage();

using var moto = MotoServer.Start(new Dictionary<string, string> { ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true" });
// Also on Ctrl+C or kill: the server must not outlive the benchmark.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => moto.Dispose());
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => moto.Dispose());
Console.WriteLine($"moto_server on {moto.Endpoint}");

try
{
    var met = mode switch
    {
        "msbuild" => await MsBuildAsync(),
        "inner-loop" => await InnerLoopAsync(),
        _ => await DeployAsync(),
    };
    if (smoke)
        Console.WriteLine($"\nSmoke run: completed; targets {(met ? "met" : "not all met")}, not enforced; docs not written.");
    return smoke || met ? 0 : 1;
}
finally
{
    moto.Dispose();
    Directory.Delete(work, recursive: true);
}

async Task<bool> MsBuildAsync()
{
    var msbuild = await new MsBuildDeploy(repoRoot, work, moto, new AwsCli(moto.Endpoint, region), region).RunAsync(Option("--runs", smoke ? 1 : 5));
    var text = MsBuildReport.Markdown(msbuild, machine, loadBefore, BenchmarkDocs.LoadAverage());
    Console.WriteLine(text);
    WriteDocs(MsBuildReport.Block, text);
    return msbuild.TargetMet;
}

async Task<bool> InnerLoopAsync()
{
    var innerLoop = new InnerLoop(repoRoot, work, moto, new AwsCli(moto.Endpoint, region), region);
    var loop = await innerLoop.RunAsync(Option("--runs", smoke ? 1 : 5), Option("--warm-ups", smoke ? 0 : 1));
    var text = InnerLoopReport.Markdown(loop, machine, loadBefore, BenchmarkDocs.LoadAverage());
    Console.WriteLine(text);
    WriteDocs(InnerLoopReport.Block, text);
    // The other inner-loop target, a no-op deploy build against a plain no-op build, on the same two copies.
    var noOpLoad = BenchmarkDocs.LoadAverage();
    var noOp = await new MsBuildDeploy(repoRoot, work, moto, new AwsCli(moto.Endpoint, region), region)
        .RunAsync(innerLoop.Copies!.Value.Lambada, innerLoop.Copies.Value.Hand, Option("--no-op-runs", smoke ? 1 : 5),
            "the inner loop's two: Lambada's deploys, the hand floor's builds without deploying", "inner-loop");
    var noOpText = MsBuildReport.Markdown(noOp, machine, noOpLoad, BenchmarkDocs.LoadAverage());
    Console.WriteLine(noOpText);
    WriteDocs(MsBuildReport.Block, noOpText);
    return loop.TargetMet && noOp.TargetMet;
}

async Task<bool> DeployAsync()
{
    var benchmark = new DeployBenchmark(moto, new AwsCli(moto.Endpoint, region), new LambadaDeploys(moto, region), work);
    await benchmark.RunAsync(settings);
    var report = new DeployReport(benchmark, settings, machine, loadBefore, BenchmarkDocs.LoadAverage());
    var markdown = report.Markdown();
    Console.WriteLine();
    Console.WriteLine(markdown);
    WriteDocs(DeployReport.Block, markdown);
    return report.AllTargetsMet;
}

void WriteDocs(string block, string markdown)
{
    if (smoke || args.Contains("--no-docs"))
        return;
    var docs = Path.Combine(repoRoot, "docs", "benchmarks.md");
    BenchmarkDocs.WriteBlock(docs, block, "bench/Lambada.Bench.Deploy", markdown);
    Console.WriteLine($"updated {docs}");
}

static string RepoRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lambada.sln")))
        directory = directory.Parent;
    return directory?.FullName ?? throw new InvalidOperationException("Lambada.sln not found above " + AppContext.BaseDirectory);
}
