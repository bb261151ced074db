using System.Text.RegularExpressions;
using Lambada.Build.Manifest;
using Lambada.Testing;
using Lambada.Tests.Deployment;

namespace Lambada.Tests.Integration;

/// <summary>
/// The sample in place, exactly as the README runs it. One class, so no two builds of samples/LambdaShell ever run
/// at the same time.
/// </summary>
[TestClass]
public sealed partial class SampleBuildTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "LambdaShell");
    private static readonly string ProjectFile = Path.Combine(Sample, "LambdaShell.csproj");

    [TestMethod]
    public void The_sample_builds_and_lists_lb_runCommand()
    {
        var result = DotnetBuild.Run(ProjectFile, "-p:LambadaList=true");

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.IsTrue(ListedRow().IsMatch(result.Output), result.ToString());
        var manifest = ManifestWriter.Read(Path.Combine(Sample, "obj", "Debug", "net10.0", "lambada", "functions.json"));
        var run = manifest.Functions.Single(f => f.Name == "lb_runCommand");
        Assert.AreEqual((512, 300, "*/lambda_s3_full"), (run.MemorySize, run.Timeout, run.Role));
    }

    [TestMethod]
    public void Deploying_the_sample_creates_lb_runCommand_as_declared_and_a_second_deploy_changes_nothing()
    {
        using var aws = new DeployFixture();

        var first = DotnetBuild.Run(ProjectFile, aws.BuildEnvironment, "-p:LambadaDeploy=true");
        var mark = MotoRequestLog.Mark(aws.Moto);
        var second = DotnetBuild.Run(ProjectFile, aws.BuildEnvironment, "-p:LambadaDeploy=true");
        var secondRequests = MotoRequestLog.Since(aws.Moto, mark);

        DeployFixture.Check(first);
        var hash = File.ReadAllText(Path.Combine(Sample, "obj", "Debug", "net10.0", "lambada", "LambdaShell.zip.sha256")).Trim();
        var run = aws.Configuration("lb_runCommand");
        Assert.AreEqual(512, run.GetProperty("MemorySize").GetInt32());
        Assert.AreEqual(300, run.GetProperty("Timeout").GetInt32());
        Assert.AreEqual(DeployFixture.S3RoleArn, run.GetProperty("Role").GetString());
        Assert.AreEqual(hash, run.GetProperty("CodeSha256").GetString());
        Assert.AreEqual("LambdaShell.ShellFunctions::RunCommands", DeployFixture.Environment(run)["LAMBADA_HANDLER"]);
        Assert.AreEqual(DeployFixture.BasicRoleArn, aws.Configuration("lb_describeRuntime").GetProperty("Role").GetString());
        // The HTTP face from a real build: a URL behind AWS_IAM with no statement (a shell is never public), and GET /runtime
        // public on the project's API with API Gateway's one statement on lb_describeRuntime.
        var url = DeployFixture.Json(aws.Moto.Aws("lambda", "get-function-url-config", "--function-name", "lb_runCommand"));
        Assert.AreEqual("AWS_IAM", url.GetProperty("AuthType").GetString());
        StringAssert.Contains(first.Output, $"lb_runCommand  url  {url.GetProperty("FunctionUrl").GetString()}");
        Assert.AreNotEqual(0, aws.Moto.Aws("lambda", "get-policy", "--function-name", "lb_runCommand").ExitCode, "an AWS_IAM URL needs no resource-policy statement");
        var apiId = DeployFixture.Check(aws.Moto.Aws("apigatewayv2", "get-apis", "--query", "Items[?Name=='LambdaShell'].ApiId | [0]", "--output", "text")).Output.Trim();
        var routes = DeployFixture.Json(aws.Moto.Aws("apigatewayv2", "get-routes", "--api-id", apiId)).GetProperty("Items");
        Assert.AreEqual("GET /runtime", routes.EnumerateArray().Single().GetProperty("RouteKey").GetString());
        Assert.AreEqual("NONE", routes.EnumerateArray().Single().GetProperty("AuthorizationType").GetString());
        var policy = System.Text.Json.JsonDocument.Parse(DeployFixture.Json(aws.Moto.Aws("lambda", "get-policy", "--function-name", "lb_describeRuntime"))
            .GetProperty("Policy").GetString()!).RootElement.GetProperty("Statement").EnumerateArray().Single();
        Assert.AreEqual("LambadaHttpApi", policy.GetProperty("Sid").GetString());
        Assert.AreEqual("apigateway.amazonaws.com", policy.GetProperty("Principal").GetProperty("Service").GetString());

        DeployFixture.Check(second);
        Assert.AreEqual(0, secondRequests.Count(r => r.Mutates), string.Join("\n", secondRequests));
        Assert.IsTrue(secondRequests.Count <= 4, "ceil(N/50) + 3 requests at most (one of them GetApis, for the route URLs): " + string.Join("\n", secondRequests));
        StringAssert.Contains(second.Output, "2 unchanged");
    }

    [TestMethod]
    public void The_readme_main_command_deploys_the_sample_to_a_private_moto_server_and_reads_it_back()
    {
        var result = ProcessRunner.Run(Path.Combine(RepoPaths.Root, "samples", "deploy-to-moto"), [],
            environment: new Dictionary<string, string?> { ["MSBUILDDISABLENODEREUSE"] = "1", ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1" },
            timeout: TimeSpan.FromMinutes(10));

        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.Output, "Lambada: deploy done: 2 created");
        var printed = result.Output[result.Output.LastIndexOf("Read back with the AWS CLI:", StringComparison.Ordinal)..];
        var configuration = printed[printed.IndexOf('{', StringComparison.Ordinal)..(printed.IndexOf("\n}", StringComparison.Ordinal) + 2)];
        var readBack = DeployFixture.Json(new ProcessResult(0, configuration));
        Assert.AreEqual(512, readBack.GetProperty("MemorySize").GetInt32());
        Assert.AreEqual(300, readBack.GetProperty("Timeout").GetInt32());
        Assert.AreEqual(DeployFixture.S3RoleArn, readBack.GetProperty("Role").GetString());
        var hash = File.ReadAllText(Path.Combine(Sample, "obj", "Debug", "net10.0", "lambada", "LambdaShell.zip.sha256")).Trim();
        Assert.AreEqual(hash, readBack.GetProperty("CodeSha256").GetString());
        // The HTTP face, read back by the script: lb_runCommand's URL behind AWS_IAM, GET /runtime public, API Gateway's statement.
        StringAssert.Contains(printed, "\"AuthType\": \"AWS_IAM\"");
        StringAssert.Contains(printed, "\"RouteKey\": \"GET /runtime\"");
        StringAssert.Contains(printed, "LambadaHttpApi lambda:InvokeFunction {'Service': 'apigateway.amazonaws.com'}");
    }

    [GeneratedRegex(@"lb_runCommand\s+512 MB\s+300 s\s+dotnet10\s+x86_64\s+\*/lambda_s3_full\s+LambdaShell\.ShellFunctions::RunCommands")]
    private static partial Regex ListedRow();
}
