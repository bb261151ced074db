using Lambada.Testing;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10, row "-v:n build": a normal-verbosity build prints Lambada's own lines and none of MSBuild's
/// "Task assembly was loaded from …/Microsoft.Build.dll while the desired location was …". The task is referenced the
/// way the sample references it (through a path with "../" in it) and runs through TaskHostFactory, as in the sample
/// and the fixtures: that is where MSBuild compared the path as written with the path it loaded. The tasks use
/// TaskHostFactory only when node reuse is on, so the builds say so as a property (MSBuild itself still reads
/// MSBUILDDISABLENODEREUSE=1 from the environment and reuses no node).
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed class QuietBuildTests
{
    private const string Mismatch = "Task assembly was loaded from";
    private const string TaskHostOn = "-p:MSBUILDDISABLENODEREUSE=0";

    private static FixtureProject? _project;
    private static ProcessResult _build = new(-1, "");
    private static ProcessResult _package = new(-1, "");

    [ClassInitialize]
    public static void Build(TestContext _)
    {
        var taskFolder = Path.GetDirectoryName(RepoPaths.TaskAssembly)!;
        var throughParent = Path.Combine(taskFolder, "..", Path.GetFileName(taskFolder), "Lambada.Build.dll");
        _project = new FixtureProject("quiet", new Dictionary<string, string>
        {
            ["Functions.cs"] = """
                using Lambada;
                namespace Quiet;
                public static class Functions
                {
                    [LambadaFunction(Name = "quiet_fn")] public static string Echo(string input) => input;
                }
                """,
        }, $"<LambadaTaskAssembly>{throughParent}</LambadaTaskAssembly>");
        _build = _project.Build("-v:n", "-p:LambadaList=true", TaskHostOn);
        _package = _project.Build("-t:LambadaPackage", "-v:n", TaskHostOn);
    }

    [ClassCleanup]
    public static void CleanUp() => _project?.Dispose();

    [TestMethod]
    public void A_normal_verbosity_build_has_no_task_assembly_location_message_for_the_scan_and_list_tasks()
    {
        Assert.AreEqual(0, _build.ExitCode, _build.ToString());
        StringAssert.Contains(_build.Output, "Lambada: 1 function(s) in quiet");
        StringAssert.Contains(_build.Output, "Lambada: 1 function(s) declared by quiet");
        Assert.IsFalse(_build.Output.Contains(Mismatch, StringComparison.Ordinal), _build.Output);
    }

    [TestMethod]
    public void A_normal_verbosity_package_build_has_no_task_assembly_location_message_for_the_package_tasks()
    {
        Assert.AreEqual(0, _package.ExitCode, _package.ToString());
        StringAssert.Contains(_package.Output, "CodeSha256");
        Assert.IsFalse(_package.Output.Contains(Mismatch, StringComparison.Ordinal), _package.Output);
    }
}
