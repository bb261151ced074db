using Lambada.Testing;
using System.Globalization;
using System.Runtime.InteropServices;
using Lambada.Bench.Serve;
using Lambada.Runtime;

// dotnet run -c Release --project bench/Lambada.Bench.Serve -- [--requests N] [--concurrent N] [--clients N] [--rounds N] [--no-docs] [--smoke]
// Internal: `server floor PORT` / `server lambada PORT` are the two servers the benchmark starts as child processes.
if (args is ["server", "lambada", var lambadaPort])
    return await LambadaHost.RunAsync(["serve", "--port", lambadaPort], typeof(OrderFunction).Assembly);
if (args is ["server", "floor", var floorPort])
{
    using var stop = new CancellationTokenSource();
    using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
    return await FloorServer.RunAsync(int.Parse(floorPort, CultureInfo.InvariantCulture), stop.Token);
}

int Option(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

var smoke = args.Contains("--smoke");
var settings = smoke
    ? new ServeBenchmark.Settings(WarmUp: 20, Sequential: 50, Concurrent: 200, Clients: 8, Rounds: 1)
    : new ServeBenchmark.Settings(WarmUp: Option("--warm-up", 1_000), Sequential: Option("--requests", 5_000), Concurrent: Option("--concurrent", 20_000),
        Clients: Option("--clients", 8), Rounds: Option("--rounds", 3));

Console.WriteLine($"Lambada serve benchmark — {BenchmarkDocs.Machine()}");
var result = await new ServeBenchmark(settings).RunAsync();
ServeReport.Print(result);

if (smoke)
{
    Console.WriteLine($"\nSmoke run: completed; targets {(result.TargetsMet ? "met" : "not all met")}, not enforced; docs not written.");
    return result.WrongAnswers == 0 ? 0 : 1;
}
if (!args.Contains("--no-docs"))
{
    var docs = Path.Combine(RepoRoot(), "docs", "benchmarks.md");
    BenchmarkDocs.WriteBlock(docs, ServeReport.Name, "bench/Lambada.Bench.Serve", ServeReport.Markdown(result));
    Console.WriteLine($"\nWrote {docs}");
}
return result.TargetsMet && result.WrongAnswers == 0 ? 0 : 1;

static string RepoRoot()
{
    foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lambada.sln")))
                return dir.FullName;
    throw new InvalidOperationException("Run from inside the Lambada repository (no Lambada.sln above the current directory).");
}
