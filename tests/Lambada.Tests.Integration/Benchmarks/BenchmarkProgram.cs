using System.Security.Cryptography;
using Lambada.Testing;

namespace Lambada.Tests.Benchmarks;

/// <summary>
/// One of the benchmark programs under bench/, as the solution built it (the configuration these tests run in),
/// run in its smoke size. Built here when the solution build did not (a test project built on its own).
/// </summary>
internal sealed class BenchmarkProgram(string project)
{
    public static readonly BenchmarkProgram Bench = new("Lambada.Bench");
    public static readonly BenchmarkProgram Deploy = new("Lambada.Bench.Deploy");

    private static readonly object BuildLock = new();

    private static string Configuration =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name; // …/bin/<Configuration>/net10.0/

    private string Dll => Path.Combine(RepoPaths.Root, "bench", project, "bin", Configuration, "net10.0", project + ".dll");

    private static string Docs => Path.Combine(RepoPaths.Root, "docs", "benchmarks.md");

    /// <summary>Runs <c>dotnet Program.dll arguments… --smoke</c>; fails the test when docs/benchmarks.md changed.</summary>
    public ProcessResult RunSmoke(params string[] arguments)
    {
        EnsureBuilt();
        var docsBefore = SHA256.HashData(File.ReadAllBytes(Docs));
        var result = ProcessRunner.Run("dotnet", [Dll, .. arguments, "--smoke"], RepoPaths.Root,
            new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            TimeSpan.FromMinutes(20));
        CollectionAssert.AreEqual(docsBefore, SHA256.HashData(File.ReadAllBytes(Docs)), "a smoke run must not write docs/benchmarks.md");
        return result;
    }

    private void EnsureBuilt()
    {
        lock (BuildLock)
        {
            if (File.Exists(Dll))
                return;
            var build = ProcessRunner.Run("dotnet", ["build", Path.Combine(RepoPaths.Root, "bench", project), "-c", Configuration, "-nodeReuse:false", "-tl:off"],
                RepoPaths.Root, timeout: TimeSpan.FromMinutes(10));
            Assert.AreEqual(0, build.ExitCode, build.ToString());
        }
    }
}
