using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>
/// Architecture = Arm64 publishes for linux-arm64. The first package restores linux-arm64 in a publish of its own (the project's
/// restore had only linux-x64); the next build's restore has it, so the package build after an edit publishes in-process.
/// </summary>
[TestClass]
public sealed class Arm64PackageTests
{
    [TestMethod]
    public void An_arm64_function_is_published_for_linux_arm64_and_restored_up_front_after_the_first_package()
    {
        using var project = new FixtureProject("Graviton", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;

                namespace Graviton;

                public static class Functions
                {
                    [LambadaFunction(Name = "arm", Architecture = LambadaArchitecture.Arm64)] public static int Answer() => 42;
                }
                """,
        });

        var first = project.Build("-t:LambadaPackage", "-v:n");
        File.AppendAllText(project.SourcePath("Functions.cs"), "\n// edited\n");
        var second = project.Build("-t:LambadaPackage", "-v:n");

        Assert.AreEqual(0, first.ExitCode, first.ToString());
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        using var zip = System.IO.Compression.ZipFile.OpenRead(PackagePaths.Zip(project));
        using var deps = System.Text.Json.JsonDocument.Parse(zip.GetEntry("Graviton.deps.json")!.Open());
        Assert.AreEqual(".NETCoreApp,Version=v10.0/linux-arm64", deps.RootElement.GetProperty("runtimeTarget").GetProperty("name").GetString());
        var separatePublish = $"publish \"{project.ProjectFile}\"";
        StringAssert.Contains(first.Output, separatePublish, "the premise: linux-arm64 was not restored before the first package");
        Assert.IsFalse(second.Output.Contains(separatePublish, StringComparison.Ordinal), second.Output);
    }
}
