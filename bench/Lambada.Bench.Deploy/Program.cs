using System.Runtime.InteropServices;
using System.Globalization;
using Lambada.Bench.Deploy;

// dotnet run -c Release --project bench/Lambada.Bench.Deploy -- [msbuild [--runs N]] [--reps N] [--cli-reps N] [--cli-parallel-reps N] [--package small|PATH] [--sizes 1,20,50] [--parallelism 4,8,16] [--no-docs]
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
var reps = Option("--reps", 3);
var repoRoot = RepoRoot();
// The real package of the sample when it has been built (dotnet build samples/LambdaShell -t:LambadaPackage), else a tiny zip.
var samplePackage = Path.Combine(repoRoot, "samples", "LambdaShell", "obj", "Debug", "net10.0", "lambada", "LambdaShell.zip");
var packageOption = args.SkipWhile(a => a != "--package").Skip(1).FirstOrDefault();
var packageSource = packageOption switch
{
    "small" => null,
    null => File.Exists(samplePackage) ? samplePackage : null,
    _ => Path.GetFullPath(packageOption),
};
var settings = new DeployBenchmark.Settings(
    PackageSource: packageSource,
    Sizes: List("--sizes", "1,20,50"),
    Parallelisms: List("--parallelism", "4,8,16"),
    Repetitions: reps,
    CliRepetitions: Option("--cli-reps", reps),
    CliParallel: 4,
    CliParallelRepetitions: Option("--cli-parallel-reps", 1));

// Lambada reads credentials from the process environment (AWSSDK.Core's default chain); moto accepts any keys.
Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "testing");
Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "testing");
Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
Environment.SetEnvironmentVariable("AWS_PROFILE", null);

var work = Directory.CreateTempSubdirectory("lambada-deploy-bench-").FullName;
var machine = DeployReport.Machine();
Console.WriteLine($"Lambada deploy benchmark — {machine}");
var loadBefore = DeployReport.LoadAverage();

using var moto = await MotoServer.StartAsync(work);
// Also on Ctrl+C or kill: the server must not outlive the benchmark.
using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => moto.Dispose());
using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => moto.Dispose());
Console.WriteLine($"moto_server on {moto.Endpoint} (log {moto.LogPath})");

if (args.FirstOrDefault() == "msbuild")
{
    var msbuild = await new MsBuildDeploy(repoRoot, work, moto, new AwsCli(moto.Endpoint, region), region).RunAsync(Option("--runs", 5));
    var text = MsBuildReport.Markdown(msbuild, machine, loadBefore, DeployReport.LoadAverage());
    Console.WriteLine(text);
    Finish(MsBuildReport.Block, text);
    return 0;
}

var benchmark = new DeployBenchmark(moto, new AwsCli(moto.Endpoint, region), new LambadaDeploys(moto, region), work);
await benchmark.RunAsync(settings);

var report = new DeployReport(benchmark, settings, machine, loadBefore, DeployReport.LoadAverage());
var markdown = report.Markdown();
Console.WriteLine();
Console.WriteLine(markdown);
Finish(DeployReport.Block, markdown);
return report.AllTargetsMet ? 0 : 1;

void Finish(string block, string markdown)
{
    if (!args.Contains("--no-docs"))
    {
        var docs = Path.Combine(repoRoot, "docs", "benchmarks.md");
        DeployReport.WriteBlock(docs, block, markdown);
        Console.WriteLine($"updated {docs}");
    }
    moto.Dispose();
    Directory.Delete(work, recursive: true);
}

static string RepoRoot()
{
    var directory = new DirectoryInfo(AppContext.BaseDirectory);
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Lambada.sln")))
        directory = directory.Parent;
    return directory?.FullName ?? throw new InvalidOperationException("Lambada.sln not found above " + AppContext.BaseDirectory);
}
