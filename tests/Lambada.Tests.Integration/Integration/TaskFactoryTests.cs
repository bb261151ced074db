using Lambada.Testing;

namespace Lambada.Tests.Integration;

/// <summary>
/// One UsingTask per task, whose factory follows LambadaTaskHost: a task host process only when LambadaTaskHost=true and
/// node reuse is on; in the build's own process when node reuse is off or LambadaTaskHost is false. The builds say whether
/// node reuse is on as a property (MSBuild itself reads MSBUILDDISABLENODEREUSE=1 from the environment and reuses no node).
/// </summary>
[TestClass]
public sealed class TaskFactoryTests
{
    private const string Source = """
        using Lambada;
        namespace Factory;
        public static class Functions
        {
            [LambadaFunction(Name = "factory_fn")] public static string Echo(string input) => input;
        }
        """;

    private const string TaskHostLaunch = "Launching task \"ListFunctions\" from assembly";
    private const string TaskRan = "Task \"ListFunctions\"";

    [TestMethod]
    public void LambadaTaskHost_with_node_reuse_runs_the_tasks_in_a_task_host()
    {
        using var project = new FixtureProject("factory-host", new Dictionary<string, string> { ["Functions.cs"] = Source });

        var build = project.Build("-v:d", "-p:LambadaList=true", "-p:MSBUILDDISABLENODEREUSE=0");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        StringAssert.Contains(build.Output, "Launching task \"ScanFunctions\" from assembly");
        StringAssert.Contains(build.Output, TaskHostLaunch);
        StringAssert.Contains(build.Output, "in an external task host");
        StringAssert.Contains(build.Output, "Lambada: 1 function(s) declared by factory-host");
    }

    [TestMethod]
    public void LambadaTaskHost_without_node_reuse_runs_the_tasks_in_process()
    {
        using var project = new FixtureProject("factory-noreuse", new Dictionary<string, string> { ["Functions.cs"] = Source });

        var build = project.Build("-v:d", "-p:LambadaList=true");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        StringAssert.Contains(build.Output, TaskRan);
        StringAssert.Contains(build.Output, "Lambada: 1 function(s) declared by factory-noreuse");
        Assert.IsFalse(build.Output.Contains("in an external task host", StringComparison.Ordinal), build.ToString());
    }

    [TestMethod]
    public void Without_LambadaTaskHost_the_tasks_run_in_process_also_with_node_reuse()
    {
        using var project = new FixtureProject("factory-inproc", new Dictionary<string, string> { ["Functions.cs"] = Source },
            "<LambadaTaskHost>false</LambadaTaskHost>");

        var build = project.Build("-v:d", "-p:LambadaList=true", "-p:MSBUILDDISABLENODEREUSE=0");

        Assert.AreEqual(0, build.ExitCode, build.ToString());
        StringAssert.Contains(build.Output, TaskRan);
        StringAssert.Contains(build.Output, "Lambada: 1 function(s) declared by factory-inproc");
        Assert.IsFalse(build.Output.Contains("in an external task host", StringComparison.Ordinal), build.ToString());
    }
}
