using System.IO.Compression;
using System.Text.Json;
using Lambada.Build.Aws;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;
using Lambada.Testing;
using Lambada.Tests.Deployment;

namespace Lambada.Tests.Aws.Clients;

/// <summary>
/// Function URL and resource-policy operations against a real moto_server 5.2.1, read back with the AWS CLI
/// (<c>lambda get-function-url-config</c>, <c>lambda get-policy</c>), through a recording <see cref="FaultProxy"/>.
/// Where moto deviates (reference §6: URL conditions kept as top-level keys, no ListFunctionUrlConfigs) the request sent is checked.
/// </summary>
[TestClass]
public sealed class FunctionUrlPolicyClientMotoTests
{
    private static DeployFixture? _fixture;
    private static FaultProxy? _proxy;
    private static AwsClients? _clients;
    private static TempDirectory? _folder;

    private static MotoServer Moto => _fixture!.Moto;
    private static FaultProxy Proxy => _proxy!;
    private static AwsClients Clients => _clients!;
    private static CancellationToken None => CancellationToken.None;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _fixture = new DeployFixture();
        _proxy = FaultProxy.Start(_fixture.Moto.Endpoint);
        var environment = new Dictionary<string, string?>(_fixture.Moto.ClientEnvironment) { ["AWS_ENDPOINT_URL"] = _proxy.Endpoint };
        _clients = AwsClients.Create(null, null, name => environment.GetValueOrDefault(name), RetryPolicy.Default, null);
        _folder = new TempDirectory("url-policy-client");
    }

    [ClassCleanup]
    public static void Stop()
    {
        _clients?.Dispose();
        _proxy?.Dispose();
        _fixture?.Dispose();
        _folder?.Dispose();
    }

    [TestMethod]
    public void A_URL_is_created_read_updated_and_deleted()
    {
        var function = Create("url_fn");
        var cors = new FunctionUrlCors
        {
            AllowCredentials = true,
            AllowHeaders = ["content-type"],
            AllowMethods = ["GET", "POST"],
            AllowOrigins = ["https://example.com"],
            ExposeHeaders = ["x-id"],
            MaxAge = 300,
        };
        var sentBefore = Proxy.Requests.Count;

        Assert.IsNull(Clients.Urls.GetAsync("url_fn", None).GetAwaiter().GetResult(), "no URL yet: 404 → null");
        var created = Clients.Urls.CreateAsync("url_fn", new FunctionUrlSettings("NONE", "BUFFERED", cors), None).GetAwaiter().GetResult();

        StringAssert.StartsWith(created.FunctionUrl, "https://");
        StringAssert.Contains(created.FunctionUrl, ".lambda-url.us-east-1.on.aws");
        Assert.AreEqual(function.FunctionArn, created.FunctionArn);
        var cli = Json(Moto.Aws("lambda", "get-function-url-config", "--function-name", "url_fn"));
        Assert.AreEqual(created.FunctionUrl, cli.GetProperty("FunctionUrl").GetString());
        Assert.AreEqual("NONE", cli.GetProperty("AuthType").GetString());
        var cliCors = cli.GetProperty("Cors");
        Assert.IsTrue(cliCors.GetProperty("AllowCredentials").GetBoolean());
        CollectionAssert.AreEqual(new[] { "GET", "POST" }, Strings(cliCors.GetProperty("AllowMethods")));
        CollectionAssert.AreEqual(new[] { "https://example.com" }, Strings(cliCors.GetProperty("AllowOrigins")));
        CollectionAssert.AreEqual(new[] { "content-type" }, Strings(cliCors.GetProperty("AllowHeaders")));
        CollectionAssert.AreEqual(new[] { "x-id" }, Strings(cliCors.GetProperty("ExposeHeaders")));
        Assert.AreEqual(300, cliCors.GetProperty("MaxAge").GetInt32());

        var read = Clients.Urls.GetAsync("url_fn", None).GetAwaiter().GetResult();
        Assert.IsNotNull(read);
        Assert.AreEqual((created.FunctionUrl, "NONE", 300), (read.FunctionUrl, read.AuthType, read.Cors!.MaxAge));

        var updated = Clients.Urls.UpdateAsync("url_fn", new FunctionUrlSettings("AWS_IAM", "BUFFERED", new FunctionUrlCors { AllowOrigins = ["https://other.example"] }), None)
            .GetAwaiter().GetResult();
        Assert.AreEqual("AWS_IAM", updated.AuthType);
        cli = Json(Moto.Aws("lambda", "get-function-url-config", "--function-name", "url_fn"));
        Assert.AreEqual("AWS_IAM", cli.GetProperty("AuthType").GetString());
        Assert.AreEqual(created.FunctionUrl, cli.GetProperty("FunctionUrl").GetString(), "an update keeps the URL");
        CollectionAssert.AreEqual(new[] { "https://other.example" }, Strings(cli.GetProperty("Cors").GetProperty("AllowOrigins")));

        // Clearing the CORS sends "Cors":{} (AWS then has none); moto 5.2.1 skips an empty Cors on update and keeps the old
        // one, so only the request is checked here.
        Clients.Urls.UpdateAsync("url_fn", new FunctionUrlSettings("AWS_IAM", "BUFFERED", null), None).GetAwaiter().GetResult();
        Assert.AreEqual("""{"AuthType":"AWS_IAM","InvokeMode":"BUFFERED","Cors":{}}""", Proxy.Requests.Last(r => r.Method == "PUT").Body);

        Clients.Urls.DeleteAsync("url_fn", None).GetAwaiter().GetResult();
        var gone = Moto.Aws("lambda", "get-function-url-config", "--function-name", "url_fn");
        Assert.AreNotEqual(0, gone.ExitCode);
        StringAssert.Contains(gone.Output, "ResourceNotFoundException");
        Assert.IsNull(Clients.Urls.GetAsync("url_fn", None).GetAwaiter().GetResult());

        var sent = Proxy.Requests.Skip(sentBefore).Select(r => $"{r.Method} {r.Path}{(r.Query.Length > 0 ? "?" + r.Query : "")}").ToArray();
        CollectionAssert.AreEqual(new[]
        {
            "GET /2021-10-31/functions/url_fn/url", "POST /2021-10-31/functions/url_fn/url", "GET /2021-10-31/functions/url_fn/url",
            "PUT /2021-10-31/functions/url_fn/url", "PUT /2021-10-31/functions/url_fn/url", "DELETE /2021-10-31/functions/url_fn/url",
            "GET /2021-10-31/functions/url_fn/url",
        }, sent);
    }

    [TestMethod]
    public void ListFunctionUrlConfigs_sends_the_2021_10_31_urls_request_which_moto_does_not_serve()
    {
        Create("listed_fn");
        var sentBefore = Proxy.Requests.Count;

        var error = Assert.ThrowsExactly<AwsServiceException>(() => Clients.Urls.ListAsync("listed_fn", None).GetAwaiter().GetResult());

        Assert.AreEqual(404, error.StatusCode, "moto 5.2.1 has no ListFunctionUrlConfigs (reference §6); paging is proven against a fake");
        var sent = Proxy.Requests.Skip(sentBefore).Single();
        Assert.AreEqual(("GET", "/2021-10-31/functions/listed_fn/urls", "MaxItems=50"), (sent.Method, sent.Path, sent.Query));
    }

    [TestMethod]
    public void Permissions_for_a_public_URL_and_for_API_Gateway_are_added_read_and_removed()
    {
        var function = Create("policy_fn");
        var sourceArn = $"arn:aws:execute-api:us-east-1:{DeployFixture.Account}:a1b2c3d4e5/*/*";
        var sentBefore = Proxy.Requests.Count;

        Assert.IsNull(Clients.Policies.GetPolicyAsync("policy_fn", None).GetAwaiter().GetResult(), "no policy yet: 404 → null");
        Clients.Policies.AddPermissionAsync("policy_fn",
            new PermissionRequest("FunctionURLAllowPublicAccess", "lambda:InvokeFunctionUrl", "*") { FunctionUrlAuthType = "NONE" }, None).GetAwaiter().GetResult();
        Clients.Policies.AddPermissionAsync("policy_fn",
            new PermissionRequest("FunctionURLAllowInvokeAction", "lambda:InvokeFunction", "*") { InvokedViaFunctionUrl = true }, None).GetAwaiter().GetResult();
        Clients.Policies.AddPermissionAsync("policy_fn",
            new PermissionRequest("lambada-http-api", "lambda:InvokeFunction", "apigateway.amazonaws.com") { SourceArn = sourceArn }, None).GetAwaiter().GetResult();

        // The AWS CLI reads the three statements with the sid, action and principal AWS promises; SourceArn as AWS writes it.
        var cliStatements = CliStatements("policy_fn");
        CollectionAssert.AreEqual(new[] { "FunctionURLAllowPublicAccess", "FunctionURLAllowInvokeAction", "lambada-http-api" },
            cliStatements.Select(s => s.GetProperty("Sid").GetString()).ToArray());
        Assert.AreEqual("lambda:InvokeFunctionUrl", cliStatements[0].GetProperty("Action").GetString());
        Assert.AreEqual("*", cliStatements[0].GetProperty("Principal").GetString());
        Assert.AreEqual("lambda:InvokeFunction", cliStatements[1].GetProperty("Action").GetString());
        Assert.AreEqual("apigateway.amazonaws.com", cliStatements[2].GetProperty("Principal").GetProperty("Service").GetString());
        Assert.AreEqual(sourceArn, cliStatements[2].GetProperty("Condition").GetProperty("ArnLike").GetProperty("AWS:SourceArn").GetString());
        Assert.IsTrue(cliStatements.All(s => s.GetProperty("Resource").GetString() == function.FunctionArn));

        // Lambada's reading of the same document (moto keeps the URL members as top-level keys; read from there).
        var policy = Clients.Policies.GetPolicyAsync("policy_fn", None).GetAwaiter().GetResult();
        Assert.IsNotNull(policy);
        CollectionAssert.AreEqual(new[]
        {
            new PolicyStatement("FunctionURLAllowPublicAccess") { Action = "lambda:InvokeFunctionUrl", Principal = "*", FunctionUrlAuthType = "NONE" },
            new PolicyStatement("FunctionURLAllowInvokeAction") { Action = "lambda:InvokeFunction", Principal = "*", InvokedViaFunctionUrl = true },
            new PolicyStatement("lambada-http-api") { Action = "lambda:InvokeFunction", Principal = "apigateway.amazonaws.com", SourceArn = sourceArn },
        }, policy.Statements.ToArray());

        // The bodies sent, verbatim (moto does not turn the URL members into Conditions as AWS does).
        CollectionAssert.AreEqual(new[]
        {
            """{"StatementId":"FunctionURLAllowPublicAccess","Action":"lambda:InvokeFunctionUrl","Principal":"*","FunctionUrlAuthType":"NONE"}""",
            """{"StatementId":"FunctionURLAllowInvokeAction","Action":"lambda:InvokeFunction","Principal":"*","InvokedViaFunctionUrl":true}""",
            $$"""{"StatementId":"lambada-http-api","Action":"lambda:InvokeFunction","Principal":"apigateway.amazonaws.com","SourceArn":"{{sourceArn}}"}""",
        }, Proxy.Requests.Skip(sentBefore).Where(r => r.Method == "POST").Select(r => r.Body).ToArray());

        Clients.Policies.RemovePermissionAsync("policy_fn", "FunctionURLAllowInvokeAction", None).GetAwaiter().GetResult();
        CollectionAssert.AreEqual(new[] { "FunctionURLAllowPublicAccess", "lambada-http-api" },
            CliStatements("policy_fn").Select(s => s.GetProperty("Sid").GetString()).ToArray());
        CollectionAssert.AreEqual(new[] { "FunctionURLAllowPublicAccess", "lambada-http-api" },
            Clients.Policies.GetPolicyAsync("policy_fn", None).GetAwaiter().GetResult()!.Statements.Select(s => s.Sid).ToArray());

        var sent = Proxy.Requests.Skip(sentBefore).ToList();
        Assert.AreEqual("DELETE /2015-03-31/functions/policy_fn/policy/FunctionURLAllowInvokeAction", sent.Single(r => r.Method == "DELETE").ToString().Split(" →")[0]);
        Assert.IsTrue(sent.Where(r => r.Method != "GET").All(r => r.Status is >= 200 and < 300), string.Join("\n", sent));
    }

    [TestMethod]
    public void Removing_an_unknown_statement_is_ResourceNotFoundException_and_removing_the_last_leaves_no_policy()
    {
        Create("policy_missing");
        Clients.Policies.AddPermissionAsync("policy_missing",
            new PermissionRequest("keep", "lambda:InvokeFunction", "apigateway.amazonaws.com"), None).GetAwaiter().GetResult();

        var error = Assert.ThrowsExactly<AwsServiceException>(() =>
            Clients.Policies.RemovePermissionAsync("policy_missing", "never-added", None).GetAwaiter().GetResult());

        Assert.AreEqual(("RemovePermission", "ResourceNotFoundException", 404), (error.Operation, error.Code, error.StatusCode));
        CollectionAssert.AreEqual(new[] { "keep" }, CliStatements("policy_missing").Select(s => s.GetProperty("Sid").GetString()).ToArray());

        Clients.Policies.RemovePermissionAsync("policy_missing", "keep", None).GetAwaiter().GetResult();
        Assert.IsNull(Clients.Policies.GetPolicyAsync("policy_missing", None).GetAwaiter().GetResult(), "the last statement removed: no policy, 404 → null");
    }

    private static List<JsonElement> CliStatements(string function)
    {
        var policy = Json(Moto.Aws("lambda", "get-policy", "--function-name", function)).GetProperty("Policy").GetString()!;
        using var document = JsonDocument.Parse(policy);
        return document.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.Clone()).ToList();
    }

    private static string[] Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static JsonElement Json(ProcessResult result) => DeployFixture.Json(result);

    private static FunctionConfiguration Create(string name)
    {
        var zip = Path.Combine(_folder!.Path, name + ".zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
            archive.CreateEntry(name);
        return Clients.Lambda.CreateFunctionAsync(new CreateFunctionRequest
        {
            FunctionName = name,
            Role = DeployFixture.BasicRoleArn,
            Code = new FunctionCode { ZipFile = File.ReadAllBytes(zip) },
            Runtime = "dotnet10",
            Handler = "Asm",
            MemorySize = 128,
            Timeout = 3,
        }, None).GetAwaiter().GetResult();
    }
}
