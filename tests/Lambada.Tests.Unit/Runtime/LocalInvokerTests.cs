using System.Text.Json;
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

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var output = new StringWriter();
        var exitCode = LocalInvoker.Run(Catalog, args, output, new StringWriter());
        return (exitCode, output.ToString());
    }
}
