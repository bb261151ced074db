using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>
/// A self-contained project runs on provided.al2023: the package holds the runtime and an executable
/// <c>bootstrap</c>, and the extracted package starts from that bootstrap.
/// </summary>
[TestClass]
public sealed class SelfContainedPackageTests
{
    private static FixtureProject? _project;
    private static ProcessResult _package = new(-1, "");

    private static FixtureProject Project => _project!;

    [ClassInitialize]
    public static void Package(TestContext _)
    {
        _project = new FixtureProject("Contained", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;

                namespace Contained;

                public static class Functions
                {
                    [LambadaFunction(Name = "shout")] public static string Shout(string text) => text.ToUpperInvariant();
                }
                """,
        }, "<SelfContained>true</SelfContained>");
        _package = Project.Build("-t:LambadaPackage");
    }

    [ClassCleanup]
    public static void CleanUp() => _project?.Dispose();

    [TestMethod]
    public void Bootstrap_and_native_executables_are_0755_and_the_rest_0644()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        var entries = PythonZip.Entries(PackagePaths.Zip(Project)).ToDictionary(e => e.Name);

        Assert.AreEqual(PackagePaths.Executable, entries["bootstrap"].Mode);
        Assert.AreEqual(PackagePaths.Executable, entries["Contained"].Mode);
        Assert.AreEqual(PackagePaths.Executable, entries["libcoreclr.so"].Mode);
        Assert.AreEqual(PackagePaths.Regular, entries["Contained.dll"].Mode);
        Assert.AreEqual(PackagePaths.Regular, entries["System.Private.CoreLib.dll"].Mode);
    }

    [TestMethod]
    public void The_extracted_bootstrap_runs_the_function()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        using var extracted = new TempDirectory("extracted");
        PythonZip.Extract(PackagePaths.Zip(Project), extracted.Path);

        // Outside Lambda the entry point invokes locally: the same bootstrap Lambda would start.
        var result = ProcessRunner.Run(extracted.File("bootstrap"), ["shout", "\"hi\""]);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("\"HI\"", result.Output.Trim());
    }

    [TestMethod]
    public void The_bootstrap_is_a_shell_script_with_unix_line_endings()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        using var extracted = new TempDirectory("extracted");
        PythonZip.Extract(PackagePaths.Zip(Project), extracted.Path);

        Assert.AreEqual("#!/bin/sh\nexec \"$(dirname \"$0\")/Contained\" \"$@\"\n", File.ReadAllText(extracted.File("bootstrap")));
    }
}
