using Lambada.Build.Diagnostics;
using Lambada.Testing;

namespace Lambada.Tests.Integration;

/// <summary>
/// Under the .NET Framework MSBuild (Visual Studio's MSBuild.exe, msbuild on Mono) the net8.0 task cannot load: the targets
/// say so with LMB0004 before any Lambada task runs, instead of MSBuild's MSB4062. No .NET Framework MSBuild runs here, so the
/// builds set the guard's private override _LambadaMSBuildRuntimeType (which defaults to $(MSBuildRuntimeType)) to what that
/// MSBuild reports: this proves the guard's condition, placement, message and location, not that such an MSBuild gets as far.
/// </summary>
[TestClass]
public sealed class FrameworkMSBuildTests
{
    private const string Source = """
        using Lambada;
        namespace Framework;
        public static class Functions
        {
            [LambadaFunction(Name = "framework_fn")] public static string Echo(string input) => input;
        }
        """;

    [TestMethod]
    [DataRow("Full")]
    [DataRow("Mono")]
    public void A_build_outside_the_dotnet_MSBuild_fails_with_LMB0004_at_the_project_before_any_Lambada_task(string runtimeType)
    {
        using var project = new FixtureProject("framework", new Dictionary<string, string> { ["Functions.cs"] = Source });

        var build = project.Build("-v:d", $"-p:_LambadaMSBuildRuntimeType={runtimeType}");

        Assert.AreNotEqual(0, build.ExitCode, build.ToString());
        StringAssert.Contains(build.Output, $"{project.ProjectFile} : error LMB0004: {DiagnosticCatalogue.FrameworkMSBuild.MessageFormat}", build.ToString());
        Assert.IsFalse(build.Output.Contains("MSB4062", StringComparison.Ordinal), build.ToString());
        Assert.IsFalse(build.Output.Contains("Task \"ScanFunctions\"", StringComparison.Ordinal), "no Lambada task ran");
        Assert.IsFalse(File.Exists(project.ManifestPath), "no scan");
    }

    [TestMethod]
    public void The_dotnet_MSBuild_itself_passes_the_guard()
    {
        using var project = new FixtureProject("framework-core", new Dictionary<string, string> { ["Functions.cs"] = Source });

        var build = project.Build();

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.IsFalse(build.Output.Contains("LMB0004", StringComparison.Ordinal), build.ToString());
        Assert.IsTrue(File.Exists(project.ManifestPath));
    }

    [TestMethod]
    [DataRow("-p:LambadaEnabled=false")]
    [DataRow("-p:DesignTimeBuild=true")]
    public void Without_Lambada_active_the_Framework_MSBuild_builds_the_project(string switchedOff)
    {
        using var project = new FixtureProject("framework-off", new Dictionary<string, string> { ["Functions.cs"] = Source });

        var build = project.Build("-p:_LambadaMSBuildRuntimeType=Full", switchedOff);

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.IsFalse(build.Output.Contains("LMB0004", StringComparison.Ordinal), build.ToString());
    }
}
