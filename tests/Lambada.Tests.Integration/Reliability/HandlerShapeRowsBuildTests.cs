using Lambada.Testing;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10's handler-shape probes in one real package build (<see cref="FixtureProject"/>): every row is an LMB error at
/// its attribute's line and the package step is never reached. <c>HandlerShapeRowsTests</c> (unit) checks each row in-process.
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed class HandlerShapeRowsBuildTests
{
    private const string ProbeSource = """
        using Lambada;

        namespace Fixture;

        public ref struct Window { public int Start; }

        public abstract class Order { public int Id { get; set; } }

        public interface IOrder { int Id { get; } }

        public class Functions
        {
            [LambadaFunction]
            public int SpanOfByte(Span<byte> data) => data.Length;

            [LambadaFunction]
            public int RefStruct(Window window) => window.Start;

            [LambadaFunction]
            public async IAsyncEnumerable<int> Items() { await Task.Yield(); yield return 1; }

            [LambadaFunction]
            public Func<int> ReturnsDelegate() => () => 1;

            [LambadaFunction]
            public int Abstract(Order order) => order.Id;

            [LambadaFunction]
            public int Interface(IOrder order) => order.Id;

            [LambadaFunction]
            public int TakesDelegate(Func<int> next) => next();

            [LambadaFunction]
            public Task<Task<int>> Nested() => Task.FromResult(Task.FromResult(1));
        }
        """;

    [TestMethod]
    public void Every_probe_row_fails_a_real_package_build_at_its_attribute_with_no_SYSLIB1030()
    {
        using var project = new FixtureProject("shapes", new Dictionary<string, string> { ["Functions.cs"] = ProbeSource });

        var result = project.Build("-t:LambadaPackage");

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        var file = project.SourcePath("Functions.cs");
        var lines = FixtureScan.LinesOf(ProbeSource, "[LambadaFunction]");
        string[] codes = ["LMB0151", "LMB0151", "LMB0153", "LMB0152", "LMB0154", "LMB0154", "LMB0152", "LMB0155"];
        CollectionAssert.AreEquivalent(codes.Zip(lines, (code, line) => $"{file}({line},5): error {code}").ToArray(), LmbErrors(result.Output), result.ToString());
        Assert.IsFalse(result.Output.Contains("SYSLIB", StringComparison.Ordinal), result.ToString());
        var lambada = Path.Combine(project.Directory, "obj", "Debug", "net10.0", "lambada");
        Assert.IsFalse(File.Exists(Path.Combine(lambada, "LambadaBinding.g.cs")), "no binding for a rejected scan");
        Assert.IsFalse(File.Exists(Path.Combine(lambada, "shapes.zip")), "no package for a rejected scan");
        Assert.IsFalse(Directory.Exists(Path.Combine(lambada, "publish")), "the package's publish never started");
    }

    /// <summary>Each distinct <c>file(line,col): error LMB####</c> the build printed.</summary>
    private static string[] LmbErrors(string output)
    {
        const string marker = ": error LMB";
        return output.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Contains(marker, StringComparison.Ordinal))
            .Select(line => line[..(line.IndexOf(marker, StringComparison.Ordinal) + marker.Length + 4)])
            .Distinct()
            .ToArray();
    }
}
