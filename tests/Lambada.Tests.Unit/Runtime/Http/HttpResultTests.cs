using System.Text;
using System.Text.Json;
using Lambada.Runtime.Http;
using static Lambada.Tests.Runtime.Http.HttpCalls;

namespace Lambada.Tests.Runtime.Http;

/// <summary>What an HTTP function's return value becomes in the payload-v2 answer; what an exception becomes.</summary>
[TestClass]
public sealed class HttpResultTests
{
    [TestMethod]
    public async Task A_LambadaHttpResponse_is_sent_as_it_is()
    {
        var response = await CallAsync(nameof(HttpHandlers.Created), Request("POST"));

        Assert.AreEqual((201, "made it", false), (response.StatusCode, response.Body, response.IsBase64Encoded));
        Assert.AreEqual("text/plain; charset=utf-8", Header(response, "content-type"));
        Assert.AreEqual("/things/7", Header(response, "location"));
        Assert.AreEqual("a,b", Header(response, "x-tag"), "a repeated header is joined with a comma");
    }

    [TestMethod]
    public async Task An_awaited_LambadaHttpResponse_keeps_its_status_and_cookies_and_writes_no_nulls()
    {
        var answer = await Handler(nameof(HttpHandlers.NotThere)).InvokeAsync(Payload(Request()), new RecordingContext(), CancellationToken.None);

        Assert.AreEqual("{\"statusCode\":404,\"cookies\":[\"seen=1; Max-Age=60\"],\"isBase64Encoded\":false}", Encoding.UTF8.GetString(answer));
    }

    [TestMethod]
    [DataRow(nameof(HttpHandlers.Hello), "Hello, world! <ü>")]
    [DataRow(nameof(HttpHandlers.HelloLater), "later")]
    public async Task A_string_is_text_plain(string method, string expected)
    {
        var answer = await Handler(method).InvokeAsync(Payload(Request()), new RecordingContext(), CancellationToken.None);
        var response = Response(answer);

        Assert.AreEqual((200, expected, false), (response.StatusCode, response.Body, response.IsBase64Encoded));
        Assert.AreEqual("text/plain; charset=utf-8", Header(response, "content-type"));
        StringAssert.Contains(Encoding.UTF8.GetString(answer), expected, "written without \\u escapes");
    }

    [TestMethod]
    [DataRow(nameof(HttpHandlers.Bytes), "AAEC/w==")]
    [DataRow(nameof(HttpHandlers.BytesLater), "c3RyZWFtZWQ=")]
    public async Task A_Stream_is_base64_octet_stream(string method, string base64)
    {
        var response = await CallAsync(method, Request());

        Assert.AreEqual((200, base64, true), (response.StatusCode, response.Body, response.IsBase64Encoded));
        Assert.AreEqual("application/octet-stream", Header(response, "content-type"));
    }

    [TestMethod]
    [DataRow(nameof(HttpHandlers.Nothing))]
    [DataRow(nameof(HttpHandlers.NothingLater))]
    [DataRow(nameof(HttpHandlers.NothingAtAll))]
    [DataRow(nameof(HttpHandlers.NullResponse))]
    public async Task Nothing_returned_is_200_with_an_empty_body(string method)
    {
        var answer = await Handler(method).InvokeAsync(Payload(Request("DELETE")), new RecordingContext(), CancellationToken.None);

        Assert.AreEqual("{\"statusCode\":200,\"isBase64Encoded\":false}", Encoding.UTF8.GetString(answer));
    }

    [TestMethod]
    [DataRow(nameof(HttpHandlers.Json), "{\"Item\":\"pen <b>'\",\"Total\":12}")]
    [DataRow(nameof(HttpHandlers.JsonLater), "[1,2,3]")]
    [DataRow(nameof(HttpHandlers.NullJson), "null")]
    public async Task Any_other_value_is_JSON_200(string method, string json)
    {
        var response = await CallAsync(method, Request());

        Assert.AreEqual((200, json, false), (response.StatusCode, response.Body, response.IsBase64Encoded));
        Assert.AreEqual("application/json", Header(response, "content-type"));
    }

    [TestMethod]
    [DataRow(nameof(HttpHandlers.Throws), "secret detail 7")]
    [DataRow(nameof(HttpHandlers.ThrowsLater), "secret async detail")]
    public async Task An_exception_answers_500_without_its_details_and_the_log_has_them(string method, string detail)
    {
        var context = new RecordingContext();

        var answer = await Handler(method).InvokeAsync(Payload(Request(route: Values(("id", "7")))), context, CancellationToken.None);

        var text = Encoding.UTF8.GetString(answer);
        var response = Response(answer);
        Assert.AreEqual(500, response.StatusCode);
        Assert.AreEqual("Internal Server Error", Message(response));
        Assert.IsFalse(text.Contains(detail, StringComparison.Ordinal) || text.Contains(" at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal), text);
        StringAssert.Contains(context.Log, "System.InvalidOperationException: " + detail);
        StringAssert.Contains(context.Log, $"HttpHandlers.{method}", "the stack trace names the handler");
        StringAssert.Contains(context.Log, " at ", "the stack trace is in the log");
    }

    [TestMethod]
    public async Task A_result_that_cannot_be_written_is_a_500_too()
    {
        var context = new RecordingContext();

        var response = await CallAsync(nameof(HttpHandlers.Unserializable), Request(), context);

        Assert.AreEqual((500, "Internal Server Error"), (response.StatusCode, Message(response)));
        StringAssert.Contains(context.Log, "JsonException");
    }

    [TestMethod]
    public void Json_writes_with_Lambadas_options_and_the_status_given()
    {
        var response = LambadaHttpResponse.Json(new Receipt("ü+<", 3), 201);

        Assert.AreEqual((201, "{\"Item\":\"ü+<\",\"Total\":3}", false), (response.StatusCode, response.Body, response.IsBase64Encoded));
        Assert.AreEqual("application/json", Header(response, "content-type"));
    }

    [TestMethod]
    public void Json_with_a_type_info_needs_no_reflection()
    {
        var response = LambadaHttpResponse.Json(new Dictionary<string, int> { ["a"] = 1 }, TypeInfos.Default.DictionaryStringInt32, 202);

        Assert.AreEqual((202, "{\"a\":1}"), (response.StatusCode, response.Body));
        Assert.AreEqual("application/json", Header(response, "content-type"));
    }

    [TestMethod]
    public void Text_Bytes_and_Status_build_what_they_say()
    {
        var text = LambadaHttpResponse.Text("<p>hi</p>", 202, "text/html");
        var bytes = LambadaHttpResponse.Bytes([1, 2, 3], "image/png", 203);
        var status = LambadaHttpResponse.Status(204);

        Assert.AreEqual((202, "<p>hi</p>", false, "text/html"), (text.StatusCode, text.Body, text.IsBase64Encoded, Header(text, "content-type")));
        Assert.AreEqual((203, "AQID", true, "image/png"), (bytes.StatusCode, bytes.Body, bytes.IsBase64Encoded, Header(bytes, "content-type")));
        Assert.AreEqual((204, null, false), (status.StatusCode, status.Body, status.IsBase64Encoded));
        Assert.IsNull(status.Headers);
    }

    [TestMethod]
    public void WithHeader_adds_joins_repeats_in_any_case_and_leaves_the_original_alone()
    {
        var first = LambadaHttpResponse.Status(200).WithHeader("X-One", "1");
        var second = first.WithHeader("x-one", "2").WithHeader("x-two", "3");

        Assert.AreEqual(1, first.Headers!.Count);
        Assert.AreEqual("1", Header(first, "x-one"));
        Assert.AreEqual(("1,2", "3", 2), (Header(second, "X-ONE"), Header(second, "x-two"), second.Headers!.Count));
    }

    [TestMethod]
    public void The_hand_written_answer_is_what_the_generated_context_writes()
    {
        LambadaHttpResponse[] responses =
        [
            LambadaHttpResponse.Text("a \"quoted\"\nline", 201).WithHeader("x-a", "1") with { Cookies = ["a=1", "b=2; Secure"] },
            LambadaHttpResponse.Bytes([1, 2, 3]),
            LambadaHttpResponse.Status(304),
        ];

        var relaxed = new Lambada.Runtime.Api.LambadaJsonContext(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var response in responses)
        {
            Assert.AreEqual(
                Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(response, relaxed.LambadaHttpResponse)),
                Encoding.UTF8.GetString(HttpResultWriter.Serialize(response)));
        }
    }

    [TestMethod]
    public void The_answer_serializes_with_payload_v2_names()
    {
        var json = JsonSerializer.Serialize(LambadaHttpResponse.Text("x", 418) with { Cookies = ["c=1"] }, Lambada.Runtime.LambadaJson.Options);

        Assert.AreEqual("{\"statusCode\":418,\"headers\":{\"content-type\":\"text/plain; charset=utf-8\"},\"cookies\":[\"c=1\"],\"body\":\"x\",\"isBase64Encoded\":false}", json);
    }
}

[System.Text.Json.Serialization.JsonSerializable(typeof(Dictionary<string, int>))]
internal sealed partial class TypeInfos : System.Text.Json.Serialization.JsonSerializerContext;
