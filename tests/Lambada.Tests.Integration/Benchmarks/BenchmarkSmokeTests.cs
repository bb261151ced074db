using Lambada.Testing;

namespace Lambada.Tests.Benchmarks;

/// <summary>
/// Every benchmark, in its smoke size, completes and prints its result rows — so none of them rots unnoticed. Neither
/// its figures nor its targets are checked (a smoke run is too small to mean anything; only a real run exits 1 on a
/// missed target). One class, so the smoke runs go one after the other rather than side by side on CI's two cores.
/// </summary>
[TestClass]
[TestCategory("BenchmarkSmoke")]
public sealed class BenchmarkSmokeTests
{
    [TestMethod]
    public void The_scan_benchmark_completes()
    {
        var run = BenchmarkProgram.Bench.RunSmoke("scan");

        AssertCompleted(run,
            "1. Scan + validate, 40 functions",
            "Cecil: open + enumerate types and methods (baseline)",
            "scan + validate: Scan → Manifest model → Validate (measured)",
            "FunctionScan.Run, first call in a fresh process");
    }

    [TestMethod]
    public void The_no_op_build_benchmark_completes()
    {
        var run = BenchmarkProgram.Bench.RunSmoke("build");

        AssertCompleted(run,
            "2. No-op build of samples/LambdaShell",
            "dotnet build, Lambada on (default)",
            "dotnet build -p:LambadaEnabled=false",
            "LambadaScan skipped (up to date)");
        Assert.IsFalse(run.Output.Contains("NOT a no-op", StringComparison.Ordinal), run.ToString());
    }

    [TestMethod]
    public void The_runtime_benchmark_completes()
    {
        var run = BenchmarkProgram.Bench.RunSmoke("runtime");

        AssertCompleted(run, "3. Packaged host vs. raw HttpClient floor", "Lambada, JIT", "floor, JIT", "warm per invoke (wall), Lambada / floor, JIT");
        Assert.IsFalse(run.Output.Contains("not measured", StringComparison.Ordinal), run.ToString());
    }

    [TestMethod]
    public void The_deploy_benchmark_completes()
    {
        var run = BenchmarkProgram.Deploy.RunSmoke();

        AssertCompleted(run, "## 4. Deploy against moto: Lambada vs. the AWS CLI", "| 1 | first deploy (N creates) |", "| 1 | no-op redeploy |");
    }

    [TestMethod]
    public void The_inner_loop_and_no_op_deploy_benchmark_completes()
    {
        var run = BenchmarkProgram.Deploy.RunSmoke("inner-loop");

        AssertCompleted(run,
            "## 5. The inner loop: edit → deployed",
            "| Lambada: `dotnet build -p:LambadaDeploy=true` after the edit |",
            "| hand floor: publish + zip + update-function-code, in all |",
            "### End to end: a no-op `dotnet build -p:LambadaDeploy=true` of the sample",
            "| `dotnet build`, nothing changed |");
    }

    private static void AssertCompleted(ProcessResult run, params string[] rows)
    {
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        foreach (var row in rows)
            StringAssert.Contains(run.Output, row, run.ToString());
        StringAssert.Contains(run.Output, "Smoke run: completed", run.ToString());
    }
}
