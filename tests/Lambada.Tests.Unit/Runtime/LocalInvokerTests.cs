using System.Globalization;
using System.Text.Json;
using Lambada.Runtime;
using Lambada.Runtime.Handlers;
using Lambada.Runtime.Local;
using Lambada.Testing;

namespace Lambada.Tests.Runtime;

[TestClass]
public sealed class LocalInvokerTests
{
    private static readonly FunctionCatalog Catalog = new(typeof(TestHandlers).Assembly);

    [TestMethod]
    public void Without_arguments_it_lists_the_functions()
    {
        var (exitCode, output) = Run();

        Assert.AreEqual(0, exitCode);
        StringAssert.Contains(output, "echo\tLambada.Tests.Runtime.TestHandlers::Echo");
        StringAssert.Contains(output, "order\tLambada.Tests.Runtime.TestHandlers::Price");
    }

    [TestMethod]
    public void A_function_runs_by_name_with_an_inline_payload()
    {
        var (exitCode, output) = Run("order", "{\"item\":\"ink\",\"quantity\":2}");

        Assert.AreEqual(0, exitCode);
        Assert.AreEqual("{\"Item\":\"ink\",\"Total\":6}", output.Trim());
    }

    [TestMethod]
    public void A_payload_can_come_from_a_file()
    {
        using var dir = new TempDirectory("payload");
        File.WriteAllText(dir.File("payload.json"), "\"from a file\"");

        var (exitCode, output) = Run("echo", "@" + dir.File("payload.json"));

        Assert.AreEqual((0, "\"from a file\""), (exitCode, output.Trim()));
    }

    [TestMethod]
    public void A_failing_handler_prints_the_error_json_and_exits_non_zero()
    {
        var (exitCode, output) = Run("throws", "\"x\"");

        Assert.AreEqual(1, exitCode);
        using var error = JsonDocument.Parse(output);
        Assert.AreEqual("InvalidOperationException", error.RootElement.GetProperty("errorType").GetString());
        Assert.AreEqual("boom: x", error.RootElement.GetProperty("errorMessage").GetString());
    }

    [TestMethod]
    public void An_unknown_function_names_the_ones_there_are()
    {
        var (exitCode, output) = Run("nope", "{}");

        Assert.AreEqual(1, exitCode);
        StringAssert.Contains(output, "No function named 'nope'");
        StringAssert.Contains(output, "echo");
    }

    /// <summary>Where the build puts the manifest beside the app: <c>&lt;AssemblyName&gt;.lambada.json</c>.</summary>
    private static readonly string ManifestFileName = typeof(LocalInvokerTests).Assembly.GetName().Name + ".lambada.json";

    [TestMethod]
    public void The_context_reports_the_memory_and_timeout_of_the_manifest_beside_the_app()
    {
        using var dir = new TempDirectory("local-manifest");
        File.WriteAllText(dir.File(ManifestFileName), """
            { "schemaVersion": 1, "assembly": "Lambada.Tests.Unit", "functions": [
              { "name": "echo", "memorySize": 256, "timeout": 5 },
              { "name": "limits", "method": "Lambada.Tests.Runtime.LimitsHandler::Limits", "memorySize": 1024, "timeout": 600, "role": "lambda_basic_execution" } ] }
            """);

        var (exitCode, output) = RunIn(dir.Path, "limits");

        Assert.AreEqual(0, exitCode, output);
        var (memory, remaining) = Limits(output);
        Assert.AreEqual(1024, memory, "the project default the manifest resolved, not the attribute's unset 0 or the built-in 512");
        Assert.IsTrue(remaining is > 500 and <= 600, $"{remaining} s left of the manifest's 600 s timeout");
    }

    [TestMethod]
    public void Without_a_manifest_the_context_reports_the_attribute_or_the_built_in_defaults()
    {
        using var dir = new TempDirectory("no-manifest");

        var (unset, unsetOutput) = RunIn(dir.Path, "limits");
        var (set, setOutput) = RunIn(dir.Path, "setLimits");

        Assert.AreEqual((0, 0), (unset, set), unsetOutput + setOutput);
        var (memory, remaining) = Limits(unsetOutput);
        Assert.AreEqual(512, memory);
        Assert.IsTrue(remaining is > 20 and <= 30, $"{remaining} s left of the built-in 30 s");
        (memory, remaining) = Limits(setOutput);
        Assert.AreEqual(2048, memory);
        Assert.IsTrue(remaining is > 290 and <= 300, $"{remaining} s left of the attribute's 300 s");
    }

    [TestMethod]
    public void A_manifest_that_cannot_be_read_is_said_and_the_attribute_is_used()
    {
        using var dir = new TempDirectory("bad-manifest");
        File.WriteAllText(dir.File(ManifestFileName), "{ not json");
        var output = new StringWriter();
        var errors = new StringWriter();

        var exitCode = LocalInvoker.Run(Catalog, ["setLimits"], output, errors, dir.Path);

        Assert.AreEqual(0, exitCode, output.ToString());
        Assert.AreEqual(2048, Limits(output.ToString()).MemoryMB);
        StringAssert.Contains(errors.ToString(), ManifestFileName + " could not be read");
    }

    private static (int MemoryMB, double RemainingSeconds) Limits(string output)
    {
        var parts = JsonSerializer.Deserialize<string>(output.Trim())!.Split(' ');
        return (int.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = LocalInvoker.Run(Catalog, args, output, new StringWriter());
        return (exitCode, output.ToString());
    }

    private static (int ExitCode, string Output) RunIn(string manifestDirectory, params string[] args)
    {
        var output = new StringWriter();
        var exitCode = LocalInvoker.Run(Catalog, args, output, new StringWriter(), manifestDirectory);
        return (exitCode, output.ToString());
    }
}

/// <summary>Report the memory size and the seconds left that the local context gives them.</summary>
public sealed class LimitsHandler
{
    [LambadaFunction(Name = "limits")]
    public static string Limits(ILambadaContext context) => Report(context);

    [LambadaFunction(Name = "setLimits", MemorySize = 2048, Timeout = 300)]
    public static string SetLimits(ILambadaContext context) => Report(context);

    private static string Report(ILambadaContext context) =>
        string.Create(CultureInfo.InvariantCulture, $"{context.MemoryLimitInMB} {context.RemainingTime.TotalSeconds}");
}
