using System.Text.Json;
using Lambada.Build.Manifest;
using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Scanning;

/// <summary>
/// [LambadaUrl] and [LambadaHttp] from the compiled attribute to functions.json: the scan reads them in AWS's wire words,
/// the manifest carries them under the function with the project's HTTP API name, and the binding gives JSON only to what
/// the runtime does not read itself.
/// </summary>
[TestClass]
public sealed class HttpScanTests
{
    /// <summary>A fixture class whose source also imports Lambada.Runtime.Http.</summary>
    public static string ClassWith(string members) => FixtureScan.ClassWith(members).Replace("using Lambada.Runtime;", "using Lambada.Runtime;\nusing Lambada.Runtime.Http;", StringComparison.Ordinal);

    [TestMethod]
    public void A_url_with_every_setting_is_read_in_lambdas_words()
    {
        var outcome = FixtureScan.Run(ClassWith("""
                [LambadaFunction]
                [LambadaUrl(Auth = LambadaAuth.None, CorsOrigins = new[] { "https://example.com", "http://localhost:3000" },
                    CorsMethods = new[] { "GET", "POST" }, CorsHeaders = new[] { "content-type" }, CorsExposeHeaders = new[] { "x-request-id" },
                    CorsAllowCredentials = true, CorsMaxAge = 600)]
                public string Hello(string name) => name;
            """));

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        var url = outcome.Manifest.Functions.Single().Url;
        Assert.IsNotNull(url);
        Assert.AreEqual("NONE", url.AuthType);
        Assert.AreEqual("BUFFERED", url.InvokeMode);
        Assert.IsNotNull(url.Cors);
        CollectionAssert.AreEqual(new[] { "https://example.com", "http://localhost:3000" }, url.Cors.AllowOrigins.ToArray());
        CollectionAssert.AreEqual(new[] { "GET", "POST" }, url.Cors.AllowMethods.ToArray());
        CollectionAssert.AreEqual(new[] { "content-type" }, url.Cors.AllowHeaders.ToArray());
        CollectionAssert.AreEqual(new[] { "x-request-id" }, url.Cors.ExposeHeaders.ToArray());
        Assert.IsTrue(url.Cors.AllowCredentials);
        Assert.AreEqual(600, url.Cors.MaxAge);
    }

    [TestMethod]
    public void A_bare_url_is_AWS_IAM_buffered_without_CORS_and_needs_no_HTTP_API()
    {
        var outcome = FixtureScan.Run(ClassWith("[LambadaFunction] [LambadaUrl] public void Ping() { }"));

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        var f = outcome.Manifest.Functions.Single();
        Assert.AreEqual(new FunctionUrlDefinition { AuthType = "AWS_IAM", InvokeMode = "BUFFERED", Cors = null }, f.Url);
        Assert.AreEqual(0, f.Routes.Count);
        Assert.IsNull(outcome.Manifest.HttpApiName, "no route, no API");
    }

    [TestMethod]
    public void Cors_values_written_as_their_defaults_are_no_CORS()
    {
        var outcome = FixtureScan.Run(ClassWith("[LambadaFunction] [LambadaUrl(CorsMaxAge = 0, CorsAllowCredentials = false, CorsOrigins = new string[0])] public void Ping() { }"));

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        Assert.IsNull(outcome.Manifest.Functions.Single().Url!.Cors);
    }

    [TestMethod]
    public void A_function_without_trigger_attributes_has_neither_url_nor_routes()
    {
        var outcome = FixtureScan.Run(ClassWith("[LambadaFunction] public void Ping() { }"));

        var f = outcome.Manifest.Functions.Single();
        Assert.IsNull(f.Url);
        Assert.AreEqual(0, f.Routes.Count);
        Assert.IsNull(outcome.Manifest.HttpApiName);
    }

    [TestMethod]
    public void Routes_are_read_in_attribute_order_with_auth_and_ignore()
    {
        var outcome = FixtureScan.Run(ClassWith("""
                [LambadaFunction]
                [LambadaHttp("GET /orders/{id}", Auth = LambadaAuth.None)]
                [LambadaHttp("DELETE /orders/{id}/items/{item}", Ignore = new[] { "item" })]
                [LambadaHttp("ANY /files/{proxy+}", Ignore = new[] { "proxy" })]
                public string Order(int id) => id.ToString();
            """));

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        var routes = outcome.Manifest.Functions.Single().Routes;
        CollectionAssert.AreEqual(new[] { "GET /orders/{id}", "DELETE /orders/{id}/items/{item}", "ANY /files/{proxy+}" }, routes.Select(r => r.RouteKey).ToArray());
        CollectionAssert.AreEqual(new[] { "NONE", "AWS_IAM", "AWS_IAM" }, routes.Select(r => r.AuthorizationType).ToArray());
        CollectionAssert.AreEqual(Array.Empty<string>(), routes[0].Ignored.ToArray());
        CollectionAssert.AreEqual(new[] { "item" }, routes[1].Ignored.ToArray());
        CollectionAssert.AreEqual(new[] { "proxy" }, routes[2].Ignored.ToArray());
    }

    [TestMethod]
    public void The_HTTP_API_is_named_by_the_project_else_after_the_assembly_only_when_a_route_exists()
    {
        var source = ClassWith("""[LambadaFunction] [LambadaHttp("GET /ping")] public string Ping() => "pong";""");

        var named = FixtureScan.Run(source, new ProjectOptions { HttpApiName = "shop-api" });
        var unnamed = FixtureScan.Run(source);

        Assert.AreEqual("shop-api", named.Manifest.HttpApiName);
        Assert.AreEqual("Fixture", unnamed.Manifest.HttpApiName, "the assembly's name when LambadaHttpApiName is not given");
        Assert.IsNull(FixtureScan.Run(ClassWith("[LambadaFunction] [LambadaUrl] public void A() { }"), new ProjectOptions { HttpApiName = "shop-api" }).Manifest.HttpApiName,
            "a URL alone needs no HTTP API");
    }

    [TestMethod]
    public void The_manifest_json_carries_url_routes_and_the_api_name_and_reads_back_equal()
    {
        using var dir = new TempDirectory("http-manifest");
        var outcome = FixtureScan.Run(ClassWith("""
                [LambadaFunction(Name = "orders")]
                [LambadaHttp("GET /orders/{id}", Auth = LambadaAuth.None)]
                [LambadaUrl(CorsOrigins = new[] { "*" }, CorsMaxAge = 60)]
                public string Order(int id) => id.ToString();
            """), new ProjectOptions { HttpApiName = "shop" });
        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));

        var path = dir.File("functions.json");
        ManifestWriter.Write(path, outcome.Manifest);
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var root = json.RootElement;
        Assert.AreEqual("shop", root.GetProperty("httpApiName").GetString());
        var function = root.GetProperty("functions")[0];
        var url = function.GetProperty("url");
        Assert.AreEqual("AWS_IAM", url.GetProperty("authType").GetString());
        Assert.AreEqual("BUFFERED", url.GetProperty("invokeMode").GetString());
        Assert.AreEqual("*", url.GetProperty("cors").GetProperty("allowOrigins")[0].GetString());
        Assert.AreEqual(60, url.GetProperty("cors").GetProperty("maxAge").GetInt32());
        Assert.IsFalse(url.GetProperty("cors").GetProperty("allowCredentials").GetBoolean());
        var route = function.GetProperty("routes")[0];
        Assert.AreEqual("GET /orders/{id}", route.GetProperty("routeKey").GetString());
        Assert.AreEqual("NONE", route.GetProperty("authorizationType").GetString());
        Assert.AreEqual(0, route.GetProperty("ignored").GetArrayLength());

        var back = ManifestWriter.Read(path).Functions.Single();
        var written = outcome.Manifest.Functions.Single();
        Assert.AreEqual(written.Url!.AuthType, back.Url!.AuthType);
        Assert.AreEqual(written.Url.InvokeMode, back.Url.InvokeMode);
        CollectionAssert.AreEqual(written.Url.Cors!.AllowOrigins.ToArray(), back.Url.Cors!.AllowOrigins.ToArray());
        Assert.AreEqual(written.Url.Cors.MaxAge, back.Url.Cors.MaxAge);
        Assert.AreEqual(written.Routes.Single().RouteKey, back.Routes.Single().RouteKey);
        Assert.AreEqual(written.Routes.Single().AuthorizationType, back.Routes.Single().AuthorizationType);
        Assert.AreEqual("shop", ManifestWriter.Read(path).HttpApiName);
    }

    [TestMethod]
    public void A_manifest_without_triggers_writes_null_url_empty_routes_and_null_api_name()
    {
        var outcome = FixtureScan.Run(ClassWith("[LambadaFunction] public void Ping() { }"));

        using var json = JsonDocument.Parse(ManifestWriter.ToJson(outcome.Manifest));
        Assert.AreEqual(JsonValueKind.Null, json.RootElement.GetProperty("httpApiName").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, json.RootElement.GetProperty("functions")[0].GetProperty("url").ValueKind);
        Assert.AreEqual(0, json.RootElement.GetProperty("functions")[0].GetProperty("routes").GetArrayLength());
    }

    [TestMethod]
    public void An_http_functions_json_types_are_its_body_and_result_not_what_the_runtime_reads_itself()
    {
        var (outcome, binding) = FixtureScan.RunWithBinding(ClassWith("""
                public sealed class Order { public int Id { get; set; } }
                public sealed class Receipt { public string? Number { get; set; } }
                [LambadaFunction] [LambadaHttp("POST /orders/{shop}")]
                public Receipt Place(string shop, int? quantity, Order order, CancellationToken token) => new();
                [LambadaFunction] [LambadaHttp("GET /raw/{id}")]
                public LambadaHttpResponse Raw(LambadaHttpRequest request, Guid id) => null!;
                [LambadaFunction] [LambadaHttp("GET /text/{id}")]
                public string Text(int id, string? filter) => "";
                [LambadaFunction] [LambadaHttp("GET /day/{id}")]
                public Task<DayOfWeek> Day(int id, string? filter) => Task.FromResult(DayOfWeek.Monday);
            """));

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        CollectionAssert.AreEquivalent(new[] { "global::Fixture.Functions.Order", "global::Fixture.Functions.Receipt", "global::System.DayOfWeek" }, JsonTypes(binding!),
            "a string result is text and route or query values are parsed, but an enum result is written as JSON");
    }

    [TestMethod]
    public void An_http_function_that_is_also_a_plain_handler_keeps_its_event_json_for_direct_invoke()
    {
        var (outcome, binding) = FixtureScan.RunWithBinding(ClassWith("""
                [LambadaFunction(Name = "lb_runCommand")] [LambadaUrl]
                public Dictionary<string, List<string>> Run(List<string> commands) => new();
                [LambadaFunction] [LambadaUrl]
                public int Echo(int value) => value;
            """));

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        CollectionAssert.AreEquivalent(new[]
        {
            "global::System.Collections.Generic.List<global::System.String>",
            "global::System.Collections.Generic.Dictionary<global::System.String, global::System.Collections.Generic.List<global::System.String>>",
            "global::System.Int32",
        }, JsonTypes(binding!));
    }

    private static string[] JsonTypes(string binding) => binding.Split('\n')
        .Where(l => l.StartsWith("[global::System.Text.Json.Serialization.JsonSerializable(typeof(", StringComparison.Ordinal))
        .Select(l => l["[global::System.Text.Json.Serialization.JsonSerializable(typeof(".Length..l.IndexOf("))", StringComparison.Ordinal)])
        .ToArray();
}
