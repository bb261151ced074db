using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>
/// After a deploy that stopped part-way, the next deploy (no faults) finishes what was not done — read back with boto3 —
/// and the one after is unchanged with no mutating request. The failed deploy marks the function
/// <see cref="DesiredFunction.Unfinished"/>; when that mark is refused too, the failure says the next deploy may skip.
/// </summary>
[TestClass]
public sealed class RerunConvergesTests
{
    private static FaultFixture? _fixture;

    private static FaultFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new FaultFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task Create_with_reserved_concurrency_refused_is_finished_by_the_next_deploy()
    {
        var package = Aws.Package("rcc");
        var function = FaultFixture.Function("rcc_fn", alias: "live") with { ReservedConcurrency = 3 };
        await FailOnceAsync(package, LambdaStepFaults.PutFunctionConcurrency("rcc_fn"), "lambda:PutFunctionConcurrency", function);

        await ConvergeAsync(package, function);

        Assert.AreEqual(3, StepReads.Concurrency(Aws, "rcc_fn"), "reserved concurrency: set by the rerun");
        Assert.AreEqual(LatestVersion("rcc_fn"), StepReads.AliasVersion(Aws, "rcc_fn", "live"), "alias: on the newest version");
    }

    [TestMethod]
    public async Task Create_with_CreateAlias_refused_is_finished_by_the_next_deploy()
    {
        var package = Aws.Package("rca");
        var function = FaultFixture.Function("rca_fn", alias: "live");
        await FailOnceAsync(package, LambdaStepFaults.CreateAlias("rca_fn"), "lambda:CreateAlias", function);
        Assert.IsNull(StepReads.AliasVersion(Aws, "rca_fn", "live"), "alias: not done by the failed deploy");

        await ConvergeAsync(package, function);

        Assert.AreEqual(LatestVersion("rca_fn"), StepReads.AliasVersion(Aws, "rca_fn", "live"), "alias: created by the rerun");
    }

    [TestMethod]
    public async Task Update_with_tags_refused_is_finished_by_the_next_deploy()
    {
        await Aws.DeployCleanAsync(Aws.Package("rut-v1"), FaultFixture.Function("rut_fn"));
        var v2 = Aws.Package("rut-v2");
        var function = FaultFixture.Function("rut_fn", tags: new() { ["team"] = "blue" });
        await FailOnceAsync(v2, LambdaStepFaults.TagResource("rut_fn"), "lambda:TagResource", function);

        await ConvergeAsync(v2, function);

        Assert.AreEqual("blue", StepReads.Tags(Aws, "rut_fn").GetValueOrDefault("team"), "tags: set by the rerun");
        Assert.AreEqual(v2.CodeSha256, Aws.Read("rut_fn")["rut_fn"]!.Value.GetProperty("CodeSha256").GetString());
    }

    [TestMethod]
    public async Task Update_with_PublishVersion_refused_is_finished_by_the_next_deploy()
    {
        await Aws.DeployCleanAsync(Aws.Package("rup-v1"), FaultFixture.Function("rup_fn", alias: "live"));
        var v2 = Aws.Package("rup-v2");
        var function = FaultFixture.Function("rup_fn", alias: "live");
        await FailOnceAsync(v2, LambdaStepFaults.PublishVersion("rup_fn"), "lambda:PublishVersion", function);
        Assert.AreEqual("1", StepReads.AliasVersion(Aws, "rup_fn", "live"), "alias: left on version 1 by the failed deploy");

        await ConvergeAsync(v2, function);

        AssertAliasOnNewCode("rup_fn", v2);
    }

    [TestMethod]
    public async Task Update_with_UpdateAlias_refused_is_finished_by_the_next_deploy()
    {
        await Aws.DeployCleanAsync(Aws.Package("rua-v1"), FaultFixture.Function("rua_fn", alias: "live"));
        var v2 = Aws.Package("rua-v2");
        var function = FaultFixture.Function("rua_fn", alias: "live");
        await FailOnceAsync(v2, LambdaStepFaults.UpdateAlias("rua_fn", "live"), "lambda:UpdateAlias", function);
        Assert.AreEqual("1", StepReads.AliasVersion(Aws, "rua_fn", "live"), "alias: left on version 1 by the failed deploy");

        await ConvergeAsync(v2, function);

        AssertAliasOnNewCode("rua_fn", v2);
    }

    [TestMethod]
    public async Task Reserved_concurrency_sent_but_never_answered_says_the_mark_was_not_written_and_the_forced_rerun_finishes()
    {
        var package = Aws.Package("rcu");
        var function = FaultFixture.Function("rcu_fn", alias: "live") with { ReservedConcurrency = 2 };
        using (var proxy = Aws.Proxy().On(LambdaStepFaults.PutFunctionConcurrency("rcu_fn"), Fault.ResetAfterForwarding, Enumerable.Range(1, 20).ToArray()))
        {
            var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, function);
            var outcome = run.Outcome("rcu_fn");
            Assert.AreEqual(OutcomeKind.Failed, outcome.Kind, run.ToString());
            CollectionAssert.AreEqual(new[] { "reserved concurrency" }, outcome.Unknown.ToArray(), run.ToString());
            StringAssert.Contains(outcome.ErrorMessage, "could not mark rcu_fn unfinished (UpdateFunctionConfiguration not sent", "the endpoint stopped answering");
            StringAssert.Contains(outcome.ErrorMessage, "remove the LAMBADA_SETTINGS variable");
            Assert.IsEmpty(proxy.Of(ProxyOperation.UpdateFunctionConfiguration("rcu_fn")), "nothing is sent to an endpoint that stopped answering");
        }

        RemoveSettingsVariable("rcu_fn"); // what the message tells the user to do
        await ConvergeAsync(package, function, finishing: false);

        Assert.AreEqual(2, StepReads.Concurrency(Aws, "rcu_fn"));
        Assert.AreEqual(LatestVersion("rcu_fn"), StepReads.AliasVersion(Aws, "rcu_fn", "live"));
    }

    [TestMethod]
    public async Task A_refused_unfinished_mark_is_reported_with_how_to_force_the_rerun()
    {
        var package = Aws.Package("rcm");
        var function = FaultFixture.Function("rcm_fn", alias: "live") with { ReservedConcurrency = 3 };
        using var proxy = Aws.Proxy()
            .On(LambdaStepFaults.PutFunctionConcurrency("rcm_fn"), LambdaStepFaults.AccessDenied("lambda:PutFunctionConcurrency"), 1)
            .On(ProxyOperation.UpdateFunctionConfiguration("rcm_fn"), LambdaStepFaults.AccessDenied("lambda:UpdateFunctionConfiguration"), 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, function);

        var outcome = run.Outcome("rcm_fn");
        Assert.AreEqual(OutcomeKind.Failed, outcome.Kind, run.ToString());
        StringAssert.Contains(outcome.ErrorMessage, "PutFunctionConcurrency failed: AccessDeniedException");
        StringAssert.Contains(outcome.ErrorMessage, "could not mark rcm_fn unfinished (UpdateFunctionConfiguration failed: AccessDeniedException");
        StringAssert.Contains(outcome.ErrorMessage, "the next deploy may see it as unchanged");
        StringAssert.Contains(outcome.ErrorMessage, "remove the LAMBADA_SETTINGS variable");
        CollectionAssert.AreEqual(new[] { "create" }, outcome.Done.ToArray());
        CollectionAssert.AreEqual(new[] { "reserved concurrency", "publish version", "alias live" }, outcome.NotDone.ToArray());
    }

    [TestMethod]
    public async Task A_failure_before_anything_changed_writes_no_mark()
    {
        await Aws.DeployCleanAsync(Aws.Package("rnm-v1"), FaultFixture.Function("rnm_fn", memory: 256));
        using var proxy = Aws.Proxy().On(ProxyOperation.UpdateFunctionConfiguration("rnm_fn"), LambdaStepFaults.AccessDenied("lambda:UpdateFunctionConfiguration"), 1);

        var run = await Aws.DeployAsync(proxy, Aws.Package("rnm-v1"), FaultFixture.FastRetries, FaultFixture.Function("rnm_fn", memory: 1024));

        Assert.AreEqual(OutcomeKind.Failed, run.Outcome("rnm_fn").Kind, run.ToString());
        Assert.AreEqual(1, proxy.Of(ProxyOperation.UpdateFunctionConfiguration("rnm_fn")).Count, "the refused update only: nothing was changed, so nothing to mark");
    }

    /// <summary>The first deploy: <paramref name="operation"/> refused once, the function reported failed with the step not done.</summary>
    private static async Task FailOnceAsync(TestPackage package, ProxyOperation operation, string permission, FunctionDefinition function)
    {
        using var proxy = Aws.Proxy().On(operation, LambdaStepFaults.AccessDenied(permission), 1);
        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, function);
        var outcome = run.Outcome(function.Name);
        Assert.AreEqual((OutcomeKind.Failed, DiagnosticCatalogue.DeployAwsError.Code), (outcome.Kind, outcome.Error?.Code), run.ToString());
        StringAssert.Contains(outcome.ErrorMessage, $"{operation.Name} failed: AccessDeniedException");
        Assert.IsNotEmpty(outcome.NotDone, run.ToString());
        Assert.DoesNotContain("could not mark", outcome.ErrorMessage!, "the mark was written");
    }

    /// <summary>The second deploy (no faults) updates the function; the third is unchanged with no mutating request.</summary>
    private static async Task ConvergeAsync(TestPackage package, FunctionDefinition function, bool finishing = true)
    {
        using (var proxy = Aws.Proxy())
        {
            var rerun = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, function);
            Assert.IsTrue(rerun.Result.Succeeded, rerun.ToString());
            var outcome = rerun.Outcome(function.Name);
            Assert.AreEqual(OutcomeKind.Updated, outcome.Kind, rerun.ToString());
            if (finishing)
                StringAssert.Contains(outcome.Detail, "finishing an earlier deploy that stopped part-way");
        }
        using (var proxy = Aws.Proxy())
        {
            var again = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, function);
            Assert.AreEqual(OutcomeKind.Unchanged, again.Outcome(function.Name).Kind, again.ToString());
            Assert.AreEqual(0, again.Result.MutatingRequests, again.ToString());
            Assert.AreEqual(1, again.Requests.Count, "one ListFunctions: " + again);
        }
    }

    private static void RemoveSettingsVariable(string name)
    {
        var variables = Aws.Read(name)[name]!.Value.GetProperty("Environment").GetProperty("Variables").EnumerateObject()
            .Where(v => v.Name != "LAMBADA_SETTINGS").ToDictionary(v => v.Name, v => v.Value.GetString()!);
        Aws.Boto3.Call("lambda", "update_function_configuration", new { FunctionName = name, Environment = new { Variables = variables } });
    }

    private static void AssertAliasOnNewCode(string name, TestPackage code)
    {
        var version = StepReads.AliasVersion(Aws, name, "live")!;
        Assert.AreNotEqual("1", version, "alias: moved by the rerun");
        var published = Aws.Boto3.Call("lambda", "get_function_configuration", new { FunctionName = name, Qualifier = version })!.Value;
        Assert.AreEqual(code.CodeSha256, published.GetProperty("CodeSha256").GetString(), "the alias's version holds the new code");
    }

    private static string LatestVersion(string name) => StepReads.Versions(Aws, name).Where(v => v != "$LATEST").Max(int.Parse).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
