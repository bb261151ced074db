using Lambada.Build.Model;
using Lambada.Testing;
using Lambada.Tests.Scanning;

namespace Lambada.Tests.Validation;

/// <summary>
/// Every rule of [LambadaUrl] and [LambadaHttp], each with the bad input that triggers it: the build reports exactly that
/// code, at the line of the [LambadaFunction] attribute, with a fix, and writes no manifest. And the shapes HTTP functions
/// may take that plain handlers may not (more than two parameters) pass.
/// </summary>
[TestClass]
public sealed class HttpRuleTests
{
    [TestMethod]
    // Route syntax
    [DataRow("route_empty", "LMB0170", "is empty", @"[LambadaFunction] [LambadaHttp("""")] public void A() { }")]
    [DataRow("route_without_method", "LMB0170", "has no method", @"[LambadaFunction] [LambadaHttp(""/orders"")] public void A() { }")]
    [DataRow("route_without_path", "LMB0170", "has no path", @"[LambadaFunction] [LambadaHttp(""GET"")] public void A() { }")]
    [DataRow("route_unknown_method", "LMB0170", "the method 'FETCH'", @"[LambadaFunction] [LambadaHttp(""FETCH /orders"")] public void A() { }")]
    [DataRow("route_lower_case_method", "LMB0170", "'get' in lower case", @"[LambadaFunction] [LambadaHttp(""get /orders"")] public void A() { }")]
    [DataRow("route_two_spaces", "LMB0170", "more than one space", @"[LambadaFunction] [LambadaHttp(""GET  /orders"")] public void A() { }")]
    [DataRow("route_path_without_slash", "LMB0170", "does not start with '/'", @"[LambadaFunction] [LambadaHttp(""GET orders"")] public void A() { }")]
    [DataRow("route_empty_segment", "LMB0170", "an empty segment", @"[LambadaFunction] [LambadaHttp(""GET /orders//items"")] public void A() { }")]
    [DataRow("route_trailing_slash", "LMB0170", "an empty segment", @"[LambadaFunction] [LambadaHttp(""GET /orders/"")] public void A() { }")]
    [DataRow("route_query_string", "LMB0170", "query string", @"[LambadaFunction] [LambadaHttp(""GET /orders?id=1"")] public void A() { }")]
    [DataRow("route_unclosed_brace", "LMB0170", "the segment '{id'", @"[LambadaFunction] [LambadaHttp(""GET /orders/{id"")] public void A(string id) { }")]
    [DataRow("route_partial_segment_parameter", "LMB0170", "the segment 'order-{id}'", @"[LambadaFunction] [LambadaHttp(""GET /order-{id}"")] public void A(string id) { }")]
    [DataRow("route_empty_parameter", "LMB0170", "the segment '{}'", @"[LambadaFunction] [LambadaHttp(""GET /orders/{}"")] public void A() { }")]
    [DataRow("route_greedy_not_last", "LMB0170", "greedy parameter {rest+} before its last segment", @"[LambadaFunction] [LambadaHttp(""GET /{rest+}/x"", Ignore = new[] { ""rest"" })] public void A() { }")]
    [DataRow("route_parameter_twice", "LMB0170", "names the parameter 'id' twice", @"[LambadaFunction] [LambadaHttp(""GET /a/{id}/b/{id}"")] public void A(string id) { }")]
    [DataRow("route_method_before_default", "LMB0170", "$default stands alone", @"[LambadaFunction] [LambadaHttp(""GET $default"")] public void A() { }")]
    [DataRow("route_default_with_path", "LMB0170", "$default stands alone", @"[LambadaFunction] [LambadaHttp(""$default /x"")] public void A() { }")]
    // Binding of route parameters
    [DataRow("route_parameter_unbound", "LMB0171", "has the parameter 'id', but Fixture.Functions::A has no parameter of that name", @"[LambadaFunction] [LambadaHttp(""GET /orders/{id}"")] public void A(int orderId) { }")]
    [DataRow("greedy_parameter_unbound", "LMB0171", "has the parameter 'proxy'", @"[LambadaFunction] [LambadaHttp(""ANY /{proxy+}"")] public void A() { }")]
    [DataRow("route_parameter_named_by_a_token", "LMB0171", "has the parameter 'token'", @"[LambadaFunction] [LambadaHttp(""GET /orders/{token}"")] public void A(CancellationToken token) { }")]
    [DataRow("ignore_names_no_route_parameter", "LMB0172", "lists 'idd' in Ignore, but the route has no parameter of that name (its parameters: id)", @"[LambadaFunction] [LambadaHttp(""GET /orders/{id}"", Ignore = new[] { ""idd"" })] public void A(LambadaHttpRequest request) { }")]
    [DataRow("ignore_on_default_route", "LMB0172", "(its parameters: none)", @"[LambadaFunction] [LambadaHttp(""$default"", Ignore = new[] { ""id"" })] public void A() { }")]
    [DataRow("route_twice_on_one_function", "LMB0174", "'GET /orders/{id}' and 'GET /orders/{orderId}'", @"[LambadaFunction] [LambadaHttp(""GET /orders/{id}"")] [LambadaHttp(""GET /orders/{orderId}"", Ignore = new[] { ""orderId"" })] public void A(int id) { }")]
    [DataRow("same_route_twice_on_one_function", "LMB0174", "'GET /x' twice", @"[LambadaFunction] [LambadaHttp(""GET /x"")] [LambadaHttp(""GET /x"")] public void A() { }")]
    [DataRow("route_auth_not_in_enum", "LMB0108", "Auth = 7 is not a member of LambadaAuth", @"[LambadaFunction] [LambadaHttp(""GET /x"", Auth = (LambadaAuth)7)] public void A() { }")]
    // URL
    [DataRow("url_auth_not_in_enum", "LMB0108", "Auth = 3 is not a member of LambadaAuth", @"[LambadaFunction] [LambadaUrl(Auth = (LambadaAuth)3)] public void A() { }")]
    [DataRow("url_invoke_mode_not_in_enum", "LMB0108", "InvokeMode = 4 is not a member of LambadaInvokeMode", @"[LambadaFunction] [LambadaUrl(InvokeMode = (LambadaInvokeMode)4)] public void A() { }")]
    [DataRow("url_response_stream", "LMB0180", "the Lambada host does not stream responses yet", @"[LambadaFunction] [LambadaUrl(InvokeMode = LambadaInvokeMode.ResponseStream)] public void A() { }")]
    [DataRow("cors_origin_with_path", "LMB0176", "'https://example.com/', which ends with '/'", @"[LambadaFunction] [LambadaUrl(CorsOrigins = new[] { ""https://example.com/"" })] public void A() { }")]
    [DataRow("cors_origin_without_scheme", "LMB0176", "'example.com', which is not '*' or http(s)://host[:port]", @"[LambadaFunction] [LambadaUrl(CorsOrigins = new[] { ""example.com"" })] public void A() { }")]
    [DataRow("cors_origin_ftp", "LMB0176", "'ftp://example.com'", @"[LambadaFunction] [LambadaUrl(CorsOrigins = new[] { ""ftp://example.com"" })] public void A() { }")]
    [DataRow("cors_origin_empty", "LMB0176", "'', which is empty", @"[LambadaFunction] [LambadaUrl(CorsOrigins = new[] { """" })] public void A() { }")]
    [DataRow("cors_origin_port_too_large", "LMB0176", "a port outside 1–65535", @"[LambadaFunction] [LambadaUrl(CorsOrigins = new[] { ""http://localhost:70000"" })] public void A() { }")]
    [DataRow("cors_method_options", "LMB0177", "'OPTIONS', which has 7 characters", @"[LambadaFunction] [LambadaUrl(CorsMethods = new[] { ""OPTIONS"" })] public void A() { }")]
    [DataRow("cors_method_lower_case", "LMB0177", "'get', which is not in capitals", @"[LambadaFunction] [LambadaUrl(CorsMethods = new[] { ""get"" })] public void A() { }")]
    [DataRow("cors_method_unknown", "LMB0177", "'FETCH', which is not an HTTP method", @"[LambadaFunction] [LambadaUrl(CorsMethods = new[] { ""FETCH"" })] public void A() { }")]
    [DataRow("cors_seven_methods", "LMB0177", "has 7 methods, AWS allows 6", @"[LambadaFunction] [LambadaUrl(CorsMethods = new[] { ""GET"", ""POST"", ""PUT"", ""PATCH"", ""DELETE"", ""HEAD"", ""*"" })] public void A() { }")]
    [DataRow("cors_header_empty", "LMB0178", "CorsHeaders has an empty name", @"[LambadaFunction] [LambadaUrl(CorsHeaders = new[] { """" })] public void A() { }")]
    [DataRow("cors_header_with_space", "LMB0178", "CorsExposeHeaders has 'x id'", @"[LambadaFunction] [LambadaUrl(CorsExposeHeaders = new[] { ""x id"" })] public void A() { }")]
    [DataRow("cors_max_age_negative", "LMB0179", "CorsMaxAge -1 is outside 0–86400", @"[LambadaFunction] [LambadaUrl(CorsMaxAge = -1)] public void A() { }")]
    [DataRow("cors_max_age_too_large", "LMB0179", "CorsMaxAge 86401", @"[LambadaFunction] [LambadaUrl(CorsMaxAge = 86401)] public void A() { }")]
    [DataRow("cors_credentials_with_any_origin", "LMB0181", "CorsAllowCredentials is true with the origin '*'", @"[LambadaFunction] [LambadaUrl(CorsOrigins = new[] { ""*"" }, CorsAllowCredentials = true)] public void A() { }")]
    // Parameters of HTTP functions
    [DataRow("two_json_bodies", "LMB0182", "'a' (Functions.Order), 'b' (Functions.Order)", @"public sealed class Order { } [LambadaFunction] [LambadaHttp(""POST /orders"")] public void A(Order a, Order b) { }")]
    [DataRow("stream_and_json_body", "LMB0182", "'raw' (Stream), 'order' (Functions.Order)", @"public sealed class Order { } [LambadaFunction] [LambadaUrl] public void A(Stream raw, Order order) { }")]
    [DataRow("route_parameter_of_a_complex_type", "LMB0183", "has the name of the route parameter 'ids', but its type List<int>", @"[LambadaFunction] [LambadaHttp(""GET /orders/{ids}"")] public void A(List<int> ids) { }")]
    [DataRow("response_as_parameter", "LMB0183", "is a LambadaHttpResponse, which a handler returns and never receives", @"[LambadaFunction] [LambadaUrl] public void A(LambadaHttpResponse response) { }")]
    [DataRow("two_requests", "LMB0183", "is a second LambadaHttpRequest", @"[LambadaFunction] [LambadaUrl] public void A(LambadaHttpRequest a, LambadaHttpRequest b) { }")]
    [DataRow("two_contexts", "LMB0183", "is a second ILambadaContext", @"[LambadaFunction] [LambadaUrl] public void A(ILambadaContext a, int x, ILambadaContext b) { }")]
    [DataRow("names_equal_ignoring_case", "LMB0183", "has the name of parameter 'id' when case is ignored", @"[LambadaFunction] [LambadaUrl] public void A(int id, int Id) { }")]
    [DataRow("params_array", "LMB0183", "is a params array", @"[LambadaFunction] [LambadaUrl] public void A(params string[] values) { }")]
    [DataRow("http_ref_parameter", "LMB0144", "passed by reference", @"[LambadaFunction] [LambadaUrl] public void A(ref int x) { }")]
    [DataRow("http_body_is_an_interface", "LMB0154", "parameter 'order' is Functions.IOrder, an interface", @"public interface IOrder { } [LambadaFunction] [LambadaHttp(""POST /x"")] public void A(int id, IOrder order) { }")]
    [DataRow("http_body_is_a_delegate", "LMB0152", "parameter 'next' is Action, a delegate", @"[LambadaFunction] [LambadaUrl] public void A(string a, string b, Action next) { }")]
    public void Bad_http_input_is_reported_with_its_code_at_the_attribute(string rule, string code, string says, string members)
    {
        var source = HttpScanTests.ClassWith(members);
        var outcome = FixtureScan.Run(source);

        Assert.IsFalse(outcome.Succeeded, rule);
        var codes = outcome.Diagnostics.Select(d => d.Code).Distinct().ToArray();
        CollectionAssert.AreEquivalent(new[] { code }, codes, $"{rule}: {string.Join("; ", outcome.Diagnostics)}");
        Assert.IsTrue(outcome.Diagnostics.Any(d => d.Message.Contains(says, StringComparison.Ordinal)), $"{rule}: {string.Join("; ", outcome.Diagnostics)}");
        var attributeLine = FixtureScan.LinesOf(source, "[LambadaFunction").Single();
        foreach (var diagnostic in outcome.Diagnostics)
        {
            Assert.IsNotNull(diagnostic.Location, $"{rule}: {diagnostic}");
            Assert.AreEqual(attributeLine, diagnostic.Location.Line, $"{rule}: {diagnostic}");
            Assert.IsTrue(diagnostic.Location.File.EndsWith("Functions.cs", StringComparison.Ordinal), diagnostic.Location.File);
            StringAssert.Contains(diagnostic.Message, " — ", "every message says how to fix it");
            StringAssert.StartsWith(diagnostic.Message, "A: ", "prefixed with the function's name");
        }
    }

    [TestMethod]
    [DataRow("route_and_query_values_json_body_and_plumbing", @"public sealed class Order { public int Id { get; set; } }
    [LambadaFunction] [LambadaHttp(""POST /shops/{shop}/orders/{id}"")]
    public Task<Order> A(string shop, int id, Guid? session, DayOfWeek day, DateOnly from, bool dryRun, Order order, ILambadaContext context, CancellationToken token) => Task.FromResult(order);")]
    [DataRow("route_parameter_matched_ignoring_case", @"[LambadaFunction] [LambadaHttp(""GET /orders/{ID}"")] public string A(int id) => """";")]
    [DataRow("greedy_parameter_bound", @"[LambadaFunction] [LambadaHttp(""ANY /files/{path+}"")] public Stream A(string path) => Stream.Null;")]
    [DataRow("route_parameter_ignored", @"[LambadaFunction] [LambadaHttp(""GET /orders/{id}/lines/{line}"", Ignore = new[] { ""LINE"" })] public void A(int id) { }")]
    [DataRow("route_parameter_ignored_with_a_collection_expression", @"[LambadaFunction] [LambadaHttp(""GET /orders/{id}"", Ignore = [""id""])] public void A() { }")]
    [DataRow("request_reads_route_values_itself", @"[LambadaFunction] [LambadaHttp(""GET /orders/{id}/lines/{line}"")] public LambadaHttpResponse A(LambadaHttpRequest request) => null!;")]
    [DataRow("default_route_and_root", @"[LambadaFunction] [LambadaHttp(""$default"")] [LambadaHttp(""GET /"")] public void A() { }")]
    [DataRow("any_and_get_on_one_path", @"[LambadaFunction] [LambadaHttp(""ANY /x"")] [LambadaHttp(""GET /x"")] public void A() { }")]
    [DataRow("stream_body_and_values", @"[LambadaFunction] [LambadaHttp(""PUT /blobs/{name}"")] public long A(string name, Stream body, long? size) => 0;")]
    [DataRow("every_method", @"[LambadaFunction] [LambadaHttp(""GET /x"")] [LambadaHttp(""POST /x"")] [LambadaHttp(""PUT /x"")] [LambadaHttp(""PATCH /x"")] [LambadaHttp(""DELETE /x"")] [LambadaHttp(""HEAD /x"")] [LambadaHttp(""OPTIONS /x"")] public void A() { }")]
    [DataRow("url_with_every_cors_limit_met", @"[LambadaFunction] [LambadaUrl(Auth = LambadaAuth.None, CorsOrigins = new[] { ""https://a.example.com"", ""http://localhost:3000"", ""http://127.0.0.1:8080"" },
        CorsMethods = new[] { ""GET"", ""POST"", ""PUT"", ""PATCH"", ""DELETE"", ""HEAD"" }, CorsHeaders = new[] { ""*"" }, CorsAllowCredentials = true, CorsMaxAge = 86400)] public void A() { }")]
    [DataRow("url_any_origin_and_method", @"[LambadaFunction] [LambadaUrl(CorsOrigins = new[] { ""*"" }, CorsMethods = new[] { ""*"" }, CorsMaxAge = 0)] public void A() { }")]
    [DataRow("url_on_a_plain_handler", @"[LambadaFunction] [LambadaUrl] public Dictionary<string, List<string>> A(List<string> commands, ILambadaContext context) => new();")]
    public void Good_http_input_is_accepted(string rule, string members)
    {
        var outcome = FixtureScan.Run(HttpScanTests.ClassWith(members));

        Assert.AreEqual(0, outcome.Diagnostics.Count, $"{rule}: {string.Join("; ", outcome.Diagnostics)}");
    }

    [TestMethod]
    public void More_than_two_parameters_are_refused_for_a_plain_handler_and_accepted_for_an_http_function()
    {
        const string parameters = "(string a, int b, CancellationToken token)";

        var plain = FixtureScan.Run(HttpScanTests.ClassWith($"[LambadaFunction] public void A{parameters} {{ }}"));
        var url = FixtureScan.Run(HttpScanTests.ClassWith($"[LambadaFunction] [LambadaUrl] public void A{parameters} {{ }}"));
        var route = FixtureScan.Run(HttpScanTests.ClassWith($"[LambadaFunction] [LambadaHttp(\"GET /x/{{a}}\")] public void A{parameters} {{ }}"));

        CollectionAssert.AreEqual(new[] { "LMB0143" }, plain.Diagnostics.Select(d => d.Code).ToArray());
        Assert.AreEqual(0, url.Diagnostics.Count, string.Join("; ", url.Diagnostics));
        Assert.AreEqual(0, route.Diagnostics.Count, string.Join("; ", route.Diagnostics));
    }

    [TestMethod]
    public void The_other_handler_rules_still_apply_to_http_functions()
    {
        var outcome = FixtureScan.Run(HttpScanTests.ClassWith("""[LambadaFunction] [LambadaHttp("GET /x")] public async void A() { await Task.Yield(); }"""));

        CollectionAssert.AreEqual(new[] { "LMB0142" }, outcome.Diagnostics.Select(d => d.Code).ToArray());
    }

    [TestMethod]
    public void A_route_declared_by_two_functions_is_reported_at_both_naming_the_other()
    {
        var source = HttpScanTests.ClassWith("""
                [LambadaFunction(Name = "one")] [LambadaHttp("GET /orders/{id}")] public void A(int id) { }

                [LambadaFunction(Name = "two")] [LambadaHttp("GET /orders/{orderId}")] [LambadaHttp("POST /orders")] public void B(int orderId) { }

                [LambadaFunction(Name = "three")] [LambadaHttp("POST /orders/{id}")] public void C(int id) { }
            """);
        var outcome = FixtureScan.Run(source);

        var duplicates = outcome.Diagnostics.Where(d => d.Code == "LMB0173").ToArray();
        Assert.AreEqual(2, outcome.Diagnostics.Count, string.Join("; ", outcome.Diagnostics));
        Assert.AreEqual(2, duplicates.Length);
        var lines = FixtureScan.LinesOf(source, "[LambadaFunction");
        CollectionAssert.AreEquivalent(new[] { lines[0], lines[1] }, duplicates.Select(d => d.Location!.Line).ToArray());
        var atA = duplicates.Single(d => d.Location!.Line == lines[0]);
        var atB = duplicates.Single(d => d.Location!.Line == lines[1]);
        StringAssert.StartsWith(atA.Message, "one: Route 'GET /orders/{id}' is also declared by Fixture.Functions::B at ");
        StringAssert.Contains(atA.Message, "(as 'GET /orders/{orderId}')");
        StringAssert.StartsWith(atB.Message, "two: Route 'GET /orders/{orderId}' is also declared by Fixture.Functions::A at ");
        StringAssert.Contains(atB.Message, $"Functions.cs({lines[0]},");
    }

    [TestMethod]
    public void An_HTTP_API_name_over_128_characters_is_refused_only_when_there_are_routes()
    {
        var name = new string('n', 129);
        var withRoute = FixtureScan.Run(HttpScanTests.ClassWith("""[LambadaFunction] [LambadaHttp("GET /x")] public void A() { }"""), new ProjectOptions { HttpApiName = name });
        var urlOnly = FixtureScan.Run(HttpScanTests.ClassWith("[LambadaFunction] [LambadaUrl] public void A() { }"), new ProjectOptions { HttpApiName = name });
        var fits = FixtureScan.Run(HttpScanTests.ClassWith("""[LambadaFunction] [LambadaHttp("GET /x")] public void A() { }"""), new ProjectOptions { HttpApiName = new string('n', 128) });

        var diagnostic = withRoute.Diagnostics.Single();
        Assert.AreEqual("LMB0175", diagnostic.Code);
        StringAssert.Contains(diagnostic.Message, "is 129 characters long — set LambadaHttpApiName");
        Assert.IsFalse(withRoute.Succeeded);
        Assert.AreEqual(0, urlOnly.Diagnostics.Count, string.Join("; ", urlOnly.Diagnostics));
        Assert.AreEqual(0, fits.Diagnostics.Count, string.Join("; ", fits.Diagnostics));
    }

    [TestMethod]
    public void A_hundred_and_one_origins_or_headers_are_refused()
    {
        var origins = string.Join(", ", Enumerable.Range(0, 101).Select(i => $"\"https://h{i}.example.com\""));
        var headers = string.Join(", ", Enumerable.Range(0, 101).Select(i => $"\"x-h{i}\""));

        var tooManyOrigins = FixtureScan.Run(HttpScanTests.ClassWith($"[LambadaFunction] [LambadaUrl(CorsOrigins = new[] {{ {origins} }})] public void A() {{ }}"));
        var tooManyHeaders = FixtureScan.Run(HttpScanTests.ClassWith($"[LambadaFunction] [LambadaUrl(CorsHeaders = new[] {{ {headers} }})] public void A() {{ }}"));
        var longHeader = FixtureScan.Run(HttpScanTests.ClassWith($"[LambadaFunction] [LambadaUrl(CorsHeaders = new[] {{ \"{new string('h', 1025)}\" }})] public void A() {{ }}"));
        var longOrigin = FixtureScan.Run(HttpScanTests.ClassWith($"[LambadaFunction] [LambadaUrl(CorsOrigins = new[] {{ \"https://{new string('h', 60)}.{new string('h', 60)}.{new string('h', 60)}.{new string('h', 60)}.com\" }})] public void A() {{ }}"));

        StringAssert.Contains(tooManyOrigins.Diagnostics.Single().Message, "CorsOrigins has 101 origins, AWS allows 100");
        StringAssert.Contains(tooManyHeaders.Diagnostics.Single().Message, "CorsHeaders has 101 headers, AWS allows 100");
        StringAssert.Contains(longHeader.Diagnostics.Single().Message, "CorsHeaders has a name of 1025 characters");
        Assert.AreEqual("LMB0176", longOrigin.Diagnostics.Single().Code);
        StringAssert.Contains(longOrigin.Diagnostics.Single().Message, "is 255 characters long");
    }

    [TestMethod]
    [DataRow("LambadaHttp", @"[LambadaHttp(""GET /x"")] public void Forgotten() { }")]
    [DataRow("LambadaUrl", @"[LambadaUrl] public void Forgotten() { }")]
    public void A_trigger_on_a_method_without_LambadaFunction_is_an_error_at_the_method(string attribute, string members)
    {
        var source = HttpScanTests.ClassWith(members + "\n    [LambadaFunction] public void Other() { }");
        var outcome = FixtureScan.Run(source);

        Assert.IsFalse(outcome.Succeeded);
        var diagnostic = outcome.Diagnostics.Single();
        Assert.AreEqual("LMB0184", diagnostic.Code);
        StringAssert.StartsWith(diagnostic.Message, $"Fixture.Functions::Forgotten has [{attribute}] but no [LambadaFunction]");
        Assert.AreEqual(FixtureScan.LinesOf(source, "Forgotten").Single(), diagnostic.Location?.Line);
    }

    [TestMethod]
    public void The_unbound_route_parameter_message_names_every_way_to_fix_it()
    {
        var outcome = FixtureScan.Run(HttpScanTests.ClassWith("""[LambadaFunction] [LambadaHttp("GET /orders/{id}")] public void A() { }"""));

        var message = outcome.Diagnostics.Single().Message;
        StringAssert.Contains(message, "add a parameter named id");
        StringAssert.Contains(message, "list it in the route's Ignore");
        StringAssert.Contains(message, "take a LambadaHttpRequest");
    }
}
