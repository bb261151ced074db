using System.IO.Compression;
using System.Text;
using Lambada.Build.Aws;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;
using Lambada.Testing;
using Lambada.Tests.Deployment;

namespace Lambada.Tests.Aws.Clients;

/// <summary>The typed Lambda and IAM operations one by one against moto, each result read back with the AWS CLI.</summary>
[TestClass]
public sealed class LambdaClientTests
{
    private static DeployFixture? _fixture;
    private static AwsClients? _clients;
    private static TempDirectory? _folder;

    private static DeployFixture Aws => _fixture!;
    private static AwsClients Clients => _clients!;
    private static CancellationToken None => CancellationToken.None;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _fixture = new DeployFixture();
        _clients = AwsClients.Create(null, null, name => Aws.Moto.ClientEnvironment.GetValueOrDefault(name), RetryPolicy.Default, null);
        _folder = new TempDirectory("lambda-client");
    }

    [ClassCleanup]
    public static void Stop()
    {
        _clients?.Dispose();
        _fixture?.Dispose();
        _folder?.Dispose();
    }

    [TestMethod]
    public void Tags_are_added_and_removed_by_key_even_with_spaces_in_keys()
    {
        var arn = Create("tagged").FunctionArn;

        Clients.Lambda.TagResourceAsync(arn, new Dictionary<string, string> { ["a"] = "1", ["b c"] = "2", ["keep"] = "3" }, None).GetAwaiter().GetResult();
        Clients.Lambda.UntagResourceAsync(arn, ["a", "b c"], None).GetAwaiter().GetResult();

        CollectionAssert.AreEquivalent(new[] { "keep" }, Aws.Tags("tagged").Keys.ToArray());
        CollectionAssert.AreEquivalent(new[] { "keep" }, Clients.Lambda.ListTagsAsync(arn, None).GetAwaiter().GetResult().Keys.ToArray());
    }

    [TestMethod]
    public void Reserved_concurrency_is_put_and_deleted()
    {
        Create("throttled");

        Clients.Lambda.PutFunctionConcurrencyAsync("throttled", 7, None).GetAwaiter().GetResult();
        var put = Aws.Function("throttled").GetProperty("Concurrency").GetProperty("ReservedConcurrentExecutions").GetInt32();
        Clients.Lambda.DeleteFunctionConcurrencyAsync("throttled", None).GetAwaiter().GetResult();

        Assert.AreEqual(7, put);
        Assert.IsFalse(Aws.Function("throttled").TryGetProperty("Concurrency", out var concurrency)
                       && concurrency.TryGetProperty("ReservedConcurrentExecutions", out var left) && left.ValueKind == System.Text.Json.JsonValueKind.Number,
            "no reserved concurrency left");
    }

    [TestMethod]
    public void An_alias_is_created_read_and_moved_to_a_newer_version()
    {
        Create("aliased");
        var one = Clients.Lambda.PublishVersionAsync("aliased", new PublishVersionRequest(null, null, null), None).GetAwaiter().GetResult();
        Clients.Lambda.CreateAliasAsync("aliased", "live", one.Version!, None).GetAwaiter().GetResult();
        Clients.Lambda.UpdateFunctionConfigurationAsync("aliased", new UpdateFunctionConfigurationRequest { MemorySize = 1024 }, None).GetAwaiter().GetResult();
        var two = Clients.Lambda.PublishVersionAsync("aliased", new PublishVersionRequest(null, null, null), None).GetAwaiter().GetResult();

        Clients.Lambda.UpdateAliasAsync("aliased", "live", two.Version!, None).GetAwaiter().GetResult();

        Assert.AreNotEqual(one.Version, two.Version);
        Assert.AreEqual(two.Version, Clients.Lambda.GetAliasAsync("aliased", "live", None).GetAwaiter().GetResult()!.FunctionVersion);
        Assert.AreEqual(two.Version, DeployFixture.Json(Aws.Moto.Aws("lambda", "get-alias", "--function-name", "aliased", "--name", "live")).GetProperty("FunctionVersion").GetString());
        Assert.IsNull(Clients.Lambda.GetAliasAsync("aliased", "nope", None).GetAwaiter().GetResult());
    }

    [TestMethod]
    public void A_function_is_deleted_and_then_not_found()
    {
        Create("doomed");

        Clients.Lambda.DeleteFunctionAsync("doomed", None).GetAwaiter().GetResult();

        Assert.IsNull(Clients.Lambda.GetFunctionAsync("doomed", None).GetAwaiter().GetResult());
        CollectionAssert.DoesNotContain(Aws.FunctionNames().ToList(), "doomed");
    }

    [TestMethod]
    public void Invoke_returns_the_status_and_the_function_error_header()
    {
        Create("invoked");

        var result = Clients.Lambda.InvokeAsync("invoked", Encoding.UTF8.GetBytes("{\"x\":1}"), None).GetAwaiter().GetResult();

        // moto runs no code without Docker: it answers 200 with X-Amz-Function-Error, as Lambda does for a failed function.
        Assert.AreEqual(200, result.StatusCode);
        Assert.AreEqual("Handled", result.FunctionError);
        Assert.IsTrue(result.Payload.Length > 0);
    }

    [TestMethod]
    public void A_failed_call_carries_the_AWS_code_message_status_and_request_id()
    {
        var error = Assert.ThrowsExactly<AwsServiceException>(() =>
            Clients.Lambda.GetFunctionConfigurationAsync("missing_fn", None).GetAwaiter().GetResult());

        Assert.AreEqual(("GetFunctionConfiguration", "ResourceNotFoundException", 404), (error.Operation, error.Code, error.StatusCode));
        StringAssert.Contains(error.AwsMessage, "missing_fn");
    }

    [TestMethod]
    public void IAM_roles_are_read_listed_and_created_tagged_with_the_basic_policy()
    {
        var tags = new Dictionary<string, string> { ["lambada:project"] = "client tests", ["second"] = "2" };
        var created = Clients.Iam.CreateRoleAsync("client_made", "/made/", "test", tags, None).GetAwaiter().GetResult();
        Clients.Iam.AttachRolePolicyAsync("client_made", Lambada.Build.Aws.Iam.IamClient.BasicExecutionPolicyArn, None).GetAwaiter().GetResult();

        Assert.AreEqual($"arn:aws:iam::{DeployFixture.Account}:role/made/client_made", created.Arn);
        Assert.AreEqual(created.Arn, Clients.Iam.GetRoleAsync("client_made", None).GetAwaiter().GetResult()!.Arn);
        Assert.IsNull(Clients.Iam.GetRoleAsync("never_made", None).GetAwaiter().GetResult());
        CollectionAssert.IsSubsetOf(new[] { DeployFixture.BasicRoleArn, DeployFixture.S3RoleArn, created.Arn },
            Clients.Iam.ListRolesAsync(None).GetAwaiter().GetResult().Select(r => r.Arn).ToArray());
        var policies = DeployFixture.Json(Aws.Moto.Aws("iam", "list-attached-role-policies", "--role-name", "client_made"));
        Assert.AreEqual(Lambada.Build.Aws.Iam.IamClient.BasicExecutionPolicyArn, policies.GetProperty("AttachedPolicies")[0].GetProperty("PolicyArn").GetString());
        CollectionAssert.AreEqual(new[] { Lambada.Build.Aws.Iam.IamClient.BasicExecutionPolicyArn },
            Clients.Iam.ListAttachedRolePolicyArnsAsync("client_made", None).GetAwaiter().GetResult().ToArray());
        var readTags = DeployFixture.Json(Aws.Moto.Aws("iam", "list-role-tags", "--role-name", "client_made")).GetProperty("Tags")
            .EnumerateArray().ToDictionary(t => t.GetProperty("Key").GetString()!, t => t.GetProperty("Value").GetString()!);
        CollectionAssert.AreEquivalent(tags.ToList(), readTags.ToList());
        CollectionAssert.AreEquivalent(tags.ToList(), Clients.Iam.GetRoleAsync("client_made", None).GetAwaiter().GetResult()!.Tags!.ToList());
        Assert.AreEqual(DeployFixture.Account, Clients.Identity.AccountIdAsync(None).GetAwaiter().GetResult());
    }

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
