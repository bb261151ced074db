using System.Globalization;
using System.Text.Json;
using Lambada.Testing;
using Lambada.Tests.Runtime;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10, "the host never dies on the Runtime API's input": each malformed <c>/next</c> answer against the test
/// Runtime API, then a normal invocation on the same host — answered, so the host kept serving. The two probe rows
/// (no request id: exit 134; a deadline past ~49 days: exit 134) also run against the sample as a real process, in
/// <c>HostProcessInputTests</c> (integration).
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed class HostInputTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private const string DeadlineHeader = "Lambda-Runtime-Deadline-Ms";

    [TestMethod]
    [DataRow(null, DisplayName = "header missing")]
    [DataRow("", DisplayName = "header empty")]
    [DataRow("   ", DisplayName = "header blank")]
    public async Task Runtime_host_invocation_without_request_id_is_logged_skipped_and_the_host_serves_on(string? requestId)
    {
        using var server = new RuntimeApiTestServer();
        await using var host = new RunningHost(server, nameof(TestHandlers.Echo));
        var headers = RuntimeApiTestServer.Headers("unused", DateTimeOffset.UtcNow.AddSeconds(30));
        headers.Remove("Lambda-Runtime-Aws-Request-Id");
        if (requestId is not null)
            headers["Lambda-Runtime-Aws-Request-Id"] = requestId;

        server.EnqueueAnswer(headers, "\"lost\"");
        var next = await server.Enqueue("\"next\"").WaitAsync(Patience);

        Assert.AreEqual((OutcomeKind.Response, "\"next\""), (next.Kind, next.Text));
        Assert.HasCount(1, server.Posts, "nothing was posted for the invocation without an id: " + string.Join(", ", server.Posts));
        StringAssert.EndsWith(server.Posts[0], "/response");
        StringAssert.Contains(host.Log, "ERROR\tLambada host: the answer to GET");
        StringAssert.Contains(host.Log, "has no Lambda-Runtime-Aws-Request-Id header (a 6-byte event;");
        StringAssert.Contains(host.Log, "that invocation cannot be answered");
    }

    [TestMethod]
    [DataRow("99999999999999999", "days ahead, more than Lambda's 900 s limit", DisplayName = "99999999999999999")]
    [DataRow("+50d", "50 days ahead, more than Lambda's 900 s limit", DisplayName = "50 days ahead")]
    [DataRow("abc", "'abc' is not a number of milliseconds", DisplayName = "abc")]
    [DataRow("-5", "-5 is negative", DisplayName = "negative")]
    [DataRow("1.5e12", "'1.5e12' is not a number of milliseconds", DisplayName = "not an integer")]
    [DataRow("999999999999999999999", "is not a number of milliseconds", DisplayName = "beyond a long")]
    [DataRow("3600000", "3600000 is 3600 s ahead", DisplayName = "a one-hour duration")]
    [DataRow(null, "no Lambda-Runtime-Deadline-Ms header", DisplayName = "header missing")]
    public async Task Runtime_host_unusable_deadline_runs_the_invocation_with_15_minutes_and_the_host_serves_on(string? deadline, string logged)
    {
        using var server = new RuntimeApiTestServer();
        await using var host = new RunningHost(server, nameof(TestHandlers.Context));
        var requestId = Guid.NewGuid().ToString();
        var headers = RuntimeApiTestServer.Headers(requestId, DateTimeOffset.UtcNow);
        if (deadline is null)
            headers.Remove(DeadlineHeader);
        else
            headers[DeadlineHeader] = deadline == "+50d" ? DateTimeOffset.UtcNow.AddDays(50).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) : deadline;
        var clamped = server.OutcomeFor(requestId);

        server.EnqueueAnswer(headers, "\"x\"");
        var outcome = await clamped.WaitAsync(Patience);
        var next = await server.Enqueue("\"y\"", TimeSpan.FromSeconds(10)).WaitAsync(Patience);

        Assert.AreEqual(OutcomeKind.Response, outcome.Kind, outcome.Text);
        var remaining = RemainingMs(outcome);
        Assert.IsTrue(remaining is > 14 * 60_000 and <= 15 * 60_000, $"remaining {remaining} ms: the 15 minutes of Lambda's longest timeout");
        StringAssert.Contains(host.Log, $"\t{requestId}\tWARN\tLambada host: ");
        StringAssert.Contains(host.Log, logged);
        StringAssert.Contains(host.Log, "; assuming 15 minutes from now");
        Assert.AreEqual(OutcomeKind.Response, next.Kind, next.Text);
        Assert.IsTrue(RemainingMs(next) is > 5_000 and <= 10_000, "a normal deadline after it is taken as sent");
    }

    [TestMethod]
    public async Task Runtime_host_deadline_already_past_runs_with_no_time_left_and_its_token_cancelled()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = new RunningHost(server, nameof(TestHandlers.WaitsForCancellation));

        var past = await server.Enqueue("\"x\"", TimeSpan.FromHours(-1)).WaitAsync(Patience);
        var next = await server.Enqueue("\"y\"", TimeSpan.FromSeconds(1)).WaitAsync(Patience);

        Assert.AreEqual((OutcomeKind.Error, "TaskCanceledException"), (past.Kind, past.ErrorType), past.Text);
        StringAssert.Contains(host.Log, "s in the past; the invocation runs with its token already cancelled");
        Assert.AreEqual((OutcomeKind.Error, "TaskCanceledException"), (next.Kind, next.ErrorType), "the next one is cancelled by its own deadline");
    }

    [TestMethod]
    public async Task Runtime_host_deadline_already_past_leaves_zero_remaining_time()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = new RunningHost(server, nameof(TestHandlers.Context));

        var past = await server.Enqueue("\"x\"", TimeSpan.FromMinutes(-5)).WaitAsync(Patience);

        Assert.AreEqual(0, RemainingMs(past), "no time left, not a negative time");
    }

    [TestMethod]
    [DataRow(500, DisplayName = "500")]
    [DataRow(403, DisplayName = "403")]
    [DataRow(404, DisplayName = "404")]
    public async Task Runtime_host_error_status_from_next_is_logged_and_the_host_asks_again(int status)
    {
        using var server = new RuntimeApiTestServer();
        await using var host = new RunningHost(server, nameof(TestHandlers.Echo));

        server.EnqueueAnswer(new Dictionary<string, string>(), """{"errorType":"Test.Failure","errorMessage":"not now"}""", status);
        var next = await server.Enqueue("\"next\"").WaitAsync(Patience);

        Assert.AreEqual((OutcomeKind.Response, "\"next\""), (next.Kind, next.Text));
        StringAssert.Contains(host.Log, $"/2018-06-01/runtime/invocation/next answered HTTP {status} ");
        StringAssert.Contains(host.Log, "\"errorMessage\":\"not now\"");
    }

    [TestMethod]
    public async Task Runtime_host_event_body_cut_short_is_an_error_for_that_invocation()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = new RunningHost(server, nameof(TestHandlers.Echo));
        var requestId = Guid.NewGuid().ToString();
        var cut = server.OutcomeFor(requestId);

        server.EnqueueAnswer(RuntimeApiTestServer.Headers(requestId, DateTimeOffset.UtcNow.AddSeconds(30)), "\"half of it", cutBody: true);
        var error = await cut.WaitAsync(Patience);
        var next = await server.Enqueue("\"next\"").WaitAsync(Patience);

        Assert.AreEqual((OutcomeKind.Error, "Runtime.UnreadableEvent"), (error.Kind, error.ErrorType), error.Text);
        StringAssert.Contains(Message(error), "The event could not be received");
        Assert.AreEqual((OutcomeKind.Response, "\"next\""), (next.Kind, next.Text));
    }

    [TestMethod]
    [DataRow(500, DisplayName = "500")]
    [DataRow(400, DisplayName = "400")]
    public async Task Runtime_host_response_refused_by_the_Runtime_API_is_reported_as_an_error(int status)
    {
        using var server = new RuntimeApiTestServer();
        await using var host = new RunningHost(server, nameof(TestHandlers.Echo));
        var requestId = Guid.NewGuid().ToString();
        server.RefuseResponse(requestId, status);
        var refused = server.OutcomeFor(requestId);

        server.EnqueueAnswer(RuntimeApiTestServer.Headers(requestId, DateTimeOffset.UtcNow.AddSeconds(30)), "\"x\"");
        var error = await refused.WaitAsync(Patience);
        var next = await server.Enqueue("\"next\"").WaitAsync(Patience);

        Assert.AreEqual((OutcomeKind.Error, "Runtime.ResponseNotAccepted"), (error.Kind, error.ErrorType), error.Text);
        StringAssert.Contains(Message(error), $"did not accept the 3-byte response: POST ");
        StringAssert.Contains(Message(error), $"answered HTTP {status} ");
        Assert.AreEqual((OutcomeKind.Response, "\"next\""), (next.Kind, next.Text));
    }

    private static int RemainingMs(Outcome outcome) =>
        int.Parse(JsonSerializer.Deserialize<Dictionary<string, string>>(outcome.Text)!["remainingMs"], CultureInfo.InvariantCulture);

    private static string Message(Outcome error)
    {
        using var body = JsonDocument.Parse(error.Text);
        return body.RootElement.GetProperty("errorMessage").GetString()!;
    }
}
