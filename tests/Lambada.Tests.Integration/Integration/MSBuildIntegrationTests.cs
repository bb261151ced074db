using System.Text.RegularExpressions;
using Lambada.Build.Manifest;
using Lambada.Testing;

namespace Lambada.Tests.Integration;

/// <summary>Lambada's props, targets and task inside real <c>dotnet build</c>s of fresh projects.</summary>
[TestClass]
public sealed partial class MSBuildIntegrationTests
{
    private const string GoodSource = """
        using Lambada;

        namespace Fixture;

        public class Functions
        {
            [LambadaFunction(Name = "hello", MemorySize = 256)]
            public string Hello(string name) => "hello " + name;
        }
        """;

    private const string BadSource = """
        using Lambada;

        namespace Fixture;

        public class Functions
        {
            [LambadaFunction(Name = "bad name", MemorySize = 64)]
            public string A(string x) => x;

            [LambadaFunction(Name = "dup")]
            public string B(string x) => x;

            [LambadaFunction(Name = "dup", Timeout = 0)]
            [LambadaEnvironment("AWS_REGION", "eu-west-1")]
            public string C(string x, string y) => x + y;
        }
        """;

    [TestMethod]
    public void Bad_attributes_fail_the_build_with_one_error_per_problem_at_file_and_line()
    {
        using var project = new FixtureProject("bad", new Dictionary<string, string> { ["Functions.cs"] = BadSource });

        var result = project.Build();

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        var file = project.SourcePath("Functions.cs");
        var errors = ErrorsIn(result.Output, file);
        CollectionAssert.AreEquivalent(new[]
        {
            ("LMB0101", 7, 5), ("LMB0103", 7, 5),
            ("LMB0102", 10, 5),
            ("LMB0102", 13, 5), ("LMB0111", 13, 5), ("LMB0145", 13, 5),
        }, errors, result.ToString());
        Assert.IsFalse(File.Exists(project.ManifestPath), "no manifest after a failed scan");
        Assert.IsFalse(File.Exists(Path.Combine(project.Directory, "bin", "Debug", "net10.0", "bad.dll")), "the build stopped before copying the output");
    }

    [TestMethod]
    public void A_CI_build_with_mapped_paths_still_points_errors_at_the_local_file()
    {
        // What SourceLink sets up in a git checkout: the project folder is a source root, written as /_/ into the PDB.
        using var project = new FixtureProject("ci", new Dictionary<string, string> { ["Functions.cs"] = BadSource },
            "<ContinuousIntegrationBuild>true</ContinuousIntegrationBuild></PropertyGroup>"
            + "<ItemGroup><SourceRoot Include=\"$(MSBuildProjectDirectory)/\" /></ItemGroup><PropertyGroup>");

        var result = project.Build();

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        using (var pdb = System.Reflection.Metadata.MetadataReaderProvider.FromPortablePdbStream(File.OpenRead(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "ci.pdb"))))
        {
            var reader = pdb.GetMetadataReader();
            var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToArray();
            var functions = documents.Single(d => d.EndsWith("Functions.cs", StringComparison.Ordinal));
            Assert.IsTrue(functions.StartsWith("/_", StringComparison.Ordinal), "the PDB holds a mapped path: " + functions);
        }
        Assert.AreEqual(6, ErrorsIn(result.Output, project.SourcePath("Functions.cs")).Length, result.ToString());
    }

    [TestMethod]
    public void A_good_project_gets_its_manifest_and_an_unchanged_build_does_not_rescan()
    {
        using var project = new FixtureProject("good", new Dictionary<string, string> { ["Functions.cs"] = GoodSource });

        var first = project.Build();
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        var manifest = ManifestWriter.Read(project.ManifestPath);
        var hello = manifest.Functions.Single();
        Assert.AreEqual(("hello", 256, 30, "Fixture.Functions::Hello"), (hello.Name, hello.MemorySize, hello.Timeout, hello.Method));
        var writtenAt = File.GetLastWriteTimeUtc(project.ManifestPath);

        var second = project.Build("-v:d");
        Assert.AreEqual(0, second.ExitCode, second.ToString());
        StringAssert.Contains(second.Output, "Skipping target \"LambadaScan\" because all output files are up-to-date");
        Assert.IsFalse(second.Output.Contains("Lambada.Build.Tasks.ScanFunctions", StringComparison.Ordinal) && second.Output.Contains("Task \"ScanFunctions\"", StringComparison.Ordinal), "the task did not run");
        Assert.AreEqual(writtenAt, File.GetLastWriteTimeUtc(project.ManifestPath));

        var changedDefault = project.Build("-p:LambadaDefaultTimeout=45");
        Assert.AreEqual(0, changedDefault.ExitCode, changedDefault.ToString());
        Assert.AreEqual(45, ManifestWriter.Read(project.ManifestPath).Functions.Single().Timeout, "a changed property reruns the scan");
    }

    [TestMethod]
    public void Design_time_builds_never_scan()
    {
        using var project = new FixtureProject("designtime", new Dictionary<string, string> { ["Functions.cs"] = GoodSource });
        Assert.AreEqual(0, project.Build().ExitCode);
        File.Delete(project.ManifestPath);

        var designTime = project.Build("-p:DesignTimeBuild=true");

        Assert.AreEqual(0, designTime.ExitCode, designTime.ToString());
        Assert.IsFalse(File.Exists(project.ManifestPath), "a design-time build wrote the manifest");
        Assert.AreEqual(0, project.Build().ExitCode);
        Assert.IsTrue(File.Exists(project.ManifestPath), "a normal build writes it again");
    }

    [TestMethod]
    public void A_default_that_is_not_a_number_is_an_error()
    {
        using var project = new FixtureProject("badprop", new Dictionary<string, string> { ["Functions.cs"] = GoodSource });

        var result = project.Build("-p:LambadaDefaultMemorySize=lots");

        Assert.AreNotEqual(0, result.ExitCode);
        StringAssert.Contains(result.Output, "error LMB0162: The MSBuild property LambadaDefaultMemorySize is 'lots'");
    }

    private static (string Code, int Line, int Column)[] ErrorsIn(string output, string file) =>
        output.Split('\n')
            .Select(line => ErrorLine().Match(line))
            .Where(m => m.Success && m.Groups["file"].Value == file)
            .Select(m => (m.Groups["code"].Value, int.Parse(m.Groups["line"].Value), int.Parse(m.Groups["col"].Value)))
            .Distinct()
            .ToArray();

    [GeneratedRegex(@"^\s*(?<file>[^(]+)\((?<line>\d+),(?<col>\d+)\): error (?<code>LMB\d{4}):")]
    private static partial Regex ErrorLine();
}
