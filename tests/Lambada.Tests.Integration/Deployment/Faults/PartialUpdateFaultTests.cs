using Lambada.Testing;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>
/// An update that stops part-way: the report's Done / Not done lists are checked against what moto holds afterwards
/// (read with boto3). A refused configuration update is <see cref="PermanentFaultTests"/>, a configuration update that
/// Lambda reports Failed is <see cref="NotReadyFaultTests"/>.
/// </summary>
[TestClass]
public sealed class PartialUpdateFaultTests
{
    private static FaultFixture? _fixture;

    private static FaultFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new FaultFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task Configuration_updated_but_code_refused_reports_the_configuration_done_and_the_code_not_done()
    {
        var v1 = Aws.Package("puc-v1");
        await Aws.DeployCleanAsync(v1, FaultFixture.Function("puc_fn", memory: 256));
        using var proxy = Aws.Proxy().On(ProxyOperation.UpdateFunctionCode("puc_fn"), LambdaStepFaults.AccessDenied("lambda:UpdateFunctionCode"), 1);

        var run = await Aws.DeployAsync(proxy, Aws.Package("puc-v2"), FaultFixture.FastRetries, FaultFixture.Function("puc_fn", memory: 1024));

        var outcome = run.AssertFailed("puc_fn", "UpdateFunctionCode failed: AccessDeniedException");
        CollectionAssert.AreEqual(new[] { "configuration" }, outcome.Done.ToArray());
        CollectionAssert.AreEqual(new[] { "code" }, outcome.NotDone.ToArray());
        var moto = Aws.Read("puc_fn")["puc_fn"]!.Value;
        Assert.AreEqual(1024, moto.GetProperty("MemorySize").GetInt32(), "configuration: done");
        Assert.AreEqual(v1.CodeSha256, moto.GetProperty("CodeSha256").GetString(), "code: not done");
    }

    [TestMethod]
    public async Task Code_updated_but_tags_refused_reports_configuration_and_code_done_and_the_tags_not_done()
    {
        await Aws.DeployCleanAsync(Aws.Package("put-v1"), FaultFixture.Function("put_fn"));
        var v2 = Aws.Package("put-v2");
        using var proxy = Aws.Proxy().On(LambdaStepFaults.TagResource("put_fn"), LambdaStepFaults.AccessDenied("lambda:TagResource"), 1);

        var run = await Aws.DeployAsync(proxy, v2, FaultFixture.FastRetries, FaultFixture.Function("put_fn", tags: new() { ["team"] = "blue" }));

        var outcome = run.AssertFailed("put_fn", "TagResource failed: AccessDeniedException");
        CollectionAssert.AreEqual(new[] { "configuration", "code" }, outcome.Done.ToArray(), "the settings digest lives in the environment: a configuration update");
        CollectionAssert.AreEqual(new[] { "tags" }, outcome.NotDone.ToArray());
        Assert.AreEqual(v2.CodeSha256, Aws.Read("put_fn")["put_fn"]!.Value.GetProperty("CodeSha256").GetString(), "code: done");
        CollectionAssert.DoesNotContain(StepReads.Tags(Aws, "put_fn").Keys.ToList(), "team", "tags: not done");
    }

    [TestMethod]
    public async Task Code_updated_but_PublishVersion_refused_reports_the_version_and_the_alias_not_done_and_the_alias_stays()
    {
        await Aws.DeployCleanAsync(Aws.Package("pup-v1"), FaultFixture.Function("pup_fn", alias: "live"));
        var v2 = Aws.Package("pup-v2");
        using var proxy = Aws.Proxy().On(LambdaStepFaults.PublishVersion("pup_fn"), LambdaStepFaults.AccessDenied("lambda:PublishVersion"), 1);

        var run = await Aws.DeployAsync(proxy, v2, FaultFixture.FastRetries, FaultFixture.Function("pup_fn", alias: "live"));

        var outcome = run.AssertFailed("pup_fn", "PublishVersion failed: AccessDeniedException");
        CollectionAssert.AreEqual(new[] { "code" }, outcome.Done.ToArray());
        CollectionAssert.AreEqual(new[] { "publish version", "alias live" }, outcome.NotDone.ToArray());
        Assert.AreEqual(v2.CodeSha256, Aws.Read("pup_fn")["pup_fn"]!.Value.GetProperty("CodeSha256").GetString(), "code: done");
        CollectionAssert.AreEqual(new[] { "$LATEST", "1" }, StepReads.Versions(Aws, "pup_fn").ToArray(), "publish version: not done");
        Assert.AreEqual("1", StepReads.AliasVersion(Aws, "pup_fn", "live"), "alias: not moved");
    }

    [TestMethod]
    public async Task Code_updated_and_published_but_UpdateAlias_refused_reports_only_the_alias_not_done()
    {
        await Aws.DeployCleanAsync(Aws.Package("pua-v1"), FaultFixture.Function("pua_fn", alias: "live"));
        var v2 = Aws.Package("pua-v2");
        using var proxy = Aws.Proxy().On(LambdaStepFaults.UpdateAlias("pua_fn", "live"), LambdaStepFaults.AccessDenied("lambda:UpdateAlias"), 1);

        var run = await Aws.DeployAsync(proxy, v2, FaultFixture.FastRetries, FaultFixture.Function("pua_fn", alias: "live"));

        var outcome = run.AssertFailed("pua_fn", "UpdateAlias failed: AccessDeniedException");
        CollectionAssert.AreEqual(new[] { "code", "publish version" }, outcome.Done.ToArray());
        CollectionAssert.AreEqual(new[] { "alias live" }, outcome.NotDone.ToArray());
        CollectionAssert.AreEqual(new[] { "$LATEST", "1", "2" }, StepReads.Versions(Aws, "pua_fn").ToArray(), "publish version: done");
        Assert.AreEqual("1", StepReads.AliasVersion(Aws, "pua_fn", "live"), "alias: not moved");
    }

    [TestMethod]
    public async Task Reserved_concurrency_already_right_is_never_reported_not_done()
    {
        await Aws.DeployCleanAsync(Aws.Package("prc-v1"), FaultFixture.Function("prc_fn", alias: "live") with { ReservedConcurrency = 3 });
        using var proxy = Aws.Proxy().On(LambdaStepFaults.PublishVersion("prc_fn"), LambdaStepFaults.AccessDenied("lambda:PublishVersion"), 1);

        var run = await Aws.DeployAsync(proxy, Aws.Package("prc-v1"), FaultFixture.FastRetries,
            FaultFixture.Function("prc_fn", alias: "live", tags: new() { ["team"] = "red" }) with { ReservedConcurrency = 3 });

        var outcome = run.AssertFailed("prc_fn", "PublishVersion failed: AccessDeniedException");
        CollectionAssert.AreEqual(new[] { "configuration", "tags", "reserved concurrency" }, outcome.Done.ToArray());
        CollectionAssert.AreEqual(new[] { "publish version", "alias live" }, outcome.NotDone.ToArray());
        Assert.IsEmpty(proxy.Of(LambdaStepFaults.PutFunctionConcurrency("prc_fn")), "already 3: no call");
        Assert.AreEqual(3, StepReads.Concurrency(Aws, "prc_fn"), "reserved concurrency is as declared");
        Assert.AreEqual("red", StepReads.Tags(Aws, "prc_fn")["team"], "tags: done");
    }
}
