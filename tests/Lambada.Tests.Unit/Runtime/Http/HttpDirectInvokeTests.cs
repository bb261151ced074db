using System.Text;
using System.Text.Json;
using static Lambada.Tests.Runtime.Http.HttpCalls;

namespace Lambada.Tests.Runtime.Http;

/// <summary>An HTTP function invoked directly (not through its URL or route): bound the old way when its signature allows it.</summary>
[TestClass]
public sealed class HttpDirectInvokeTests
{
    [TestMethod]
    public async Task A_plain_shaped_URL_function_takes_its_event_directly()
    {
        var answer = await Handler(nameof(HttpHandlers.RunCommands)).InvokeAsync("[\"echo hi\"]"u8.ToArray(), new RecordingContext(), CancellationToken.None);

        Assert.AreEqual("{\"echo hi\":[\"ECHO HI\"]}", Encoding.UTF8.GetString(answer), "the plain JSON result, not an HTTP answer");
    }

    [TestMethod]
    public async Task The_same_function_through_its_URL_reads_the_body_and_answers_HTTP()
    {
        var response = await CallAsync(nameof(HttpHandlers.RunCommands), Request("POST", body: "[\"echo hi\"]"));

        Assert.AreEqual((200, "{\"echo hi\":[\"ECHO HI\"]}"), (response.StatusCode, response.Body));
        Assert.AreEqual("application/json", Header(response, "content-type"));
    }

    [TestMethod]
    public async Task An_object_that_only_looks_like_a_request_is_an_event_for_a_plain_function()
    {
        // Not payload 2.0 (no version, no requestContext.http): the old binding, so the body is not unwrapped.
        var error = await Assert.ThrowsExactlyAsync<JsonException>(() =>
            Handler(nameof(HttpHandlers.RunCommands)).InvokeAsync("{\"body\":\"[\\\"echo hi\\\"]\"}"u8.ToArray(), new RecordingContext(), CancellationToken.None));

        Assert.IsNotNull(error);
    }

    [TestMethod]
    public async Task A_parameterless_URL_function_is_invoked_with_any_payload()
    {
        var direct = await Handler(nameof(HttpHandlers.Ping)).InvokeAsync("{}"u8.ToArray(), new RecordingContext(), CancellationToken.None);
        var viaUrl = await CallAsync(nameof(HttpHandlers.Ping), Request());

        Assert.AreEqual("\"pong\"", Encoding.UTF8.GetString(direct));
        Assert.AreEqual(("pong", "text/plain; charset=utf-8"), (viaUrl.Body, Header(viaUrl, "content-type")));
    }

    [TestMethod]
    [DataRow("{\"a\":1,\"b\":2}")]
    [DataRow("")]
    public async Task A_function_only_HTTP_can_bind_refuses_another_payload_clearly(string payload)
    {
        var handler = Handler(nameof(HttpHandlers.Sum));

        var error = await Assert.ThrowsExactlyAsync<JsonException>(() => handler.InvokeAsync(Encoding.UTF8.GetBytes(payload), new RecordingContext(), CancellationToken.None));

        StringAssert.Contains(error.Message, "HttpHandlers::Sum is an HTTP function whose parameters (a, b, context)");
        StringAssert.Contains(error.Message, "not an HTTP event (payload format 2.0");
    }

    [TestMethod]
    public async Task The_same_function_answers_its_route()
    {
        var response = await CallAsync(nameof(HttpHandlers.Sum), Request(route: Values(("a", "2"), ("b", "40"))));

        Assert.AreEqual((200, "42"), (response.StatusCode, response.Body));
    }

    [TestMethod]
    public void A_function_without_a_trigger_is_not_HTTP_and_one_with_either_is()
    {
        Assert.IsFalse(new Lambada.Runtime.Handlers.FunctionHandler(typeof(TestHandlers).GetMethod(nameof(TestHandlers.Echo))!).IsHttp);
        Assert.IsTrue(Handler(nameof(HttpHandlers.Ping)).IsHttp, "[LambadaUrl]");
        Assert.IsTrue(Handler(nameof(HttpHandlers.Sum)).IsHttp, "[LambadaHttp]");
    }
}
