using System.Text;
using static Lambada.Tests.Runtime.Http.HttpCalls;

namespace Lambada.Tests.Runtime.Http;

/// <summary>Route values, query values, the JSON body, the raw request and a Stream body bound to an HTTP function's parameters.</summary>
[TestClass]
public sealed class HttpBindingTests
{
    private static readonly Dictionary<string, string> EveryValue = new()
    {
        ["s"] = "text, with comma",
        ["b"] = "True",
        ["u8"] = "255",
        ["i8"] = "-128",
        ["i16"] = "-32768",
        ["u16"] = "65535",
        ["i32"] = "-2147483648",
        ["u32"] = "4294967295",
        ["i64"] = "-9223372036854775808",
        ["u64"] = "18446744073709551615",
        ["f32"] = "1.5",
        ["f64"] = "-2.25e3",
        ["dec"] = "1,234.5",
        ["guid"] = "0f8fad5b-d9cb-469f-a165-70867728950e",
        ["at"] = "2026-03-12T19:03:58Z",
        ["when"] = "2026-03-12T19:03:58+02:00",
        ["day"] = "2026-03-12",
        ["time"] = "19:03:58",
        ["span"] = "1.02:03:04",
        ["shade"] = "green",
        ["access"] = "Read, Write",
    };

    [TestMethod]
    public async Task Every_simple_type_is_read_from_the_query_in_the_invariant_culture()
    {
        var culture = Thread.CurrentThread.CurrentCulture;
        Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("de-DE"); // decimal comma: must not matter
        try
        {
            var response = await CallAsync(nameof(HttpHandlers.Every), Request(query: EveryValue));

            Assert.AreEqual(200, response.StatusCode, response.Body);
            Assert.AreEqual("text/plain; charset=utf-8", Header(response, "content-type"));
            Assert.AreEqual(
                "text, with comma|True|255|-128|-32768|65535|-2147483648|4294967295|-9223372036854775808|18446744073709551615|1.5|-2250|1234.5|"
                + "0f8fad5b-d9cb-469f-a165-70867728950e|2026-03-12T19:03:58.0000000Z|Utc|2026-03-12T19:03:58.0000000+02:00|2026-03-12|19:03:58.0000000|"
                + "1.02:03:04|Green|Read, Write",
                response.Body);
        }
        finally
        {
            Thread.CurrentThread.CurrentCulture = culture;
        }
    }

    [TestMethod]
    [DataRow("b", "yes")]
    [DataRow("u8", "256")]
    [DataRow("i8", "x")]
    [DataRow("i16", "40000")]
    [DataRow("u16", "-1")]
    [DataRow("i32", "1.5")]
    [DataRow("u32", "-1")]
    [DataRow("i64", "9223372036854775808")]
    [DataRow("u64", "-1")]
    [DataRow("f32", "one")]
    [DataRow("f64", "1,5e")]
    [DataRow("dec", "12abc")]
    [DataRow("guid", "not-a-guid")]
    [DataRow("at", "yesterday")]
    [DataRow("when", "31/31/2026")]
    [DataRow("day", "2026-13-01")]
    [DataRow("time", "25:00")]
    [DataRow("span", "forever")]
    [DataRow("shade", "purple")]
    [DataRow("shade", "7")]
    [DataRow("access", "Execute")]
    public async Task An_unparsable_value_answers_400_naming_the_parameter(string name, string bad)
    {
        var query = new Dictionary<string, string>(EveryValue) { [name] = bad };
        var context = new RecordingContext();

        var response = await CallAsync(nameof(HttpHandlers.Every), Request(query: query), context);

        Assert.AreEqual(400, response.StatusCode, response.Body);
        var message = Message(response);
        StringAssert.Contains(message, $"'{name}'");
        StringAssert.Contains(message, $"'{bad}'");
        StringAssert.Contains(context.Log, "400", "a bad request is logged too");
    }

    [TestMethod]
    public async Task An_enum_message_lists_its_names()
    {
        var response = await CallAsync(nameof(HttpHandlers.Every), Request(query: new Dictionary<string, string>(EveryValue) { ["shade"] = "purple" }));

        Assert.AreEqual("The query parameter 'shade' must be a Shade (Red, Green, Blue); 'purple' is not one.", Message(response));
    }

    [TestMethod]
    public async Task A_missing_value_is_null_for_nullable_and_reference_types_and_the_declared_default_otherwise()
    {
        var response = await CallAsync(nameof(HttpHandlers.Optional), Request());

        Assert.AreEqual(200, response.StatusCode, response.Body);
        Assert.AreEqual("null|null|null|null|7|Blue|none|00000000-0000-0000-0000-000000000000|0.5|0001-01-01T00:00:00.0000000|5", response.Body);
    }

    [TestMethod]
    public async Task Given_values_win_over_the_defaults_and_an_empty_value_counts_as_missing_except_for_a_string()
    {
        var query = Values(("count", "3"), ("maybeShade", "RED"), ("name", ""), ("at", ""), ("page", ""), ("shade", "Green"), ("label", "x"),
            ("guid", "0f8fad5b-d9cb-469f-a165-70867728950e"), ("ratio", "2"), ("limit", "9"));

        var response = await CallAsync(nameof(HttpHandlers.Optional), Request(query: query));

        Assert.AreEqual("3|Red||null|7|Green|x|0f8fad5b-d9cb-469f-a165-70867728950e|2|0001-01-01T00:00:00.0000000|9", response.Body);
    }

    [TestMethod]
    public async Task A_missing_required_value_answers_400_naming_it()
    {
        var query = new Dictionary<string, string>(EveryValue);
        query.Remove("i32");

        var response = await CallAsync(nameof(HttpHandlers.Every), Request(query: query));

        Assert.AreEqual(400, response.StatusCode);
        Assert.AreEqual("The required query parameter 'i32' is missing.", Message(response));
    }

    [TestMethod]
    public async Task A_route_value_is_bound_by_name_and_beats_a_query_value_of_the_same_name()
    {
        var response = await CallAsync(nameof(HttpHandlers.GetItem), Request(path: "/items/42", route: Values(("id", "42")), query: Values(("id", "9"), ("q", "blue pen"))));

        Assert.AreEqual(200, response.StatusCode, response.Body);
        Assert.AreEqual("application/json", Header(response, "content-type"));
        Assert.AreEqual("{\"Id\":42,\"Q\":\"blue pen\"}", response.Body);
    }

    [TestMethod]
    public async Task Names_match_whatever_their_case()
    {
        var response = await CallAsync(nameof(HttpHandlers.GetItem), Request(route: Values(("ID", "5")), query: Values(("Q", "x"))));

        Assert.AreEqual("{\"Id\":5,\"Q\":\"x\"}", response.Body);
    }

    [TestMethod]
    public async Task An_unparsable_route_value_answers_400_as_a_route_value()
    {
        var response = await CallAsync(nameof(HttpHandlers.GetItem), Request(route: Values(("id", "abc"))));

        Assert.AreEqual(400, response.StatusCode);
        Assert.AreEqual("The route value 'id' must be a int; 'abc' is not one.", Message(response));
    }

    [TestMethod]
    public async Task A_greedy_route_value_binds_under_its_name()
    {
        var response = await CallAsync(nameof(HttpHandlers.File), Request(path: "/files/a/b/c.txt", route: Values(("path", "a/b/c.txt"))));

        Assert.AreEqual("a/b/c.txt", response.Body);
    }

    [TestMethod]
    public async Task The_one_complex_parameter_is_the_JSON_body_read_with_Lambadas_options()
    {
        var request = Request("POST", "/orders/3", route: Values(("id", "3")), query: Values(("express", "true")), body: "{\"item\":\"pen\",\"QUANTITY\":4}");

        var response = await CallAsync(nameof(HttpHandlers.PlaceOrder), request);

        Assert.AreEqual(200, response.StatusCode, response.Body);
        Assert.AreEqual("{\"Item\":\"3:pen:True\",\"Total\":12}", response.Body);
    }

    [TestMethod]
    public async Task A_base64_JSON_body_is_decoded_first()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"item\":\"ink\",\"quantity\":1}"));

        var response = await CallAsync(nameof(HttpHandlers.PlaceOrder), Request("POST", route: Values(("id", "1")), body: body, base64: true));

        Assert.AreEqual("{\"Item\":\"1:ink:False\",\"Total\":3}", response.Body);
    }

    [TestMethod]
    [DataRow("{\"item\":\"pen\",", DisplayName = "cut short")]
    [DataRow("not json", DisplayName = "not JSON")]
    [DataRow("{\"item\":\"pen\",\"quantity\":\"four\"}", DisplayName = "wrong type")]
    [DataRow("[1,2]", DisplayName = "an array for an object")]
    public async Task A_body_that_is_not_the_JSON_expected_answers_400(string body)
    {
        var response = await CallAsync(nameof(HttpHandlers.PlaceOrder), Request("POST", route: Values(("id", "1")), body: body));

        Assert.AreEqual(400, response.StatusCode);
        StringAssert.StartsWith(Message(response), "The request body is not valid JSON for 'order'");
    }

    [TestMethod]
    public async Task A_body_marked_base64_that_is_not_answers_400()
    {
        var response = await CallAsync(nameof(HttpHandlers.PlaceOrder), Request("POST", route: Values(("id", "1")), body: "{not base64}", base64: true));

        Assert.AreEqual(400, response.StatusCode);
        Assert.AreEqual("The request body is marked base64-encoded but is not valid base64.", Message(response));
    }

    [TestMethod]
    public async Task No_body_is_null_for_a_reference_type_and_400_for_a_value_type()
    {
        var none = await CallAsync(nameof(HttpHandlers.OptionalBody), Request("PUT"));
        var empty = await CallAsync(nameof(HttpHandlers.OptionalBody), Request("PUT", body: ""));
        var given = await CallAsync(nameof(HttpHandlers.OptionalBody), Request("PUT", body: "{\"item\":\"cup\",\"quantity\":1}"));
        var point = await CallAsync(nameof(HttpHandlers.ValueBody), Request("PUT", body: "{\"x\":1,\"y\":2}"));
        var noPoint = await CallAsync(nameof(HttpHandlers.ValueBody), Request("PUT"));

        Assert.AreEqual(("no order", "no order", "cup", "1,2"), (none.Body, empty.Body, given.Body, point.Body));
        Assert.AreEqual(400, noPoint.StatusCode);
        Assert.AreEqual("The request has no body; 'point' is read from a JSON body.", Message(noPoint));
    }

    [TestMethod]
    public async Task The_raw_request_is_the_whole_event_and_other_parameters_still_bind()
    {
        var request = Request("PATCH", "/raw/a/b", route: Values(("proxy", "a/b")), query: Values(("x", "1"))) with { Cookies = ["a=1", "b=2"] };

        var response = await CallAsync(nameof(HttpHandlers.Raw), request);

        Assert.AreEqual("PATCH /raw/a/b?x=1 a/b ua=tests/1.0 cookies=2", response.Body);
    }

    [TestMethod]
    public async Task A_Stream_parameter_reads_the_body_bytes_base64_decoded_or_as_UTF8_text()
    {
        var binary = await CallAsync(nameof(HttpHandlers.Upload), Request("POST", query: Values(("name", "bin")), body: Convert.ToBase64String([0, 1, 254, 255]), base64: true));
        var text = await CallAsync(nameof(HttpHandlers.Upload), Request("POST", body: "hé"));
        var none = await CallAsync(nameof(HttpHandlers.Upload), Request("POST"));

        Assert.AreEqual(("bin:0001FEFF", ":68C3A9", ":"), (binary.Body, text.Body, none.Body));
    }

    [TestMethod]
    public async Task The_context_and_the_token_are_passed_as_for_any_handler()
    {
        var context = new RecordingContext();
        using var cancellation = new CancellationTokenSource();

        var answer = await Handler(nameof(HttpHandlers.Context)).InvokeAsync(Payload(Request(query: Values(("who", "me")))), context, cancellation.Token);

        Assert.AreEqual($"{context.AwsRequestId}:True:me", Response(answer).Body);
    }

    [TestMethod]
    public async Task A_real_function_URL_event_as_AWS_documents_it_is_read()
    {
        // AWS's documented function URL request (payload 2.0, https://docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html), body shortened.
        const string awsEvent = """
            {"version":"2.0","routeKey":"$default","rawPath":"/my/path","rawQueryString":"who=me&i32=1","cookies":["cookie1","cookie2"],
             "headers":{"header1":"value1","header2":"value1,value2","user-agent":"curl/8"},
             "queryStringParameters":{"who":"me","i32":"1"},
             "requestContext":{"accountId":"123456789012","apiId":"<urlid>","authentication":null,
               "authorizer":{"iam":{"accessKey":"AKIA...","accountId":"111122223333","callerId":"AIDA...","cognitoIdentity":null,"principalOrgId":null,
                 "userArn":"arn:aws:iam::111122223333:user/example-user","userId":"AIDA..."}},
               "domainName":"<url-id>.lambda-url.us-west-2.on.aws","domainPrefix":"<url-id>",
               "http":{"method":"POST","path":"/my/path","protocol":"HTTP/1.1","sourceIp":"123.123.123.123","userAgent":"agent"},
               "requestId":"id","routeKey":"$default","stage":"$default","time":"12/Mar/2020:19:03:58 +0000","timeEpoch":1583348638390},
             "body":"Hello from client!","pathParameters":null,"isBase64Encoded":false,"stageVariables":null}
            """;

        var response = await CallAsync(nameof(HttpHandlers.Upload), Encoding.UTF8.GetBytes(awsEvent));

        Assert.AreEqual(200, response.StatusCode, response.Body);
        Assert.AreEqual(":" + Convert.ToHexString(Encoding.UTF8.GetBytes("Hello from client!")), response.Body);
    }

    [TestMethod]
    public void More_than_one_body_parameter_is_refused_when_the_handler_is_made()
    {
        var e = Assert.ThrowsExactly<InvalidOperationException>(() => Handler(nameof(HttpHandlers.TwoBodies)));

        StringAssert.Contains(e.Message, "2 parameters to read from the JSON body (order, receipt)");
    }
}
