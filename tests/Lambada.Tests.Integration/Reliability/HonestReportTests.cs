using Lambada.Testing;
using Lambada.Tests.Deployment;
using Lambada.Tests.Deployment.Faults;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10, "Honest reports": real <c>dotnet build -p:LambadaDeploy=true</c> runs against a moto_server without AWS's
/// managed policies, so AttachRolePolicy fails exactly as it does for a user who may create roles but not attach
/// policies. Every "Done / Not done / Nothing was changed" the build prints is checked against moto, read with boto3.
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed class HonestReportTests
{
    private const string Account = "123456789012";
    private static MotoServer? _moto;
    private static Boto3Session? _boto3;

    private static MotoServer Moto => _moto!;
    private static Boto3Session Boto3 => _boto3!;

    [ClassInitialize]
    public static void Start(TestContext _)
    {
        _moto = MotoServer.Start();
        _boto3 = new Boto3Session(Moto);
    }

    [ClassCleanup]
    public static void Stop()
    {
        _boto3?.Dispose();
        _moto?.Dispose();
    }

    [TestMethod]
    public void LambadaCreateRoles_where_AttachRolePolicy_fails_reports_the_role_created_and_the_next_deploy_never_uses_the_role_without_its_policy()
    {
        using var project = new FixtureProject("HonestRole", new Dictionary<string, string> { ["Functions.cs"] = Source("hr_fn", "hr_role") });
        var environment = new Dictionary<string, string?>(Moto.ClientEnvironment);

        var first = project.Build(environment, "-p:LambadaDeploy=true", "-p:LambadaCreateRoles=true");

        Assert.AreNotEqual(0, first.ExitCode, first.ToString());
        var error = ErrorLine(first, "hr_fn");
        StringAssert.Contains(error, "error LMB0301: hr_fn: resolving role 'hr_role': created the IAM role arn:aws:iam::123456789012:role/hr_role but could not attach");
        StringAssert.Contains(error, "AttachRolePolicy failed: NoSuchEntity");
        StringAssert.Contains(error, "Done: created IAM role hr_role. Not done: attach AWSLambdaBasicExecutionRole to hr_role, create.");
        Assert.DoesNotContain("Nothing was changed", error);
        Assert.IsNotNull(Boto3.Call("iam", "get_role", new { RoleName = "hr_role" }), "Done: the role exists");
        Assert.AreEqual(0, AttachedPolicies("hr_role"), "Not done: no policy is attached");
        Assert.IsNull(Boto3.Read("hr_fn")["hr_fn"], "Not done: the function does not exist");

        var second = project.Build(environment, "-p:LambadaDeploy=true", "-p:LambadaCreateRoles=true");

        Assert.AreNotEqual(0, second.ExitCode, second.ToString());
        var again = ErrorLine(second, "hr_fn");
        StringAssert.Contains(again, $"found the IAM role arn:aws:iam::{Account}:role/hr_role but could not attach");
        StringAssert.Contains(again, "Nothing was changed. Not done: attach AWSLambdaBasicExecutionRole to hr_role, create.");
        Assert.IsNull(Boto3.Read("hr_fn")["hr_fn"], "the next deploy did not create the function with the policy-less role");
        Assert.AreEqual(1, Roles().Count(r => r == "hr_role"));
    }

    [TestMethod]
    public void A_whole_deploy_error_after_a_role_was_created_does_not_say_Nothing_was_changed()
    {
        Boto3.CreateRole("lambda_basic_execution");
        using (var orphanOwner = new InProcessDeploy(Moto, "HonestPrune"))
            Assert.IsTrue(orphanOwner.Run([InProcessDeploy.Function("hp_orphan")]).Succeeded);
        using var project = new FixtureProject("HonestPrune", new Dictionary<string, string> { ["Functions.cs"] = Source("hp_fn", "hp_role") });
        var listTags = new ProxyOperation("ListTags", "GET", "^/2017-03-31/tags/.*hp_orphan$");
        using var proxy = FaultProxy.Start(Moto.Endpoint).On(listTags, LambdaStepFaults.AccessDenied("lambda:ListTags"), 1);
        var environment = new Dictionary<string, string?>(Moto.ClientEnvironment) { ["AWS_ENDPOINT_URL"] = proxy.Endpoint };

        var build = project.Build(environment, "-p:LambadaDeploy=true", "-p:LambadaCreateRoles=true", "-p:LambadaPrune=true");

        Assert.AreNotEqual(0, build.ExitCode, build.ToString());
        var error = ErrorLine(build, "HonestPrune");
        StringAssert.Contains(error, "ListTags failed: AccessDeniedException");
        Assert.DoesNotContain("Nothing was changed", error);
        StringAssert.Contains(error, "request(s) that change AWS were already sent, so changes may have been made");
        Assert.IsNotNull(Boto3.Call("iam", "get_role", new { RoleName = "hp_role" }), "the role was created before the error");
        Assert.IsNotNull(Boto3.Read("hp_orphan")["hp_orphan"], "the prune did not happen");
    }

    private static string Source(string function, string role) => $$"""
        using Lambada;
        namespace Honest;
        public class Functions
        {
            [LambadaFunction(Name = "{{function}}", Role = "{{role}}")]
            public string Run(string input) => input;
        }
        """;

    private static string ErrorLine(ProcessResult build, string subject) =>
        build.Output.Split('\n').FirstOrDefault(l => l.Contains($": {subject}: ", StringComparison.Ordinal) && l.Contains(" error LMB", StringComparison.Ordinal))
        ?? throw new AssertFailedException($"no error for {subject}\n{build}");

    private static int AttachedPolicies(string role) =>
        Boto3.Call("iam", "list_attached_role_policies", new { RoleName = role })!.Value.GetProperty("AttachedPolicies").GetArrayLength();

    private static IEnumerable<string> Roles() =>
        Boto3.Call("iam", "list_roles", new { })!.Value.GetProperty("Roles").EnumerateArray().Select(r => r.GetProperty("RoleName").GetString()!);
}
