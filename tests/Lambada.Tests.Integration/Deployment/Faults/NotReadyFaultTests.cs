using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>moto is always Active/Successful; the proxy rewrites its answers to Pending/InProgress so the waiter has to poll.</summary>
[TestClass]
public sealed class NotReadyFaultTests
{
    private static FaultFixture? _fixture;

    private static FaultFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new FaultFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task A_function_created_Pending_is_polled_until_it_is_Active()
    {
        var package = Aws.Package("created-pending");
        var pending = Fault.NotReady("Pending", "InProgress");
        var create = ProxyOperation.CreateFunction("new_fn");
        var poll = ProxyOperation.GetFunctionConfiguration("new_fn");
        using var proxy = Aws.Proxy().On(create, pending, 1).On(poll, pending, 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("new_fn"));

        CollectionAssert.AreEqual(new[] { "POST 201 Pending/InProgress", "GET 200 Pending/InProgress", "GET 200" },
            run.Requests.Where(r => create.Matches(r) || poll.Matches(r)).Select(r => $"{r.Method} {r.Status} {r.Fault}".TrimEnd()).ToArray(), run.ToString());
        Assert.AreEqual(OutcomeKind.Created, run.Outcome("new_fn").Kind, run.ToString());
        Assert.AreEqual(package.CodeSha256, Aws.Read("new_fn")["new_fn"]!.Value.GetProperty("CodeSha256").GetString());
    }

    /// <summary>
    /// An update sends its change without reading first (ListFunctions told what differs; on AWS it shows no State). When
    /// Lambda refuses it because the function is not ready, the deploy polls until it is, then sends the change again.
    /// </summary>
    [TestMethod]
    public async Task A_change_refused_because_the_function_is_Pending_is_sent_again_once_it_is_ready()
    {
        var package = Aws.Package("pending");
        await Aws.DeployCleanAsync(package, FaultFixture.Function("pnd_fn", memory: 256));
        var notReady = new ErrorReply("state pending", 409, "ResourceConflictException",
            _ => "The operation cannot be performed at this time. The function is currently in the following state: Pending");
        using var proxy = Aws.Proxy()
            .On(ProxyOperation.UpdateFunctionConfiguration("pnd_fn"), notReady, 1)
            .On(ProxyOperation.GetFunctionConfiguration("pnd_fn"), Fault.NotReady("Pending", "InProgress"), 1, 2);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("pnd_fn", memory: 768));

        var calls = Calls(run, "pnd_fn");
        CollectionAssert.AreEqual(
            new[] { "PUT /pnd_fn/configuration state pending", "GET /pnd_fn/configuration Pending/InProgress", "GET /pnd_fn/configuration Pending/InProgress",
                    "GET /pnd_fn/configuration", "PUT /pnd_fn/configuration" },
            calls.ToArray(), run.ToString());
        Assert.AreEqual(OutcomeKind.Updated, run.Outcome("pnd_fn").Kind, run.ToString());
        Assert.AreEqual(768, Aws.Read("pnd_fn")["pnd_fn"]!.Value.GetProperty("MemorySize").GetInt32());
    }

    [TestMethod]
    public async Task A_configuration_update_answered_InProgress_is_waited_out_before_the_code_is_sent()
    {
        await Aws.DeployCleanAsync(Aws.Package("inprogress-v1"), FaultFixture.Function("inp_fn", memory: 256));
        var v2 = Aws.Package("inprogress-v2");
        var inProgress = Fault.NotReady("Active", "InProgress");
        using var proxy = Aws.Proxy()
            .On(ProxyOperation.UpdateFunctionConfiguration("inp_fn"), inProgress, 1)
            .On(ProxyOperation.GetFunctionConfiguration("inp_fn"), inProgress, 1, 2);

        var run = await Aws.DeployAsync(proxy, v2, FaultFixture.FastRetries, FaultFixture.Function("inp_fn", memory: 512));

        CollectionAssert.AreEqual(
            new[] { "PUT /inp_fn/configuration Active/InProgress", "GET /inp_fn/configuration Active/InProgress",
                    "GET /inp_fn/configuration Active/InProgress", "GET /inp_fn/configuration", "PUT /inp_fn/code" },
            Calls(run, "inp_fn").ToArray(), run.ToString());
        var configuration = Aws.Read("inp_fn")["inp_fn"]!.Value;
        Assert.AreEqual(512, configuration.GetProperty("MemorySize").GetInt32());
        Assert.AreEqual(v2.CodeSha256, configuration.GetProperty("CodeSha256").GetString());
    }

    [TestMethod]
    public async Task A_failed_configuration_update_stops_that_function_before_its_code_is_sent()
    {
        await Aws.DeployCleanAsync(Aws.Package("failed-v1"), FaultFixture.Function("fld_fn", memory: 256));
        var v2 = Aws.Package("failed-v2");
        using var proxy = Aws.Proxy()
            .On(ProxyOperation.UpdateFunctionConfiguration("fld_fn"), Fault.UpdateFailed("EniLimitExceeded", "ENI limit reached"), 1);

        var run = await Aws.DeployAsync(proxy, v2, FaultFixture.FastRetries, FaultFixture.Function("fld_fn", memory: 512));

        var outcome = run.Outcome("fld_fn");
        Assert.AreEqual(OutcomeKind.Failed, outcome.Kind, run.ToString());
        Assert.AreEqual("LMB0305", outcome.Error?.Code);
        StringAssert.Contains(outcome.ErrorMessage, "EniLimitExceeded ENI limit reached");
        CollectionAssert.AreEqual(new[] { "configuration" }, outcome.Done.ToArray());
        CollectionAssert.Contains(outcome.NotDone.ToList(), "code");
        CollectionAssert.AreEqual(new[] { "PUT /fld_fn/configuration Active/Failed", "PUT /fld_fn/configuration" }, Calls(run, "fld_fn").ToArray(),
            "no code; the last PUT marks the function unfinished (RerunConvergesTests): " + run);
    }

    /// <summary>The function's own Lambda calls in order, as "METHOD /name[/rest] [fault]".</summary>
    private static IReadOnlyList<string> Calls(FaultRun run, string name) =>
        run.Requests.Where(r => r.Path.StartsWith($"/2015-03-31/functions/{name}", StringComparison.Ordinal))
            .Select(r => $"{r.Method} {r.Path["/2015-03-31/functions".Length..]}{(r.Fault is null ? "" : " " + r.Fault)}")
            .ToList();
}
