using Lambada.Tests.Benchmarks;

namespace Lambada.Tests.Serve;

/// <summary>The serve benchmark, in its smoke size, completes with every answer right and prints its rows (figures not checked).</summary>
[TestClass]
[TestCategory("BenchmarkSmoke")]
public sealed class ServeBenchmarkSmokeTests
{
    [TestMethod]
    public void The_serve_benchmark_completes()
    {
        var run = new BenchmarkProgram("Lambada.Bench.Serve").RunSmoke();

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        foreach (var row in new[] { "6. Local serve vs. HttpListener echo floor", "floor: HttpListener echo", "Lambada: serve", "latency p50 Lambada / floor", "Smoke run: completed" })
            StringAssert.Contains(run.Output, row, run.ToString());
        Assert.IsFalse(run.Output.Contains("WRONG answers", StringComparison.Ordinal), run.ToString());
    }
}
