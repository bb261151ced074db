using System.Text;
using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary>Aliases and versions, packages through S3, roles Lambada creates or cannot find, and many functions at once — all against moto.</summary>
[TestClass]
public sealed class DeployFeatureTests
{
    private static DeployFixture? _fixture;

    private static DeployFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new DeployFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public void An_alias_points_at_a_published_version_the_package_goes_through_S3_and_a_missing_role_is_created_when_allowed()
    {
        DeployFixture.Check(Aws.Moto.Aws("s3", "mb", "s3://lambada-packages"));
        using var project = new DeployProject(Aws, "Features", """
            using Lambada;
            namespace Deployed;
            public class Functions
            {
                [LambadaFunction(Name = "ft_live", Alias = "live", Role = "lambada_created_role", ReservedConcurrency = 5)]
                public string Live(string input) => input;
            }
            """);
        string[] properties = ["-p:LambadaS3Bucket=lambada-packages", "-p:LambadaS3Prefix=pkgs/", "-p:LambadaCreateRoles=true"];

        var first = project.Deploy(properties);
        var mark = MotoRequestLog.Mark(Aws.Moto);
        var second = project.Deploy(properties);
        var secondRequests = MotoRequestLog.Since(Aws.Moto, mark);

        DeployFixture.Check(first);
        var function = Aws.Function("ft_live");
        var configuration = function.GetProperty("Configuration");
        var roleArn = $"arn:aws:iam::{DeployFixture.Account}:role/lambada_created_role";
        Assert.AreEqual(roleArn, configuration.GetProperty("Role").GetString());
        Assert.AreEqual(5, function.GetProperty("Concurrency").GetProperty("ReservedConcurrentExecutions").GetInt32());
        var policies = DeployFixture.Json(Aws.Moto.Aws("iam", "list-attached-role-policies", "--role-name", "lambada_created_role"));
        Assert.AreEqual("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
            policies.GetProperty("AttachedPolicies")[0].GetProperty("PolicyArn").GetString());
        var alias = DeployFixture.Json(Aws.Moto.Aws("lambda", "get-alias", "--function-name", "ft_live", "--name", "live"));
        Assert.AreEqual("1", alias.GetProperty("FunctionVersion").GetString());
        var version = DeployFixture.Json(Aws.Moto.Aws("lambda", "get-function-configuration", "--function-name", "ft_live", "--qualifier", "1"));
        Assert.AreEqual(project.PackageHash, version.GetProperty("CodeSha256").GetString());

        var objects = DeployFixture.Json(Aws.Moto.Aws("s3api", "list-objects-v2", "--bucket", "lambada-packages"));
        var key = objects.GetProperty("Contents").EnumerateArray().Single().GetProperty("Key").GetString()!;
        StringAssert.StartsWith(key, "pkgs/Features-");
        using var download = new TempDirectory("s3-download");
        var copy = Path.Combine(download.Path, "package.zip");
        DeployFixture.Check(Aws.Moto.Aws("s3", "cp", $"s3://lambada-packages/{key}", copy));
        CollectionAssert.AreEqual(File.ReadAllBytes(PackagePath(project)), File.ReadAllBytes(copy), "the S3 object is the package, byte for byte");

        DeployFixture.Check(second);
        Assert.AreEqual(0, secondRequests.Count(r => r.Mutates), string.Join("\n", secondRequests));
        Assert.AreEqual("1", DeployFixture.Json(Aws.Moto.Aws("lambda", "get-alias", "--function-name", "ft_live", "--name", "live")).GetProperty("FunctionVersion").GetString());
    }

    [TestMethod]
    public void A_missing_role_fails_its_function_at_the_attribute_and_the_other_functions_still_deploy()
    {
        using var project = new DeployProject(Aws, "MissingRole", """
            using Lambada;
            namespace Deployed;
            public class Functions
            {
                [LambadaFunction(Name = "mr_fine")]
                public string Fine(string input) => input;

                [LambadaFunction(Name = "mr_orphan", Role = "no_such_role")]
                public string Orphan(string input) => input;
            }
            """);

        var result = project.Deploy();

        Assert.AreNotEqual(0, result.ExitCode, result.ToString());
        var error = result.Output.Split('\n').First(l => l.Contains("error LMB0302", StringComparison.Ordinal));
        StringAssert.Contains(error, $"{project.Project.SourcePath("Functions.cs")}(8,");
        StringAssert.Contains(error, "mr_orphan: The IAM role 'no_such_role'");
        StringAssert.Contains(error, "LambadaCreateRoles=true");
        CollectionAssert.Contains(Aws.FunctionNames().ToList(), "mr_fine");
        CollectionAssert.DoesNotContain(Aws.FunctionNames().ToList(), "mr_orphan");
    }

    [TestMethod]
    public void Twenty_functions_deploy_in_parallel_each_with_its_own_settings()
    {
        var source = new StringBuilder("using Lambada;\nnamespace Deployed;\npublic class Functions\n{\n");
        for (var i = 0; i < 20; i++)
            source.Append($"    [LambadaFunction(Name = \"many_{i:00}\", MemorySize = {128 + i * 64}, Timeout = {10 + i})]\n    public string F{i}(string input) => input;\n");
        source.Append("}\n");
        using var project = new DeployProject(Aws, "Many", source.ToString());
        var mark = MotoRequestLog.Mark(Aws.Moto);

        var result = project.Deploy("-p:LambadaParallelism=8");
        var requests = MotoRequestLog.Since(Aws.Moto, mark);

        DeployFixture.Check(result);
        Assert.AreEqual(20, requests.Count(r => r is { Method: "POST", Path: "/2015-03-31/functions" }), string.Join("\n", requests));
        for (var i = 0; i < 20; i++)
        {
            var configuration = Aws.Configuration($"many_{i:00}");
            Assert.AreEqual((128 + i * 64, 10 + i), (configuration.GetProperty("MemorySize").GetInt32(), configuration.GetProperty("Timeout").GetInt32()));
            Assert.AreEqual(project.PackageHash, configuration.GetProperty("CodeSha256").GetString());
        }
        StringAssert.Contains(result.Output, "20 created");
    }

    private static string PackagePath(DeployProject project) =>
        Path.Combine(project.Project.Directory, "obj", "Debug", "net10.0", "lambada", project.Project.Name + ".zip");
}
