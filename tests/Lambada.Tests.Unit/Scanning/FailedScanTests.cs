using Lambada.Build;
using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Scanning;

/// <summary>A scan that finds errors reports them, also on a first build whose output folders do not exist yet.</summary>
[TestClass]
public sealed class FailedScanTests
{
    [TestMethod]
    public void A_failing_scan_into_a_folder_that_does_not_exist_yet_reports_its_errors()
    {
        var source = FixtureScan.ClassWith("""
                [LambadaFunction] public void A() { }

                [LambadaFunction(Architecture = LambadaArchitecture.Arm64)] public void B() { }
            """);
        using var dir = new TempDirectory("failed-scan");
        var dll = CSharpCompiler.Compile(dir.Path, "Fixture", new Dictionary<string, string> { ["Functions.cs"] = source });
        var missing = Path.Combine(dir.Path, "obj", "not-yet", "lambada");

        var outcome = FunctionScan.Run(dll, Path.Combine(missing, "functions.json"), ScanOptions.Default, ProjectOptions.None,
            Path.Combine(missing, "LambadaBinding.g.cs"));

        Assert.IsFalse(outcome.Succeeded);
        var error = outcome.Diagnostics.Single(d => d.IsError);
        Assert.AreEqual("LMB0201", error.Code);
        Assert.AreEqual(FixtureScan.LinesOf(source, "Arm64").Single(), error.Location!.Line);
        Assert.IsFalse(Directory.Exists(missing), "a failed scan writes nothing");
    }
}
