using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;

namespace Lambada.Tests.Aws.Clients;

/// <summary>
/// The wire of the resource-policy operations (reference §3): AddPermission POST …/policy with the PascalCase members,
/// nulls left out — the two public-URL statements byte for byte as the AWS CLI sends them —, GetPolicy GET (null on 404),
/// RemovePermission DELETE …/policy/{sid}.
/// </summary>
[TestClass]
public sealed class PolicyClientWireTests
{
    [TestMethod]
    public async Task AddPermission_sends_the_public_InvokeFunctionUrl_statement_exactly()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(201, """{"Statement":"{}"}"""));
        using var clients = server.Clients();

        await clients.Policies.AddPermissionAsync("orders",
            new PermissionRequest("FunctionURLAllowPublicAccess", "lambda:InvokeFunctionUrl", "*") { FunctionUrlAuthType = "NONE" }, CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("POST /2015-03-31/functions/orders/policy", request.ToString());
        Assert.AreEqual("""{"StatementId":"FunctionURLAllowPublicAccess","Action":"lambda:InvokeFunctionUrl","Principal":"*","FunctionUrlAuthType":"NONE"}""", request.BodyText);
        Assert.AreEqual("application/json", request.Header("Content-Type"));
        Assert.AreEqual(1, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task AddPermission_sends_the_InvokeFunction_via_URL_statement_exactly()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200, """{"Statement":"{}"}"""));
        using var clients = server.Clients();

        await clients.Policies.AddPermissionAsync("orders",
            new PermissionRequest("FunctionURLAllowInvokeAction", "lambda:InvokeFunction", "*") { InvokedViaFunctionUrl = true }, CancellationToken.None);

        Assert.AreEqual("""{"StatementId":"FunctionURLAllowInvokeAction","Action":"lambda:InvokeFunction","Principal":"*","InvokedViaFunctionUrl":true}""", server.Single.BodyText);
    }

    [TestMethod]
    public async Task AddPermission_for_API_Gateway_sends_the_SourceArn()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(201, """{"Statement":"{}"}"""));
        using var clients = server.Clients();

        await clients.Policies.AddPermissionAsync("arn:aws:lambda:us-east-1:123456789012:function:orders",
            new PermissionRequest("lambada-http-api", "lambda:InvokeFunction", "apigateway.amazonaws.com")
            {
                SourceArn = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/*",
            }, CancellationToken.None);

        var request = server.Single;
        Assert.AreEqual("/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Aorders/policy", request.Target);
        Assert.AreEqual(
            """{"StatementId":"lambada-http-api","Action":"lambda:InvokeFunction","Principal":"apigateway.amazonaws.com","SourceArn":"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/*/*"}""",
            request.BodyText);
    }

    [TestMethod]
    public async Task AddPermission_passes_a_duplicate_sid_conflict_on()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(409,
            """{"Type":"User","Message":"The statement id (FunctionURLAllowPublicAccess) provided already exists. Please provide a new statement id, or remove the existing statement."}""",
            "ResourceConflictException"));
        using var clients = server.Clients();

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => clients.Policies.AddPermissionAsync("orders",
            new PermissionRequest("FunctionURLAllowPublicAccess", "lambda:InvokeFunctionUrl", "*") { FunctionUrlAuthType = "NONE" }, CancellationToken.None));

        Assert.AreEqual("ResourceConflictException", error.Code);
        Assert.HasCount(1, server.Requests, "a conflict that is not 'in progress' is not retried");
    }

    [TestMethod]
    public async Task GetPolicy_parses_the_Policy_string_and_keeps_the_RevisionId()
    {
        const string policy = """{"Version":"2012-10-17","Id":"default","Statement":[{"Sid":"FunctionURLAllowPublicAccess","Effect":"Allow","Principal":"*","Action":"lambda:InvokeFunctionUrl","Resource":"arn:aws:lambda:us-east-1:123456789012:function:orders","Condition":{"StringEquals":{"lambda:FunctionUrlAuthType":"NONE"}}}]}""";
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200,
            System.Text.Json.JsonSerializer.Serialize(new { Policy = policy, RevisionId = "4843f2f6-7c59-4fda-b484-afd0bc0e22b8" })));
        using var clients = server.Clients();

        var result = await clients.Policies.GetPolicyAsync("orders", CancellationToken.None);

        Assert.AreEqual("GET /2015-03-31/functions/orders/policy", server.Single.ToString());
        Assert.IsNotNull(result);
        Assert.AreEqual("4843f2f6-7c59-4fda-b484-afd0bc0e22b8", result.RevisionId);
        Assert.AreEqual(new PolicyStatement("FunctionURLAllowPublicAccess")
        {
            Action = "lambda:InvokeFunctionUrl",
            Principal = "*",
            FunctionUrlAuthType = "NONE",
        }, result.Statements.Single());
        Assert.AreEqual(0, clients.Http.MutatingRequests);
    }

    [TestMethod]
    public async Task GetPolicy_is_null_on_404_ResourceNotFoundException()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(404,
            """{"Type":"User","Message":"The resource you requested does not exist."}""", "ResourceNotFoundException"));
        using var clients = server.Clients();

        Assert.IsNull(await clients.Policies.GetPolicyAsync("orders", CancellationToken.None));
    }

    [TestMethod]
    public async Task GetPolicy_with_a_Policy_that_is_not_JSON_fails_naming_GetPolicy()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(200, """{"Policy":"not json","RevisionId":"r"}"""));
        using var clients = server.Clients();

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => clients.Policies.GetPolicyAsync("orders", CancellationToken.None));

        Assert.AreEqual("GetPolicy", error.Operation);
    }

    [TestMethod]
    public async Task RemovePermission_deletes_the_statement_by_sid()
    {
        using var server = new RecordingAwsServer(_ => new ScriptedAnswer(204));
        using var clients = server.Clients();

        await clients.Policies.RemovePermissionAsync("orders", "FunctionURLAllowInvokeAction", CancellationToken.None);
        await clients.Policies.RemovePermissionAsync("orders", "odd sid/1", CancellationToken.None);

        CollectionAssert.AreEqual(
            new[] { "DELETE /2015-03-31/functions/orders/policy/FunctionURLAllowInvokeAction", "DELETE /2015-03-31/functions/orders/policy/odd%20sid%2F1" },
            server.Requests.Select(r => r.ToString()).ToArray());
        Assert.IsTrue(server.Requests.All(r => r.Body.Length == 0));
        Assert.AreEqual(2, clients.Http.MutatingRequests);
    }
}
