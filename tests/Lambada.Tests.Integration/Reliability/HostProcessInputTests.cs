using System.Diagnostics;
using Lambada.Testing;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10's two probe rows of "the host never dies on the Runtime API's input" (no request id: exit 134; a deadline past
/// ~49 days: exit 134) against the sample as a real process; <c>HostInputTests</c> (unit) has every row in-process.
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed class HostProcessInputTests
{
    private const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";

    // The original failures were process aborts (exit 134), so these two rows also run the sample as Lambda runs it.

    [TestMethod]
    public async Task Runtime_host_process_invocation_without_request_id_does_not_abort()
    {
        using var server = new RuntimeApiTestServer();
        using var process = StartSample(server);
        var noId = RuntimeApiTestServer.Headers("unused", DateTimeOffset.UtcNow.AddSeconds(30));
        noId.Remove("Lambda-Runtime-Aws-Request-Id");
        var emptyId = new Dictionary<string, string>(noId) { ["Lambda-Runtime-Aws-Request-Id"] = "" };

        server.EnqueueAnswer(noId, "{}");
        server.EnqueueAnswer(emptyId, "{}");
        var next = await process.Answer(server.Enqueue("{}"), TimeSpan.FromMinutes(1));

        AssertDescribed(next, process);
        Assert.HasCount(1, server.Posts, string.Join(", ", server.Posts));
        Assert.AreEqual(2, CountOf(process.Output, "has no Lambda-Runtime-Aws-Request-Id header"), process.Output);
    }

    [TestMethod]
    public async Task Runtime_host_process_deadline_99999999999999999_or_50_days_ahead_does_not_abort()
    {
        using var server = new RuntimeApiTestServer();
        using var process = StartSample(server);

        var huge = await process.Answer(server.Enqueue("{}", headers: new Dictionary<string, string> { [DeadlineHeader] = "99999999999999999" }), TimeSpan.FromMinutes(1));
        var fiftyDays = await process.Answer(server.Enqueue("{}", TimeSpan.FromDays(50)), TimeSpan.FromMinutes(1));
        var next = await process.Answer(server.Enqueue("{}"), TimeSpan.FromMinutes(1));

        AssertDescribed(huge, process);
        AssertDescribed(fiftyDays, process);
        AssertDescribed(next, process);
        Assert.AreEqual(2, CountOf(process.Output, "; assuming 15 minutes from now"), process.Output);
    }

    private static HostProcess StartSample(RuntimeApiTestServer server)
    {
        // The sample's build output sits beside the tests' (project reference): run it as the managed runtime would.
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LambdaShell.dll")]);
        start.Environment["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = "256";
        return server.StartProcess(start, "LambdaShell.ShellFunctions::DescribeRuntime");
    }

    private static void AssertDescribed(Outcome outcome, HostProcess process)
    {
        Assert.AreEqual(OutcomeKind.Response, outcome.Kind, outcome.Text + "\n" + process.Output);
        StringAssert.Contains(outcome.Text, "\"MemoryLimitInMB\":256");
        Assert.IsFalse(process.HasExited, process.Output);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}
