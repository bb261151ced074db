using System.Text.RegularExpressions;
using Lambada.Testing;

namespace Lambada.Tests.Integration;

/// <summary>
/// The stable paths (DESIGN §5, docs/build.md) as public properties: a user's target that depends on LambadaResolvePaths reads
/// them before Lambada has run anything, and after LambadaPackage they name the files it wrote.
/// </summary>
[TestClass]
public sealed partial class PathPropertiesTests
{
    private const string Source = """
        using Lambada;
        namespace Paths;
        public static class Functions
        {
            [LambadaFunction(Name = "paths_fn")] public static string Echo(string input) => input;
        }
        """;

    // Closes the fixture's PropertyGroup to add the user's own targets, then opens one again for the fixture's </PropertyGroup>.
    private const string UserTargets = """
        <AssemblyName>RenamedPaths</AssemblyName>
        </PropertyGroup>
        <Target Name="UserBeforeCompile" BeforeTargets="CoreCompile" DependsOnTargets="LambadaResolvePaths">
          <Message Importance="high" Text="user-before: manifest=$(LambadaManifestPath) package=$(LambadaPackagePath) intermediate=$(MSBuildProjectDirectory)/$(IntermediateOutputPath)" />
        </Target>
        <Target Name="UserAfterPackage" AfterTargets="LambadaPackage" DependsOnTargets="LambadaResolvePaths">
          <Message Importance="high" Text="user-after: manifest=$(LambadaManifestPath) exists=$([System.IO.File]::Exists('$(LambadaManifestPath)')) package=$(LambadaPackagePath) exists=$([System.IO.File]::Exists('$(LambadaPackagePath)')) hash=$(LambadaPackageHashPath)" />
        </Target>
        <PropertyGroup>
        """;

    [TestMethod]
    public void A_user_target_depending_on_LambadaResolvePaths_reads_the_manifest_and_package_paths()
    {
        using var project = new FixtureProject("paths", new Dictionary<string, string> { ["Functions.cs"] = Source }, UserTargets);
        var intermediate = Path.Combine(project.Directory, "obj", "Debug", "net10.0");
        var manifest = Path.Combine(intermediate, "lambada", "functions.json");
        var package = Path.Combine(intermediate, "lambada", "RenamedPaths.zip");

        var build = project.Build("-t:LambadaPackage");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var before = BeforeLine().Match(build.Output);
        Assert.IsTrue(before.Success, build.ToString());
        Assert.AreEqual(Path.GetFullPath(before.Groups["intermediate"].Value), intermediate + Path.DirectorySeparatorChar, "$(IntermediateOutputPath)");
        Assert.AreEqual((manifest, package), (before.Groups["manifest"].Value, before.Groups["package"].Value));

        var after = AfterLine().Match(build.Output);
        Assert.IsTrue(after.Success, build.ToString());
        Assert.AreEqual((manifest, "True", package, "True", package + ".sha256"),
            (after.Groups["manifest"].Value, after.Groups["manifestExists"].Value, after.Groups["package"].Value, after.Groups["packageExists"].Value, after.Groups["hash"].Value));
        Assert.IsTrue(File.Exists(package + ".sha256"));
    }

    [GeneratedRegex(@"user-before: manifest=(?<manifest>\S+) package=(?<package>\S+) intermediate=(?<intermediate>\S+)")]
    private static partial Regex BeforeLine();

    [GeneratedRegex(@"user-after: manifest=(?<manifest>\S+) exists=(?<manifestExists>\w+) package=(?<package>\S+) exists=(?<packageExists>\w+) hash=(?<hash>\S+)")]
    private static partial Regex AfterLine();
}
