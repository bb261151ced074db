using System.Text;
using System.Text.Json;
using Lambada.Runtime;
using Lambada.Runtime.Api;
using Lambada.Testing;
using static Lambada.Tests.Runtime.Http.HttpCalls;

namespace Lambada.Tests.Runtime.Http;

/// <summary>HTTP functions served end to end: the host's Runtime API loop against the test Runtime API, payload-v2 events in, answers out.</summary>
[TestClass]
public sealed class HttpHostTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [TestMethod]
    public async Task A_route_event_through_the_Runtime_API_is_answered_as_HTTP_and_the_loop_goes_on()
    {
        using var server = new RuntimeApiTestServer();
        using var stop = new CancellationTokenSource();
        var log = new StringWriter();
        var serving = LambadaHost.ServeAsync(server.Address, $"{typeof(HttpHandlers).FullName}::{nameof(HttpHandlers.PlaceOrder)}", typeof(HttpHandlers).Assembly, TextWriter.Synchronized(log), stop.Token);

        var ok = await server.Enqueue(Json(Request("POST", "/orders/9", route: Values(("id", "9")), body: "{\"item\":\"pen\",\"quantity\":2}", routeKey: "POST /orders/{id}"))).WaitAsync(Patience);
        var bad = await server.Enqueue(Json(Request("POST", "/orders/x", route: Values(("id", "x")), body: "{}"))).WaitAsync(Patience);
        var direct = await server.Enqueue("{\"item\":\"pen\"}").WaitAsync(Patience);
        var again = await server.Enqueue(Json(Request("POST", "/orders/1", route: Values(("id", "1")), query: Values(("express", "true")), body: "{\"item\":\"ink\",\"quantity\":1}"))).WaitAsync(Patience);

        Assert.AreEqual(OutcomeKind.Response, ok.Kind, ok.Text);
        var answer = Response(Encoding.UTF8.GetBytes(ok.Text));
        Assert.AreEqual((200, "{\"Item\":\"9:pen:False\",\"Total\":6}", "application/json"), (answer.StatusCode, answer.Body, Header(answer, "content-type")));
        Assert.AreEqual(OutcomeKind.Response, bad.Kind, "a 400 is an answer, not a function error");
        Assert.AreEqual(400, Response(Encoding.UTF8.GetBytes(bad.Text)).StatusCode);
        Assert.AreEqual((OutcomeKind.Error, "Runtime.SerializationError"), (direct.Kind, direct.ErrorType), "PlaceOrder(id, order, express) cannot take a direct event");
        StringAssert.Contains(direct.Text, "is an HTTP function whose parameters (id, order, express)");
        Assert.AreEqual("{\"Item\":\"1:ink:True\",\"Total\":3}", Response(Encoding.UTF8.GetBytes(again.Text)).Body);

        stop.Cancel();
        Assert.AreEqual(0, await serving.WaitAsync(Patience));
    }

    [TestMethod]
    public async Task A_throwing_function_answers_500_through_the_Runtime_API_without_a_stack_trace()
    {
        using var server = new RuntimeApiTestServer();
        using var stop = new CancellationTokenSource();
        var serving = LambadaHost.ServeAsync(server.Address, $"{typeof(HttpHandlers).FullName}::{nameof(HttpHandlers.Throws)}", typeof(HttpHandlers).Assembly, TextWriter.Null, stop.Token);

        var outcome = await server.Enqueue(Json(Request(route: Values(("id", "3"))))).WaitAsync(Patience);

        Assert.AreEqual(OutcomeKind.Response, outcome.Kind, "answered, not reported as a function error (which a URL would turn into a 502)");
        Assert.AreEqual("{\"statusCode\":500,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{\\\"message\\\":\\\"Internal Server Error\\\"}\",\"isBase64Encoded\":false}", outcome.Text);
        stop.Cancel();
        Assert.AreEqual(0, await serving.WaitAsync(Patience));
    }

    private static string Json(Lambada.Runtime.Http.LambadaHttpRequest request) => JsonSerializer.Serialize(request, LambadaJsonContext.Default.LambadaHttpRequest);
}
