using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary>Fresh projects deployed to moto with the real <c>dotnet build -p:LambadaDeploy=true</c>, read back with the AWS CLI.</summary>
[TestClass]
public sealed class DeployLifecycleTests
{
    private const string Secret = "s3cr3t-value-4711";
    private static DeployFixture? _fixture;

    private static DeployFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new DeployFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public void The_first_deploy_creates_each_function_exactly_and_an_identical_build_changes_nothing()
    {
        using var project = new DeployProject(Aws, "Lifecycle", Source("lc", memory: 256, body: "input"));

        var first = project.Deploy();
        var mark = MotoRequestLog.Mark(Aws.Moto);
        var second = project.Deploy("-v:diag");
        var secondRequests = MotoRequestLog.Since(Aws.Moto, mark);

        DeployFixture.Check(first);
        var echo = Aws.Configuration("lc_echo");
        Assert.AreEqual(256, echo.GetProperty("MemorySize").GetInt32());
        Assert.AreEqual(20, echo.GetProperty("Timeout").GetInt32());
        Assert.AreEqual(DeployFixture.BasicRoleArn, echo.GetProperty("Role").GetString());
        Assert.AreEqual("Lifecycle", echo.GetProperty("Handler").GetString());
        Assert.AreEqual("dotnet10", echo.GetProperty("Runtime").GetString());
        Assert.AreEqual("echo", echo.GetProperty("Description").GetString());
        Assert.AreEqual(project.PackageHash, echo.GetProperty("CodeSha256").GetString());
        Assert.AreEqual(PythonSha256(project), project.PackageHash);
        var environment = DeployFixture.Environment(echo);
        Assert.AreEqual(Secret, environment["GREETING"]);
        Assert.AreEqual("Deployed.Functions::Echo", environment["LAMBADA_HANDLER"]);
        CollectionAssert.AreEquivalent(new[] { "GREETING", "LAMBADA_HANDLER", "LAMBADA_SETTINGS" }, environment.Keys.ToArray());
        var tags = Aws.Tags("lc_echo");
        Assert.AreEqual("core", tags["team"]);
        Assert.AreEqual("Lifecycle", tags["lambada:project"]);
        var upper = Aws.Configuration("lc_upper");
        Assert.AreEqual(DeployFixture.S3RoleArn, upper.GetProperty("Role").GetString(), "the glob */lambda_s3_full finds the role under /service/");
        Assert.AreEqual((512, 30), (upper.GetProperty("MemorySize").GetInt32(), upper.GetProperty("Timeout").GetInt32()));

        DeployFixture.Check(second);
        Assert.AreEqual(0, secondRequests.Count(r => r.Mutates), string.Join("\n", secondRequests));
        Assert.AreEqual(1, secondRequests.Count, "an unchanged redeploy of 2 functions is one ListFunctions: " + string.Join("\n", secondRequests));
        StringAssert.Contains(second.Output, "2 unchanged");
        foreach (var secret in new[] { Secret, DeployFixture.SecretKey, DeployFixture.SessionToken })
            Assert.IsFalse(first.Output.Contains(secret, StringComparison.Ordinal) || second.Output.Contains(secret, StringComparison.Ordinal),
                $"'{secret}' appeared in the build output");
    }

    [TestMethod]
    public void A_plan_changes_nothing_a_memory_change_updates_only_configuration_and_a_code_change_only_code()
    {
        // The memory change comes from the project default: a changed attribute changes the assembly, and so the code too.
        using var project = new DeployProject(Aws, "Changes", Source("ch", memory: 256, body: "input"));
        DeployFixture.Check(project.Deploy());
        var createdHash = project.PackageHash;

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var plan = project.Plan("-p:LambadaDefaultMemorySize=1024");
        var planRequests = MotoRequestLog.Since(Aws.Moto, mark);
        var afterPlan = Aws.Configuration("ch_upper").GetProperty("MemorySize").GetInt32();
        mark = MotoRequestLog.Mark(Aws.Moto);
        var memory = project.Deploy("-p:LambadaDefaultMemorySize=1024");
        var memoryRequests = MotoRequestLog.Since(Aws.Moto, mark);
        var afterMemory = Aws.Configuration("ch_upper");
        project.Rewrite(Source("ch", memory: 256, body: "input + \"!\""));
        mark = MotoRequestLog.Mark(Aws.Moto);
        var code = project.Deploy("-p:LambadaDefaultMemorySize=1024");
        var codeRequests = MotoRequestLog.Since(Aws.Moto, mark);

        DeployFixture.Check(plan);
        Assert.AreEqual(0, planRequests.Count(r => r.Mutates), string.Join("\n", planRequests));
        StringAssert.Matches(plan.Output, new System.Text.RegularExpressions.Regex(@"ch_upper +update +.*  MemorySize: 512 -> 1024"), "the plan's row names the change");
        Assert.IsFalse(plan.Output.Contains(Secret, StringComparison.Ordinal));
        Assert.AreEqual(512, afterPlan, "a plan changes nothing");

        DeployFixture.Check(memory);
        Assert.AreEqual(1024, afterMemory.GetProperty("MemorySize").GetInt32());
        CollectionAssert.AreEqual(new[] { "PUT /2015-03-31/functions/ch_upper/configuration" }, Mutations(memoryRequests), memory.Output);
        Assert.AreEqual(createdHash, afterMemory.GetProperty("CodeSha256").GetString());

        DeployFixture.Check(code);
        Assert.AreNotEqual(createdHash, project.PackageHash);
        CollectionAssert.AreEquivalent(new[] { "PUT /2015-03-31/functions/ch_echo/code", "PUT /2015-03-31/functions/ch_upper/code" }, Mutations(codeRequests));
        Assert.AreEqual(project.PackageHash, Aws.Configuration("ch_echo").GetProperty("CodeSha256").GetString());
        Assert.AreEqual(project.PackageHash, Aws.Configuration("ch_upper").GetProperty("CodeSha256").GetString());
        Assert.AreEqual(256, Aws.Configuration("ch_echo").GetProperty("MemorySize").GetInt32());
    }

    private static string[] Mutations(IEnumerable<MotoRequest> requests) =>
        requests.Where(r => r.Mutates).Select(r => $"{r.Method} {r.Path}").ToArray();

    private static string PythonSha256(DeployProject project)
    {
        var zip = Path.Combine(project.Project.Directory, "obj", "Debug", "net10.0", "lambada", project.Project.Name + ".zip");
        var result = ProcessRunner.Run("python3", ["-c", "import hashlib,base64,sys; print(base64.b64encode(hashlib.sha256(open(sys.argv[1],'rb').read()).digest()).decode())", zip]);
        return DeployFixture.Check(result).Output.Trim();
    }

    private static string Source(string prefix, int memory, string body) => $$"""
        using Lambada;

        namespace Deployed;

        public class Functions
        {
            [LambadaFunction(Name = "{{prefix}}_echo", MemorySize = {{memory}}, Timeout = 20, Role = "lambda_basic_execution", Description = "echo")]
            [LambadaEnvironment("GREETING", "{{Secret}}")]
            [LambadaTag("team", "core")]
            public string Echo(string input) => {{body}};

            [LambadaFunction(Name = "{{prefix}}_upper", Role = "*/lambda_s3_full")]
            public string Upper(string input) => input.ToUpperInvariant();
        }
        """;
}
