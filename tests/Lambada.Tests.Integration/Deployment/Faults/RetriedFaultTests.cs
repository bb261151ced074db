using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>Each retryable fault, injected in front of moto, is retried exactly as often as it occurs and the function converges.</summary>
[TestClass]
public sealed class RetriedFaultTests
{
    private static FaultFixture? _fixture;

    private static FaultFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new FaultFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task Throttling_is_retried_no_sooner_than_Retry_After_says()
    {
        var package = Aws.Package("throttled");
        using var proxy = Aws.Proxy().On(ProxyOperation.CreateFunction("thr_fn"), Fault.Throttled(retryAfterSeconds: 1), 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("thr_fn"));

        CollectionAssert.AreEqual(new[] { 429, 201 }, run.Statuses(ProxyOperation.CreateFunction("thr_fn")).ToArray(), run.ToString());
        var throttled = run.Attempts.Single(a => a.Operation == "CreateFunction" && a.Error is not null);
        Assert.AreEqual("TooManyRequestsException", throttled.Error!.Code);
        Assert.IsNotNull(throttled.RetryIn);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromSeconds(1), throttled.RetryIn.Value, "the 10 ms backoff must yield to Retry-After: 1");
        AssertDeployed(run, "thr_fn", OutcomeKind.Created, package, memory: 256);
    }

    [TestMethod]
    public async Task A_500_ServiceException_is_retried_until_it_clears()
    {
        var package = Aws.Package("server-error");
        using var proxy = Aws.Proxy().On(ProxyOperation.ListFunctions, Fault.ServiceError, 1, 2);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("srv_fn"));

        CollectionAssert.AreEqual(new[] { 500, 500, 200 }, run.Statuses(ProxyOperation.ListFunctions).ToArray(), run.ToString());
        Assert.AreEqual(1, run.Statuses(ProxyOperation.CreateFunction("srv_fn")).Count, run.ToString());
        AssertDeployed(run, "srv_fn", OutcomeKind.Created, package, memory: 256);
    }

    [TestMethod]
    public async Task An_IAM_Throttling_XML_error_on_GetRole_is_retried()
    {
        var package = Aws.Package("iam");
        using var proxy = Aws.Proxy().On(ProxyOperation.GetRole, Fault.IamThrottled, 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("iam_fn"));

        CollectionAssert.AreEqual(new[] { 400, 200 }, run.Statuses(ProxyOperation.GetRole).ToArray(), run.ToString());
        Assert.AreEqual("Throttling", run.Attempts.Single(a => a.Error is not null).Error!.Code);
        AssertDeployed(run, "iam_fn", OutcomeKind.Created, package, memory: 256);
    }

    [TestMethod]
    public async Task A_connection_reset_is_retried_as_a_connection_failure()
    {
        var package = Aws.Package("reset");
        using var proxy = Aws.Proxy().On(ProxyOperation.CreateFunction("rst_fn"), Fault.Reset, 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("rst_fn"));

        CollectionAssert.AreEqual(new[] { 0, 201 }, run.Statuses(ProxyOperation.CreateFunction("rst_fn")).ToArray(), run.ToString());
        var failed = run.Attempts.Single(a => a.Operation == "CreateFunction" && a.Error is not null);
        Assert.AreEqual(Lambada.Build.Aws.Http.AwsHttpClient.NoAnswerCode, failed.Error!.Code, "the request was sent and its answer lost");
        AssertDeployed(run, "rst_fn", OutcomeKind.Created, package, memory: 256);
    }

    [TestMethod]
    public async Task A_create_whose_answer_was_lost_finds_its_own_function_on_the_retry()
    {
        var package = Aws.Package("lost-answer");
        using var proxy = Aws.Proxy().On(ProxyOperation.CreateFunction("lost_fn"), Fault.ResetAfterForwarding, 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("lost_fn"));

        CollectionAssert.AreEqual(new[] { 0, 409 }, run.Statuses(ProxyOperation.CreateFunction("lost_fn")).ToArray(), run.ToString());
        AssertDeployed(run, "lost_fn", OutcomeKind.Created, package, memory: 256);
    }

    [TestMethod]
    public async Task A_role_Lambda_cannot_assume_yet_is_retried_until_it_can()
    {
        var package = Aws.Package("role");
        using var proxy = Aws.Proxy().On(ProxyOperation.CreateFunction("role_fn"), Fault.RoleNotAssumable, 1, 2);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("role_fn"));

        CollectionAssert.AreEqual(new[] { 400, 400, 201 }, run.Statuses(ProxyOperation.CreateFunction("role_fn")).ToArray(), run.ToString());
        AssertDeployed(run, "role_fn", OutcomeKind.Created, package, memory: 256);
    }

    [TestMethod]
    public async Task An_update_in_progress_conflict_is_retried_for_configuration_and_code()
    {
        await Aws.DeployCleanAsync(Aws.Package("conflict-v1"), FaultFixture.Function("cfl_fn", memory: 256));
        var v2 = Aws.Package("conflict-v2");
        using var proxy = Aws.Proxy()
            .On(ProxyOperation.UpdateFunctionConfiguration("cfl_fn"), Fault.UpdateInProgress, 1)
            .On(ProxyOperation.UpdateFunctionCode("cfl_fn"), Fault.UpdateInProgress, 1);

        var run = await Aws.DeployAsync(proxy, v2, FaultFixture.FastRetries, FaultFixture.Function("cfl_fn", memory: 1024));

        CollectionAssert.AreEqual(new[] { 409, 200 }, run.Statuses(ProxyOperation.UpdateFunctionConfiguration("cfl_fn")).ToArray(), run.ToString());
        CollectionAssert.AreEqual(new[] { 409, 200 }, run.Statuses(ProxyOperation.UpdateFunctionCode("cfl_fn")).ToArray(), run.ToString());
        Assert.IsTrue(run.Attempts.Where(a => a.Error?.Code == "ResourceConflictException").All(a => a.RetryIn is not null), run.ToString());
        AssertDeployed(run, "cfl_fn", OutcomeKind.Updated, v2, memory: 1024);
    }

    private static void AssertDeployed(FaultRun run, string name, OutcomeKind kind, TestPackage package, int memory)
    {
        Assert.AreEqual(kind, run.Outcome(name).Kind, run.ToString());
        var configuration = Aws.Read(name)[name];
        Assert.IsNotNull(configuration, $"{name} is not in moto\n{run}");
        Assert.AreEqual(package.CodeSha256, configuration.Value.GetProperty("CodeSha256").GetString());
        Assert.AreEqual(memory, configuration.Value.GetProperty("MemorySize").GetInt32());
        Assert.AreEqual($"arn:aws:iam::123456789012:role/{FaultFixture.Role}", configuration.Value.GetProperty("Role").GetString());
    }
}
