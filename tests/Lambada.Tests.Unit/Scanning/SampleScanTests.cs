using Lambada.Build;
using Lambada.Build.Manifest;
using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Scanning;

/// <summary>The reference user: the LambdaShell sample as built next to the tests.</summary>
[TestClass]
public sealed class SampleScanTests
{
    [TestMethod]
    public void The_sample_declares_its_two_functions_with_their_exact_values()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "LambdaShell.dll");
        var manifestPath = Path.Combine(Path.GetTempPath(), $"lambada-sample-{Guid.NewGuid():N}.json");
        try
        {
            // CI builds (CI=true) map the repository to /_/ in the PDB, as the task's @(SourceRoot) would tell it.
            var options = new ScanOptions { SourceRoots = [new SourceRoot(RepoPaths.Root + Path.DirectorySeparatorChar, "/_/")] };
            var outcome = FunctionScan.Run(dll, manifestPath, options, ProjectOptions.None);

            Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
            var run = outcome.Manifest.Functions.Single(f => f.Name == "lb_runCommand");
            Assert.AreEqual("LambdaShell.ShellFunctions::RunCommands", run.Method);
            Assert.AreEqual((512, 300, "*/lambda_s3_full"), (run.MemorySize, run.Timeout, run.Role));
            Assert.AreEqual(("dotnet10", "x86_64", "LambdaShell"), (run.Runtime, run.Architecture, run.Handler));
            Assert.IsTrue(run.Source!.File.EndsWith(Path.Combine("samples", "LambdaShell", "ShellFunctions.cs"), StringComparison.Ordinal), run.Source.File);
            var sourceLine = File.ReadAllLines(run.Source.File)[run.Source.Line - 1];
            StringAssert.Contains(sourceLine, "[LambadaFunction(Name = \"lb_runCommand\"");
            var describe = outcome.Manifest.Functions.Single(f => f.Name == "lb_describeRuntime");
            Assert.AreEqual(("LambdaShell.ShellFunctions::DescribeRuntime", 256, 10, "lambda_basic_execution"),
                (describe.Method, describe.MemorySize, describe.Timeout, describe.Role));
            Assert.AreEqual(2, outcome.Manifest.Functions.Count);
            Assert.AreEqual(ManifestWriter.ToJson(outcome.Manifest), ManifestWriter.ToJson(ManifestWriter.Read(manifestPath)), "the file round-trips to the same manifest");
        }
        finally
        {
            File.Delete(manifestPath);
        }
    }
}
