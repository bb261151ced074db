using System.Diagnostics;
using System.Text.Json;
using Lambada.Testing;

namespace Lambada.Tests.Serve;

/// <summary>
/// The issue's local HTTP, end to end: a real fixture project with <c>[LambadaHttp]</c> and <c>[LambadaUrl]</c> built with Lambada's
/// targets, run with <c>dotnet run -- serve --port 0</c>, reached with curl and with the AWS CLI's <c>lambda invoke --endpoint-url</c>.
/// </summary>
[TestClass]
public sealed class ServeProcessTests
{
    private const string Source = """
        using Lambada;
        using Lambada.Runtime.Http;

        public static class Shop
        {
            [LambadaFunction(Name = "getOrder")]
            [LambadaHttp("GET /orders/{id}", Auth = LambadaAuth.None, Ignore = ["id"])]
            public static LambadaHttpResponse GetOrder(LambadaHttpRequest request) => new()
            {
                StatusCode = 200,
                Headers = new Dictionary<string, string> { ["content-type"] = "application/json" },
                Body = $"{{\"id\":\"{request.PathParameters!["id"]}\",\"q\":\"{request.QueryStringParameters?["q"]}\"}}",
            };

            [LambadaFunction(Name = "fails")]
            [LambadaHttp("GET /fail", Auth = LambadaAuth.None)]
            public static LambadaHttpResponse Fails(LambadaHttpRequest request) => throw new InvalidOperationException("inner secret");

            [LambadaFunction(Name = "echoUrl")]
            [LambadaUrl(Auth = LambadaAuth.None, CorsOrigins = ["https://app.example"], CorsMethods = ["POST"], CorsMaxAge = 60)]
            public static LambadaHttpResponse EchoUrl(LambadaHttpRequest request) => new()
            {
                StatusCode = 202,
                Headers = new Dictionary<string, string> { ["content-type"] = "text/plain" },
                Cookies = ["seen=1"],
                Body = request.RequestContext.Http.Method + " " + request.RawPath + " " + request.Body,
            };

            [LambadaFunction(Name = "add")]
            public static int Add(int[] numbers) => numbers.Sum();

            [LambadaFunction(Name = "broken")]
            public static int Broken(int[] numbers) => throw new ArgumentException("not today");
        }
        """;

    private static FixtureProject _project = null!;
    private static ServeProcess _serve = null!;
    private static TempDirectory _work = null!;

    [ClassInitialize]
    public static void Start(TestContext context)
    {
        _project = new FixtureProject("servefixture", new Dictionary<string, string> { ["Shop.cs"] = Source }, "<OutputType>Exe</OutputType>");
        var build = _project.Build();
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        _work = new TempDirectory("serve-out");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = _project.Directory }.WithCleanEnvironment();
        foreach (var argument in new[] { "run", "--no-build", "--project", _project.ProjectFile, "--", "serve", "--port", "0" })
            start.ArgumentList.Add(argument);
        _serve = new ServeProcess(start);
    }

    [ClassCleanup]
    public static void Stop()
    {
        _serve?.Dispose();
        _work?.Dispose();
        _project?.Dispose();
    }

    [TestMethod]
    public void It_prints_the_routes_urls_and_invoke_endpoint()
    {
        StringAssert.Contains(_serve.Output, $"GET /orders/{{id}}");
        StringAssert.Contains(_serve.Output, $"{_serve.BaseAddress}/orders/{{id}}");
        StringAssert.Contains(_serve.Output, $"{_serve.BaseAddress}/_url/echoUrl/");
        StringAssert.Contains(_serve.Output, $"POST {_serve.BaseAddress}/2015-03-31/functions/{{name}}/invocations");
    }

    [TestMethod]
    public void Curl_reaches_a_route_with_a_path_parameter_and_the_query()
    {
        var (status, headers, body) = Curl($"{_serve.BaseAddress}/orders/42?q=ink");

        Assert.AreEqual(200, status, headers + body);
        StringAssert.Contains(headers, "application/json");
        Assert.AreEqual("{\"id\":\"42\",\"q\":\"ink\"}", body);
    }

    [TestMethod]
    public void Curl_posts_a_body_to_a_function_url_and_gets_its_status_cookie_and_cors()
    {
        var (status, headers, body) = Curl($"{_serve.BaseAddress}/_url/echoUrl/basket", "-X", "POST", "-H", "Origin: https://app.example", "-H", "content-type: text/plain", "--data-binary", "two pens");

        Assert.AreEqual(202, status, headers + body);
        Assert.AreEqual("POST /basket two pens", body);
        StringAssert.Contains(headers.ToLowerInvariant(), "set-cookie: seen=1");
        StringAssert.Contains(headers.ToLowerInvariant(), "access-control-allow-origin: https://app.example");
    }

    [TestMethod]
    public void Curl_gets_a_cors_preflight_answer()
    {
        var (status, headers, body) = Curl($"{_serve.BaseAddress}/_url/echoUrl/", "-X", "OPTIONS", "-H", "Origin: https://app.example", "-H", "Access-Control-Request-Method: POST");

        Assert.AreEqual(200, status, headers + body);
        Assert.AreEqual("", body);
        var lower = headers.ToLowerInvariant();
        StringAssert.Contains(lower, "access-control-allow-origin: https://app.example");
        StringAssert.Contains(lower, "access-control-allow-methods: post");
        StringAssert.Contains(lower, "access-control-max-age: 60");
    }

    [TestMethod]
    public void Curl_gets_404_for_an_unknown_route_and_500_without_a_stack_trace_for_a_failure()
    {
        var (missing, _, missingBody) = Curl($"{_serve.BaseAddress}/nope");
        var (failed, _, failedBody) = Curl($"{_serve.BaseAddress}/fail");

        Assert.AreEqual((404, "{\"message\":\"Not Found\"}"), (missing, missingBody));
        Assert.AreEqual((500, "{\"message\":\"Internal Server Error\"}"), (failed, failedBody));
        StringAssert.Contains(_serve.Output, "inner secret", "stderr has the exception");
    }

    [TestMethod]
    public void The_aws_cli_invokes_a_function_through_serve()
    {
        var outFile = Path.Combine(_work.Path, "add.json");

        var result = AwsInvoke("add", "[1,2,3]", outFile);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        using var printed = JsonDocument.Parse(result.Output);
        Assert.AreEqual(200, printed.RootElement.GetProperty("StatusCode").GetInt32());
        Assert.AreEqual("$LATEST", printed.RootElement.GetProperty("ExecutedVersion").GetString());
        Assert.AreEqual("6", File.ReadAllText(outFile));
    }

    [TestMethod]
    public void The_aws_cli_sees_a_function_error_as_unhandled_with_lambdas_error_json()
    {
        var outFile = Path.Combine(_work.Path, "broken.json");

        var result = AwsInvoke("arn:aws:lambda:us-east-1:123456789012:function:broken", "[1]", outFile);

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        using var printed = JsonDocument.Parse(result.Output);
        Assert.AreEqual("Unhandled", printed.RootElement.GetProperty("FunctionError").GetString());
        using var error = JsonDocument.Parse(File.ReadAllText(outFile));
        Assert.AreEqual("ArgumentException", error.RootElement.GetProperty("errorType").GetString());
        Assert.AreEqual("not today", error.RootElement.GetProperty("errorMessage").GetString());
    }

    [TestMethod]
    public void The_aws_cli_gets_resource_not_found_for_an_unknown_function()
    {
        var result = AwsInvoke("nobody", "{}", Path.Combine(_work.Path, "nobody.json"));

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "ResourceNotFoundException");
        StringAssert.Contains(result.Output, "function:nobody");
    }

    /// <summary>The built app itself (what <c>dotnet run</c> starts) stops on SIGTERM, as on Ctrl+C, with exit 0.</summary>
    [TestMethod]
    public void The_app_stops_cleanly_on_sigterm_with_exit_0()
    {
        var app = Path.Combine(_project.Directory, "bin", "Debug", "net10.0", _project.Name);
        var start = new ProcessStartInfo(app) { WorkingDirectory = _project.Directory }.WithCleanEnvironment();
        foreach (var argument in new[] { "serve", "--port", "0" })
            start.ArgumentList.Add(argument);
        using var serve = new ServeProcess(start);
        var (status, _, _) = Curl($"{serve.BaseAddress}/orders/1");
        Assert.AreEqual(200, status);

        var kill = ProcessRunner.Run("kill", ["-TERM", serve.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        Assert.AreEqual(0, kill.ExitCode, kill.ToString());

        Assert.AreEqual(0, serve.WaitForExit(TimeSpan.FromSeconds(30)), serve.Output);
        StringAssert.Contains(serve.Output, "lambada serve: stopped");
    }

    private static ProcessResult AwsInvoke(string function, string payload, string outFile) =>
        ProcessRunner.Run("aws", ["lambda", "invoke", "--endpoint-url", _serve.BaseAddress, "--function-name", function, "--payload", payload, outFile],
            environment: new Dictionary<string, string?>
            {
                ["AWS_ACCESS_KEY_ID"] = "testing",
                ["AWS_SECRET_ACCESS_KEY"] = "testing",
                ["AWS_DEFAULT_REGION"] = "us-east-1",
                ["AWS_MAX_ATTEMPTS"] = "1",
                ["AWS_CONFIG_FILE"] = "/dev/null",
                ["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null",
            },
            timeout: TimeSpan.FromMinutes(1));

    /// <summary>curl's status, headers and body (the headers written to a file with -D, the body to stdout).</summary>
    private static (int Status, string Headers, string Body) Curl(string url, params string[] options)
    {
        var headerFile = Path.Combine(_work.Path, Guid.NewGuid().ToString("N") + ".headers");
        var bodyFile = Path.Combine(_work.Path, Guid.NewGuid().ToString("N") + ".body");
        var result = ProcessRunner.Run("curl", ["-sS", "-D", headerFile, "-o", bodyFile, "-w", "%{http_code}", .. options, url], timeout: TimeSpan.FromMinutes(1));
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return (int.Parse(result.Output.Trim(), System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(headerFile), File.ReadAllText(bodyFile));
    }
}
