using System.Diagnostics;
using System.Text.Json;
using Lambada.Runtime;
using Lambada.Testing;

namespace Lambada.Tests.Runtime;

/// <summary>The host against a Runtime API server written for the tests: every shape, every failure, and the loop going on.</summary>
[TestClass]
public sealed class InvocationLoopTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [TestMethod]
    [DataRow(nameof(TestHandlers.Echo), "\"hi\"", "\"hi\"")]
    [DataRow(nameof(TestHandlers.NoInputNoOutput), "", "")]
    [DataRow(nameof(TestHandlers.Price), "{\"item\":\"pen\",\"QUANTITY\":4}", "{\"Item\":\"pen\",\"Total\":12}")]
    [DataRow(nameof(TestHandlers.JustATask), "\"x\"", "")]
    [DataRow(nameof(TestHandlers.Length), "\"four\"", "4")]
    [DataRow(nameof(TestHandlers.Double), "21", "42")]
    [DataRow(nameof(TestHandlers.Nothing), "{}", "")]
    [DataRow(nameof(TestHandlers.Upper), "raw bytes, not JSON", "RAW BYTES, NOT JSON")]
    public async Task Every_handler_shape_answers_its_event(string method, string payload, string expected)
    {
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, method);

        var outcome = await server.Enqueue(payload).WaitAsync(Patience);

        Assert.AreEqual(OutcomeKind.Response, outcome.Kind, outcome.Text);
        Assert.AreEqual(expected, outcome.Text);
    }

    [TestMethod]
    public async Task The_context_carries_the_invocation_headers_and_the_trace_id_is_exported()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, nameof(TestHandlers.Context));

        var outcome = await server.Enqueue("\"x\"", TimeSpan.FromSeconds(10)).WaitAsync(Patience);

        var values = JsonSerializer.Deserialize<Dictionary<string, string>>(outcome.Text)!;
        Assert.IsTrue(Guid.TryParse(values["requestId"], out _), outcome.Text);
        Assert.AreEqual("arn:aws:lambda:us-east-1:123456789012:function:test", values["arn"]);
        var remaining = int.Parse(values["remainingMs"]);
        Assert.IsTrue(remaining is > 5_000 and <= 10_000, $"remaining {remaining} ms of a 10 s deadline");
        StringAssert.StartsWith(values["trace"], "Root=1-");
    }

    [TestMethod]
    public async Task Client_context_and_Cognito_identity_reach_the_context_as_sent()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, nameof(TestHandlers.Caller));
        var headers = new Dictionary<string, string>
        {
            ["Lambda-Runtime-Client-Context"] = "{\"client\":{\"app_title\":\"shell\"}}",
            ["Lambda-Runtime-Cognito-Identity"] = "{\"cognitoIdentityId\":\"us-east-1:abc\"}",
        };

        var withHeaders = await server.Enqueue("", headers: headers).WaitAsync(Patience);
        var without = await server.Enqueue("").WaitAsync(Patience);

        CollectionAssert.AreEqual(headers.Values.ToArray(), JsonSerializer.Deserialize<string[]>(withHeaders.Text));
        CollectionAssert.AreEqual(new[] { "-", "-" }, JsonSerializer.Deserialize<string[]>(without.Text));
    }

    [TestMethod]
    public async Task A_deadline_sent_as_a_duration_is_read_as_one()
    {
        // @vercel/fun sends the timeout in ms instead of an epoch time; the context must still see time left.
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, nameof(TestHandlers.Context));

        var outcome = await server.Enqueue("\"x\"", headers: new Dictionary<string, string> { ["Lambda-Runtime-Deadline-Ms"] = "5000" }).WaitAsync(Patience);

        var remaining = int.Parse(JsonSerializer.Deserialize<Dictionary<string, string>>(outcome.Text)!["remainingMs"]);
        Assert.IsTrue(remaining is > 3_000 and <= 5_000, $"remaining {remaining} ms of a 5000 ms duration");
    }

    [TestMethod]
    public async Task A_handler_exception_becomes_an_error_body_with_its_type_header()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, nameof(TestHandlers.Throws));

        var outcome = await server.Enqueue("\"now\"").WaitAsync(Patience);

        Assert.AreEqual(OutcomeKind.Error, outcome.Kind);
        Assert.AreEqual("InvalidOperationException", outcome.ErrorType);
        Assert.AreEqual("application/vnd.aws.lambda.error+json", outcome.ContentType);
        using var body = JsonDocument.Parse(outcome.Text);
        Assert.AreEqual("InvalidOperationException", body.RootElement.GetProperty("errorType").GetString());
        Assert.AreEqual("boom: now", body.RootElement.GetProperty("errorMessage").GetString());
        var stack = body.RootElement.GetProperty("stackTrace").EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.IsTrue(stack.Any(line => line.Contains(nameof(TestHandlers.Throws), StringComparison.Ordinal)), string.Join("\n", stack));
    }

    [TestMethod]
    public async Task An_exception_message_with_half_a_surrogate_pair_is_still_reported()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, nameof(TestHandlers.HalfSurrogatePair));

        var outcome = await server.Enqueue("\"x\"").WaitAsync(Patience);

        Assert.AreEqual((OutcomeKind.Error, "InvalidOperationException"), (outcome.Kind, outcome.ErrorType));
        using var body = JsonDocument.Parse(outcome.Text);
        Assert.AreEqual("half a pair: \uFFFD", body.RootElement.GetProperty("errorMessage").GetString());
    }

    [TestMethod]
    [DataRow("{not json", DisplayName = "malformed JSON")]
    [DataRow("\"a string for an int\"", DisplayName = "type mismatch")]
    [DataRow("[1,2]", DisplayName = "array for an int")]
    public async Task A_bad_event_fails_that_invocation_only(string badPayload)
    {
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, nameof(TestHandlers.Double));

        var bad = await server.Enqueue(badPayload).WaitAsync(Patience);
        var good = await server.Enqueue("5").WaitAsync(Patience);

        Assert.AreEqual(OutcomeKind.Error, bad.Kind);
        Assert.AreEqual("Runtime.SerializationError", bad.ErrorType);
        StringAssert.Contains(bad.Text, "could not be read");
        Assert.AreEqual((OutcomeKind.Response, "10"), (good.Kind, good.Text));
    }

    [TestMethod]
    public async Task A_response_over_6_MB_is_an_error_and_the_next_invocation_works()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, nameof(TestHandlers.Big));

        var tooBig = await server.Enqueue("7").WaitAsync(Patience);
        var fine = await server.Enqueue("1").WaitAsync(Patience);

        Assert.AreEqual((OutcomeKind.Error, "Function.ResponseSizeTooLarge"), (tooBig.Kind, tooBig.ErrorType));
        Assert.AreEqual(OutcomeKind.Response, fine.Kind);
        Assert.AreEqual(1024 * 1024 + 2, fine.Body.Length);
    }

    [TestMethod]
    public async Task A_413_from_the_Runtime_API_is_reported_as_an_error()
    {
        using var server = new RuntimeApiTestServer(maxResponseBytes: 1024 * 1024);
        await using var host = Serve(server, nameof(TestHandlers.Big));

        var refused = await server.Enqueue("2").WaitAsync(Patience);

        Assert.AreEqual((OutcomeKind.Error, "Function.ResponseSizeTooLarge"), (refused.Kind, refused.ErrorType));
        StringAssert.Contains(refused.Text, "refused");
    }

    [TestMethod]
    public async Task The_token_fires_shortly_before_the_deadline()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, nameof(TestHandlers.WaitsForCancellation));
        var clock = Stopwatch.StartNew();

        var outcome = await server.Enqueue("\"x\"", TimeSpan.FromSeconds(2)).WaitAsync(Patience);

        Assert.AreEqual(OutcomeKind.Error, outcome.Kind);
        Assert.AreEqual("TaskCanceledException", outcome.ErrorType);
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(2), $"answered after {clock.Elapsed}, past the deadline");
        Assert.IsTrue(clock.Elapsed > TimeSpan.FromSeconds(1), $"cancelled after only {clock.Elapsed}");
    }

    [TestMethod]
    public async Task One_instance_serves_a_thousand_invocations_in_a_row()
    {
        using var server = new RuntimeApiTestServer();
        await using var host = Serve(server, nameof(TestHandlers.Count));

        var outcomes = new List<Outcome>();
        for (var i = 0; i < 1000; i++)
            outcomes.Add(await server.Enqueue("\"x\"").WaitAsync(Patience));

        CollectionAssert.AreEqual(Enumerable.Range(1, 1000).Select(i => i.ToString()).ToArray(), outcomes.Select(o => o.Text).ToArray());
    }

    [TestMethod]
    [DataRow(null, "Runtime.NoSuchHandler", "LAMBADA_HANDLER is not set", DisplayName = "missing")]
    [DataRow("Lambada.Tests.Runtime.TestHandlers::Nope", "Runtime.NoSuchHandler", "No [LambadaFunction] method", DisplayName = "unknown")]
    [DataRow("just-a-name", "Runtime.NoSuchHandler", "expected Namespace.Type::Method", DisplayName = "not a handler")]
    [DataRow("Lambada.Tests.Runtime.ThrowingConstructor::Handle", "InvalidOperationException", "constructor failed", DisplayName = "constructor throws")]
    public async Task A_handler_that_cannot_be_set_up_is_an_init_error(string? methodId, string errorType, string message)
    {
        using var server = new RuntimeApiTestServer();

        var exitCode = await LambadaHost.ServeAsync(server.Address, methodId, typeof(TestHandlers).Assembly).WaitAsync(Patience);

        Assert.AreEqual(1, exitCode);
        var init = await server.InitError.Task.WaitAsync(Patience);
        Assert.AreEqual(errorType, init.ErrorType);
        StringAssert.Contains(init.Text, message);
    }

    private static RunningHost Serve(RuntimeApiTestServer server, string method) => new(server, method);
}
