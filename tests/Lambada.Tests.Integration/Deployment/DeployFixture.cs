using System.Text.Json;
using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary>
/// A private moto_server with the roles the tests name (one made under a path, as real accounts have them), and
/// helpers that read what was deployed back with the AWS CLI — an independent client, never Lambada's own.
/// </summary>
internal sealed class DeployFixture : IDisposable
{
    public const string Account = "123456789012";
    public const string BasicRoleArn = $"arn:aws:iam::{Account}:role/lambda_basic_execution";
    public const string S3RoleArn = $"arn:aws:iam::{Account}:role/service/lambda_s3_full";

    public DeployFixture()
    {
        Moto = MotoServer.Start(new Dictionary<string, string> { ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true" });
        CreateRole("lambda_basic_execution", "/");
        CreateRole("lambda_s3_full", "/service/");
    }

    public MotoServer Moto { get; }

    /// <summary>What a build needs to deploy here; the secret key is distinctive so tests can prove it never reaches the log.</summary>
    public IReadOnlyDictionary<string, string?> BuildEnvironment => new Dictionary<string, string?>(Moto.ClientEnvironment)
    {
        ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
        ["AWS_SESSION_TOKEN"] = SessionToken,
    };

    public const string SecretKey = "lambada-secret-key-never-logged";
    public const string SessionToken = "lambada-session-token-never-logged";

    public void CreateRole(string name, string path) => Check(Moto.Aws("iam", "create-role", "--role-name", name, "--path", path,
        "--assume-role-policy-document", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));

    public JsonElement Configuration(string function) =>
        Json(Moto.Aws("lambda", "get-function-configuration", "--function-name", function));

    public JsonElement Function(string function) => Json(Moto.Aws("lambda", "get-function", "--function-name", function));

    public IReadOnlyDictionary<string, string> Tags(string function) =>
        Json(Moto.Aws("lambda", "list-tags", "--resource", $"arn:aws:lambda:{MotoServer.Region}:{Account}:function:{function}"))
            .GetProperty("Tags").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    public IReadOnlyList<string> FunctionNames() =>
        Json(Moto.Aws("lambda", "list-functions")).GetProperty("Functions").EnumerateArray()
            .Select(f => f.GetProperty("FunctionName").GetString()!).Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyDictionary<string, string> Environment(JsonElement configuration) =>
        configuration.TryGetProperty("Environment", out var environment) && environment.ValueKind == JsonValueKind.Object
            ? environment.GetProperty("Variables").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!)
            : new Dictionary<string, string>();

    public static JsonElement Json(ProcessResult result)
    {
        Check(result);
        using var document = JsonDocument.Parse(result.Output[result.Output.IndexOf('{')..]);
        return document.RootElement.Clone();
    }

    public static ProcessResult Check(ProcessResult result)
    {
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return result;
    }

    public void Dispose() => Moto.Dispose();
}
