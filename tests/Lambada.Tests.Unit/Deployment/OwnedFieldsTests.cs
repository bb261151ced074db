using System.Net;
using System.Text.Json;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Aws.Signing;
using Lambada.Build.Deployment;
using Lambada.Build.Model;

namespace Lambada.Tests.Deployment;

/// <summary>
/// The one list of owned fields keeps the planner and the wire requests in step. Every owned field of the function
/// below differs from AWS's default, so a field the planner compares but a request leaves out would leave Lambda at
/// its default, and the plan after it would not be empty. The requests go through the real <see cref="LambdaClient"/>
/// serialisation to a handler that answers with the request's own body: the configuration Lambda would then hold.
/// </summary>
[TestClass]
public sealed class OwnedFieldsTests
{
    private const string RoleArn = "arn:aws:iam::123456789012:role/owned";
    private const string Hash = "kKBufVmLYXBSCnZ42PxIZvHt8YSQALuWx1JIydiXVZo=";
    private static readonly FunctionCode Code = new() { S3Bucket = "bucket", S3Key = "owned.zip" };

    [TestMethod]
    public void Against_a_function_at_AWS_defaults_the_plan_names_every_owned_field_in_the_tables_order()
    {
        var desired = OffTheDefaults();

        var plan = Planner.Plan(desired, AtAwsDefaults(), RoleArn, Hash);

        CollectionAssert.AreEqual(OwnedFields.Configuration.Select(f => f.Name).ToList(), plan.ConfigChanges.Select(c => c.Field).ToList(), plan.Summary);
        CollectionAssert.AreEqual(new[] { "Role", "Handler", "Runtime", "MemorySize", "Timeout", "Description", "EphemeralStorage", "Environment" },
            OwnedFields.Configuration.Select(f => f.Name).ToList());
        Assert.IsTrue(plan.ArchitectureChanged, "arm64 differs from AWS's x86_64");
    }

    [TestMethod]
    public async Task A_function_created_from_the_create_request_plans_as_unchanged()
    {
        var desired = OffTheDefaults();

        var (json, created) = await SendAsync(lambda => lambda.CreateFunctionAsync(OwnedFields.CreateRequest(desired, RoleArn, Code), CancellationToken.None));

        foreach (var field in OwnedFields.Configuration)
            Assert.IsTrue(json.TryGetProperty(field.Name, out _), $"{field.Name} is not in the CreateFunction request: {json}");
        var plan = Planner.Plan(desired, created with { CodeSha256 = Hash }, RoleArn, Hash);
        Assert.AreEqual(PlannedAction.Unchanged, plan.Action, plan.Summary);
    }

    [TestMethod]
    public async Task A_configuration_update_of_a_function_at_AWS_defaults_leaves_no_configuration_change()
    {
        var desired = OffTheDefaults();

        var (json, updated) = await SendAsync(lambda => lambda.UpdateFunctionConfigurationAsync("owned", OwnedFields.UpdateConfigurationRequest(desired, RoleArn), CancellationToken.None));

        foreach (var field in OwnedFields.Configuration)
            Assert.IsTrue(json.TryGetProperty(field.Name, out _), $"{field.Name} is not in the UpdateFunctionConfiguration request: {json}");
        var plan = Planner.Plan(desired, updated, RoleArn, Hash);
        Assert.AreEqual(0, plan.ConfigChanges.Count, plan.Summary);
    }

    [TestMethod]
    public async Task The_architecture_goes_with_the_code_not_with_the_configuration()
    {
        var desired = OffTheDefaults();

        var (codeJson, updated) = await SendAsync(lambda => lambda.UpdateFunctionCodeAsync("owned", OwnedFields.UpdateCodeRequest(desired, Code), CancellationToken.None));
        var (configurationJson, _) = await SendAsync(lambda => lambda.UpdateFunctionConfigurationAsync("owned", OwnedFields.UpdateConfigurationRequest(desired, RoleArn), CancellationToken.None));

        Assert.IsFalse(OwnedFields.ArchitectureChanged(updated, desired), codeJson.ToString());
        Assert.AreEqual("bucket/owned.zip", $"{codeJson.GetProperty("S3Bucket").GetString()}/{codeJson.GetProperty("S3Key").GetString()}");
        Assert.IsFalse(configurationJson.TryGetProperty("Architectures", out _), configurationJson.ToString());
    }

    [TestMethod]
    public async Task The_requests_on_the_wire_are_exactly_these()
    {
        var desired = OffTheDefaults();
        var environment = """{"Variables":{"KEY":"value","LAMBADA_HANDLER":"Ns.Type::Fn","LAMBADA_SETTINGS":"DIGEST"}}""";
        var digest = desired.Environment["LAMBADA_SETTINGS"];

        var (create, _) = await SendAsync(lambda => lambda.CreateFunctionAsync(OwnedFields.CreateRequest(desired, RoleArn, Code), CancellationToken.None));
        var (update, _) = await SendAsync(lambda => lambda.UpdateFunctionConfigurationAsync("owned", OwnedFields.UpdateConfigurationRequest(desired, RoleArn), CancellationToken.None));
        var (code, _) = await SendAsync(lambda => lambda.UpdateFunctionCodeAsync("owned", OwnedFields.UpdateCodeRequest(desired, Code), CancellationToken.None));

        Assert.AreEqual("""{"FunctionName":"owned","Role":"arn:aws:iam::123456789012:role/owned","Code":{"S3Bucket":"bucket","S3Key":"owned.zip"},"Runtime":"dotnet10","Handler":"Asm","Description":"off the defaults","Timeout":42,"MemorySize":1024,"PackageType":"Zip","Environment":ENV,"Tags":{"lambada:project":"Project","team":"core"},"Architectures":["arm64"],"EphemeralStorage":{"Size":2048}}"""
            .Replace("ENV", environment).Replace("DIGEST", digest), create.GetRawText());
        Assert.AreEqual("""{"Role":"arn:aws:iam::123456789012:role/owned","Handler":"Asm","Description":"off the defaults","Timeout":42,"MemorySize":1024,"Runtime":"dotnet10","Environment":ENV,"EphemeralStorage":{"Size":2048}}"""
            .Replace("ENV", environment).Replace("DIGEST", digest), update.GetRawText());
        Assert.AreEqual("""{"S3Bucket":"bucket","S3Key":"owned.zip","Architectures":["arm64"]}""", code.GetRawText());
    }

    /// <summary>Every owned field away from what Lambda gives a function that does not set it (<see cref="LambdaDefaults"/>).</summary>
    private static DesiredFunction OffTheDefaults()
    {
        var definition = new FunctionDefinition
        {
            Name = "owned",
            Method = "Ns.Type::Fn",
            Handler = "Asm",
            MemorySize = 1024,
            Timeout = 42,
            Role = "owned",
            Description = "off the defaults",
            Runtime = "dotnet10",
            Architecture = "arm64",
            EphemeralStorage = 2048,
            Environment = new Dictionary<string, string> { ["KEY"] = "value" },
            Tags = new Dictionary<string, string> { ["team"] = "core" },
        };
        Assert.AreNotEqual(LambdaDefaults.MemorySize, definition.MemorySize);
        Assert.AreNotEqual(LambdaDefaults.Timeout, definition.Timeout);
        Assert.AreNotEqual(LambdaDefaults.EphemeralStorage, definition.EphemeralStorage);
        Assert.AreNotEqual(LambdaDefaults.Architecture, definition.Architecture);
        return DesiredFunction.From(definition, "Project");
    }

    /// <summary>What Lambda holds for a function created with nothing but its name, role and code.</summary>
    private static FunctionConfiguration AtAwsDefaults() => new()
    {
        FunctionName = "owned",
        MemorySize = LambdaDefaults.MemorySize,
        Timeout = LambdaDefaults.Timeout,
        CodeSha256 = Hash,
    };

    /// <summary>Sends one request through a real LambdaClient; the answer is the request's own body.</summary>
    private static async Task<(JsonElement Request, FunctionConfiguration Answer)> SendAsync(Func<LambdaClient, Task<FunctionConfiguration>> send)
    {
        var echo = new EchoHandler();
        var endpoint = new AwsEndpoint(new Uri("http://127.0.0.1:9/"), "us-east-1", IsOverridden: true);
        var http = new AwsHttpClient(new HttpClient(echo), _ => Task.FromResult(new AwsCredentials("AKIDEXAMPLE", "secret", null)), _ => endpoint, RetryPolicy.Default);
        var answer = await send(new LambdaClient(http));
        using var request = JsonDocument.Parse(echo.Body!);
        return (request.RootElement.Clone(), answer);
    }

    private sealed class EchoHandler : HttpMessageHandler
    {
        public byte[]? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(Body) };
        }
    }
}
