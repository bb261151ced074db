using System.Text.Json;
using Lambada.Build.Aws.Iam;
using Lambada.Build.Model;
using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>
/// <c>LambadaCreateRoles=true</c> when IAM refuses part of the job: what the function's report says was and was not
/// done is checked against the roles, policies and functions moto holds (read with boto3), and the next deploy repairs
/// a role Lambada created without its policy — but never touches a role it did not create.
/// </summary>
[TestClass]
public sealed class RoleCreationFaultTests
{
    private const string Account = "123456789012";
    private static FaultFixture? _fixture;

    private static FaultFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) =>
        _fixture = new FaultFixture(new Dictionary<string, string> { ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true" });

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task A_CreateRole_that_fails_leaves_no_role_and_no_function_and_reports_nothing_done()
    {
        using var proxy = Aws.Proxy().On(IamFaults.CreateRole, IamFaults.AccessDenied("iam:CreateRole"), 1);

        var run = await Aws.DeployAsync(proxy, Aws.Package("role-create-denied"), FaultFixture.FastRetries, createRoles: true,
            Function("rcd_fn", "rcd_role"));

        var outcome = run.Outcome("rcd_fn");
        Assert.AreEqual((OutcomeKind.Failed, "LMB0301"), (outcome.Kind, outcome.Error?.Code), run.ToString());
        StringAssert.Contains(outcome.ErrorMessage, "CreateRole failed: AccessDenied");
        Assert.IsEmpty(outcome.Done, "the report says: Nothing was changed");
        Assert.IsNull(Role("rcd_role"), "no role was created");
        Assert.IsNull(Aws.Read("rcd_fn")["rcd_fn"], "no function was created");
        Assert.IsEmpty(proxy.Of(IamFaults.AttachRolePolicy), run.ToString());
    }

    [TestMethod]
    public async Task A_role_created_whose_policy_could_not_be_attached_is_reported_as_created_and_the_next_deploy_attaches_it()
    {
        var package = Aws.Package("attach-denied");
        var function = Function("rad_fn", "rad_role");
        using (var proxy = Aws.Proxy().On(IamFaults.AttachRolePolicy, IamFaults.AccessDenied("iam:AttachRolePolicy"), 1))
        {
            var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, createRoles: true, function);

            var outcome = run.Outcome("rad_fn");
            Assert.AreEqual((OutcomeKind.Failed, "LMB0301"), (outcome.Kind, outcome.Error?.Code), run.ToString());
            StringAssert.Contains(outcome.ErrorMessage, "AttachRolePolicy failed: AccessDenied");
            StringAssert.Contains(outcome.ErrorMessage, "the next deploy with LambadaCreateRoles=true attaches it");
            CollectionAssert.AreEqual(new[] { "created IAM role rad_role" }, outcome.Done.ToArray());
            CollectionAssert.AreEqual(new[] { "attach AWSLambdaBasicExecutionRole to rad_role", "create" }, outcome.NotDone.ToArray());
        }
        var role = Role("rad_role");
        Assert.IsNotNull(role, "Done says the role was created: it exists");
        Assert.AreEqual(FaultFixture.Project, Tag(role.Value, "lambada:project"), "the role is marked as Lambada's");
        Assert.IsEmpty(Policies("rad_role"), "Not done says the policy was not attached: it is not");
        Assert.IsNull(Aws.Read("rad_fn")["rad_fn"], "Not done says the function was not created: it does not exist");

        using (var proxy = Aws.Proxy())
        {
            var repaired = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, createRoles: true, function);

            Assert.AreEqual(OutcomeKind.Created, repaired.Outcome("rad_fn").Kind, repaired.ToString());
            Assert.HasCount(1, proxy.Of(IamFaults.AttachRolePolicy), repaired.ToString());
            Assert.IsEmpty(proxy.Of(IamFaults.CreateRole), "the role is found, not created again");
            Assert.Contains(l => l.StartsWith($"attached {IamClient.BasicExecutionPolicyArn} to IAM role arn:aws:iam::{Account}:role/rad_role", StringComparison.Ordinal),
                repaired.Log.Lines, repaired.ToString());
        }
        CollectionAssert.AreEqual(new[] { IamClient.BasicExecutionPolicyArn }, Policies("rad_role").ToArray());
        Assert.AreEqual($"arn:aws:iam::{Account}:role/rad_role", Aws.Read("rad_fn")["rad_fn"]!.Value.GetProperty("Role").GetString());

        using (var proxy = Aws.Proxy())
        {
            var unchanged = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, createRoles: true, function);

            Assert.AreEqual(OutcomeKind.Unchanged, unchanged.Outcome("rad_fn").Kind, unchanged.ToString());
            Assert.IsEmpty(unchanged.Requests.Where(r => r.Path == "/"), "a function whose role matches its spec makes no IAM call\n" + unchanged);
        }
    }

    [TestMethod]
    public async Task A_second_failure_to_attach_the_policy_to_a_role_found_from_before_reports_nothing_changed()
    {
        var function = Function("ra2_fn", "ra2_role");
        var package = Aws.Package("attach-denied-twice");
        using (var first = Aws.Proxy().On(IamFaults.AttachRolePolicy, IamFaults.AccessDenied("iam:AttachRolePolicy"), 1))
            Assert.IsFalse((await Aws.DeployAsync(first, package, FaultFixture.FastRetries, createRoles: true, function)).Result.Succeeded);
        using var proxy = Aws.Proxy().On(IamFaults.AttachRolePolicy, IamFaults.AccessDenied("iam:AttachRolePolicy"), 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, createRoles: true, function);

        var outcome = run.Outcome("ra2_fn");
        Assert.AreEqual(OutcomeKind.Failed, outcome.Kind, run.ToString());
        StringAssert.Contains(outcome.ErrorMessage, $"found the IAM role arn:aws:iam::{Account}:role/ra2_role but could not attach");
        Assert.IsEmpty(outcome.Done, "this deploy created nothing: the report says Nothing was changed");
        CollectionAssert.AreEqual(new[] { "attach AWSLambdaBasicExecutionRole to ra2_role", "create" }, outcome.NotDone.ToArray());
        Assert.IsEmpty(Policies("ra2_role"));
        Assert.IsNull(Aws.Read("ra2_fn")["ra2_fn"]);
    }

    [TestMethod]
    public async Task Without_LambadaCreateRoles_a_Lambada_role_lacking_its_policy_is_refused_so_no_function_ever_runs_with_it()
    {
        var package = Aws.Package("refused");
        using (var first = Aws.Proxy().On(IamFaults.AttachRolePolicy, IamFaults.AccessDenied("iam:AttachRolePolicy"), 1))
            Assert.IsFalse((await Aws.DeployAsync(first, package, FaultFixture.FastRetries, createRoles: true, Function("rrf_fn", "rrf_role"))).Result.Succeeded);
        using var proxy = Aws.Proxy();

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, createRoles: false, Function("rrf_fn", "rrf_role"));

        var outcome = run.Outcome("rrf_fn");
        Assert.AreEqual((OutcomeKind.Failed, "LMB0317"), (outcome.Kind, outcome.Error?.Code), run.ToString());
        StringAssert.Contains(outcome.ErrorMessage, $"arn:aws:iam::{Account}:role/rrf_role was created by Lambada (lambada:project = '{FaultFixture.Project}') but has no AWSLambdaBasicExecutionRole attached");
        Assert.IsEmpty(outcome.Done);
        Assert.IsEmpty(proxy.Of(IamFaults.AttachRolePolicy), "without LambadaCreateRoles Lambada changes no role");
        Assert.IsEmpty(Policies("rrf_role"));
        Assert.IsNull(Aws.Read("rrf_fn")["rrf_fn"]);
    }

    [TestMethod]
    public async Task A_role_Lambada_did_not_create_is_used_as_it_is_even_without_any_policy()
    {
        Aws.Boto3.CreateRole("rnt_role");
        using var proxy = Aws.Proxy();

        var run = await Aws.DeployAsync(proxy, Aws.Package("not-ours"), FaultFixture.FastRetries, createRoles: true, Function("rnt_fn", "rnt_role"));

        Assert.AreEqual(OutcomeKind.Created, run.Outcome("rnt_fn").Kind, run.ToString());
        Assert.IsEmpty(proxy.Of(IamFaults.ListAttachedRolePolicies), "an untagged role is not even inspected\n" + run);
        Assert.IsEmpty(proxy.Of(IamFaults.AttachRolePolicy), run.ToString());
        Assert.IsEmpty(Policies("rnt_role"));
    }

    [TestMethod]
    public async Task A_CreateRole_whose_answer_was_lost_finds_the_role_on_the_retry_and_still_attaches_the_policy()
    {
        using var proxy = Aws.Proxy().On(IamFaults.CreateRole, Fault.ResetAfterForwarding, 1);

        var run = await Aws.DeployAsync(proxy, Aws.Package("role-lost"), FaultFixture.FastRetries, createRoles: true, Function("rls_fn", "rls_role"));

        CollectionAssert.AreEqual(new[] { 0, 409 }, proxy.Of(IamFaults.CreateRole).Select(r => r.Status).ToArray(), run.ToString());
        Assert.AreEqual(OutcomeKind.Created, run.Outcome("rls_fn").Kind, run.ToString());
        CollectionAssert.AreEqual(new[] { IamClient.BasicExecutionPolicyArn }, Policies("rls_role").ToArray());
        Assert.AreEqual($"arn:aws:iam::{Account}:role/rls_role", Aws.Read("rls_fn")["rls_fn"]!.Value.GetProperty("Role").GetString());
    }

    private static FunctionDefinition Function(string name, string role) => FaultFixture.Function(name) with { Role = role };

    private static JsonElement? Role(string name) => Aws.Boto3.Call("iam", "get_role", new { RoleName = name })?.GetProperty("Role");

    private static string? Tag(JsonElement role, string key) =>
        role.TryGetProperty("Tags", out var tags) ? tags.EnumerateArray().Where(t => t.GetProperty("Key").GetString() == key).Select(t => t.GetProperty("Value").GetString()).FirstOrDefault() : null;

    private static IReadOnlyList<string> Policies(string role) =>
        Aws.Boto3.Call("iam", "list_attached_role_policies", new { RoleName = role })!.Value.GetProperty("AttachedPolicies")
            .EnumerateArray().Select(p => p.GetProperty("PolicyArn").GetString()!).ToList();
}
