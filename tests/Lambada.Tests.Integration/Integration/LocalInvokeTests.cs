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

    private static ProcessResult DotnetRun(params string[] args) => ProcessRunner.Run("dotnet",
        ["run", "--project", Sample, "--no-build", "--", .. args],
        environment: new Dictionary<string, string?> { ["DOTNET_NOLOGO"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" });
}
