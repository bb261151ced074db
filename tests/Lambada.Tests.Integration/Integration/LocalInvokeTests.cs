using System.Text.Json;
using Lambada.Testing;

namespace Lambada.Tests.Integration;

/// <summary>The README's main job, exactly: the sample run locally through its generated Main.</summary>
[TestClass]
public sealed class LocalInvokeTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "LambdaShell");

    [TestMethod]
    public void The_sample_runs_lb_runCommand_locally_and_prints_the_json_result()
    {
        var result = DotnetRun("lb_runCommand", "[\"echo hello\", \"uname -s\"]");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        var output = JsonSerializer.Deserialize<Dictionary<string, string[]>>(result.Output.Trim())!;
        CollectionAssert.AreEqual(new[] { "echo hello", "uname -s" }, output.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "+ echo hello", "hello" }, output["echo hello"]);
        CollectionAssert.AreEqual(new[] { "+ uname -s", "Linux" }, output["uname -s"]);
    }

    [TestMethod]
    public void Without_arguments_it_lists_the_functions_and_an_unknown_one_fails_with_error_json()
    {
        var list = DotnetRun();
        var unknown = DotnetRun("lb_nope", "{}");

        Assert.AreEqual(0, list.ExitCode, list.ToString());
        StringAssert.Contains(list.Output, "lb_runCommand\tLambdaShell.ShellFunctions::RunCommands");
        StringAssert.Contains(list.Output, "lb_describeRuntime\tLambdaShell.ShellFunctions::DescribeRuntime");
        Assert.AreEqual(1, unknown.ExitCode);
        using var error = JsonDocument.Parse(unknown.Output);
        Assert.AreEqual("Runtime.NoSuchHandler", error.RootElement.GetProperty("errorType").GetString());
    }

    /// <summary>
    /// The memory and timeout a local run reports are the deployed ones: the project's LambadaDefaultMemorySize and the
    /// assembly's [LambadaDefaults] reach the local context through the manifest the build puts beside the app, and a
    /// rebuild with another default changes it.
    /// </summary>
    [TestMethod]
    public void A_local_run_reports_the_memory_and_timeout_the_manifest_resolved()
    {
        using var project = new FixtureProject("locallimits", new Dictionary<string, string>
        {
            ["Limits.cs"] = """
                using System.Globalization;
                using Lambada;
                using Lambada.Runtime;

                [assembly: LambadaDefaults(Timeout = 600)]

                public static class Limits
                {
                    [LambadaFunction(Name = "limits")]
                    public static string Report(ILambadaContext context) =>
                        string.Create(CultureInfo.InvariantCulture, $"{context.MemoryLimitInMB} {context.RemainingTime.TotalSeconds}");
                }
                """,
        }, "<OutputType>Exe</OutputType><LambadaDefaultMemorySize>1024</LambadaDefaultMemorySize>");

        var first = LimitsAfterBuild(project);
        var second = LimitsAfterBuild(project, "-p:LambadaDefaultMemorySize=2048");

        Assert.AreEqual(1024, first.MemoryMB, "LambadaDefaultMemorySize, not the built-in 512");
        Assert.IsTrue(first.RemainingSeconds is > 500 and <= 600, $"{first.RemainingSeconds} s left of [LambadaDefaults(Timeout = 600)]");
        Assert.AreEqual(2048, second.MemoryMB, "the rebuild's default, not the earlier build's copy");
    }

    private static (int MemoryMB, double RemainingSeconds) LimitsAfterBuild(FixtureProject project, params string[] buildArguments)
    {
        var build = project.Build(buildArguments);
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        var run = DotnetRunIn(project.Directory, "limits");
        Assert.AreEqual(0, run.ExitCode, run.ToString());
        var parts = JsonSerializer.Deserialize<string>(run.Output.Trim())!.Split(' ');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ProcessResult DotnetRun(params string[] args) => DotnetRunIn(Sample, args);

    private static ProcessResult DotnetRunIn(string project, params string[] args) => ProcessRunner.Run("dotnet",
        ["run", "--project", project, "--no-build", "--", .. args],
        environment: new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
}
