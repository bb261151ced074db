using Lambada.Build.Diagnostics;
using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>Errors that are not retried fail their own function after one attempt; the other functions of the deploy still deploy.</summary>
[TestClass]
public sealed class PermanentFaultTests
{
    private static FaultFixture? _fixture;

    private static FaultFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new FaultFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task A_ValidationException_and_a_404_fail_their_function_after_one_attempt_while_the_others_deploy()
    {
        var v1 = Aws.Package("permanent-v1");
        await Aws.DeployCleanAsync(v1, FaultFixture.Function("prm_gone", memory: 256));
        using var proxy = Aws.Proxy()
            .On(ProxyOperation.CreateFunction("prm_invalid"), Fault.Validation, 1)
            .On(ProxyOperation.UpdateFunctionConfiguration("prm_gone"), Fault.NotFound, 1);

        var run = await Aws.DeployAsync(proxy, v1, FaultFixture.FastRetries,
            FaultFixture.Function("prm_invalid"), FaultFixture.Function("prm_gone", memory: 1024), FaultFixture.Function("prm_fine"));

        Assert.HasCount(1, proxy.Of(ProxyOperation.CreateFunction("prm_invalid")), run.ToString());
        Assert.HasCount(1, proxy.Of(ProxyOperation.UpdateFunctionConfiguration("prm_gone")), run.ToString());
        Assert.IsTrue(run.Attempts.Where(a => a.Error is not null).All(a => a.RetryIn is null), run.ToString());
        Assert.IsFalse(run.Result.Succeeded);

        var invalid = run.Outcome("prm_invalid");
        Assert.AreEqual(OutcomeKind.Failed, invalid.Kind, run.ToString());
        Assert.AreEqual(DiagnosticCatalogue.DeployAwsError.Code, invalid.Error?.Code);
        StringAssert.Contains(invalid.ErrorMessage, "CreateFunction failed: ValidationException: " + Fault.ValidationMessage);
        StringAssert.Contains(invalid.ErrorMessage, "HTTP 400");
        Assert.IsEmpty(invalid.Done, "the report says Nothing was changed: moto has no such function (below)");

        var gone = run.Outcome("prm_gone");
        Assert.AreEqual(OutcomeKind.Failed, gone.Kind, run.ToString());
        Assert.AreEqual(DiagnosticCatalogue.DeployAwsError.Code, gone.Error?.Code);
        StringAssert.Contains(gone.ErrorMessage, "UpdateFunctionConfiguration failed: ResourceNotFoundException: Function not found: arn:aws:lambda:us-east-1:123456789012:function:prm_gone");
        CollectionAssert.Contains(gone.NotDone.ToList(), "configuration");
        Assert.IsEmpty(gone.Done, "the report says Nothing was changed: moto still has 256 MB (below)");

        Assert.AreEqual(OutcomeKind.Created, run.Outcome("prm_fine").Kind, run.ToString());
        var moto = Aws.Read("prm_invalid", "prm_gone", "prm_fine");
        Assert.IsNull(moto["prm_invalid"]);
        Assert.AreEqual(256, moto["prm_gone"]!.Value.GetProperty("MemorySize").GetInt32(), "the failed update changed nothing");
        Assert.AreEqual(v1.CodeSha256, moto["prm_fine"]!.Value.GetProperty("CodeSha256").GetString());
    }

    [TestMethod]
    public async Task A_fault_that_never_clears_stops_after_MaxAttempts_and_fails_the_function()
    {
        await Aws.DeployCleanAsync(Aws.Package("stuck-v1"), FaultFixture.Function("stk_fn"));
        var v2 = Aws.Package("stuck-v2");
        using var proxy = Aws.Proxy().On(ProxyOperation.UpdateFunctionCode("stk_fn"), Fault.ServiceError, 1, 2, 3, 4, 5, 6);

        var run = await Aws.DeployAsync(proxy, v2, FaultFixture.FastRetries with { MaxAttempts = 3 }, FaultFixture.Function("stk_fn"));

        CollectionAssert.AreEqual(new[] { 500, 500, 500 }, run.Statuses(ProxyOperation.UpdateFunctionCode("stk_fn")).ToArray(), run.ToString());
        var outcome = run.Outcome("stk_fn");
        Assert.AreEqual(OutcomeKind.Failed, outcome.Kind, run.ToString());
        StringAssert.Contains(outcome.ErrorMessage, "UpdateFunctionCode failed: ServiceException: ");
        Assert.AreNotEqual(v2.CodeSha256, Aws.Read("stk_fn")["stk_fn"]!.Value.GetProperty("CodeSha256").GetString());
        CollectionAssert.AreEqual(new[] { true, true, false }, run.Attempts.Where(a => a.Operation == "UpdateFunctionCode").Select(a => a.RetryIn is not null).ToArray());
    }
}
