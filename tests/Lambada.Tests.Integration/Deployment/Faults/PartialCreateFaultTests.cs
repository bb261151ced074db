namespace Lambada.Tests.Deployment.Faults;

/// <summary>
/// A new function whose create stops part-way: the report's Done / Not done lists are checked against what moto holds
/// afterwards (read with boto3). CreateFunction itself failing is <see cref="PermanentFaultTests"/>.
/// </summary>
[TestClass]
public sealed class PartialCreateFaultTests
{
    private static FaultFixture? _fixture;

    private static FaultFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new FaultFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task Created_but_reserved_concurrency_refused_reports_the_create_done_and_the_rest_not_done()
    {
        var package = Aws.Package("pcc");
        using var proxy = Aws.Proxy().On(LambdaStepFaults.PutFunctionConcurrency("pcc_fn"), LambdaStepFaults.AccessDenied("lambda:PutFunctionConcurrency"), 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("pcc_fn", concurrency: 3, alias: "live"));

        var outcome = run.AssertFailed("pcc_fn", "PutFunctionConcurrency failed: AccessDeniedException");
        CollectionAssert.AreEqual(new[] { "create" }, outcome.Done.ToArray());
        CollectionAssert.AreEqual(new[] { "reserved concurrency", "publish version", "alias live" }, outcome.NotDone.ToArray());
        Assert.AreEqual(package.CodeSha256, Aws.Read("pcc_fn")["pcc_fn"]!.Value.GetProperty("CodeSha256").GetString(), "create: done");
        Assert.IsFalse(Concurrency("pcc_fn").HasValue, "reserved concurrency: not done");
        CollectionAssert.AreEqual(new[] { "$LATEST" }, Versions("pcc_fn").ToArray(), "publish version: not done");
        Assert.IsNull(Alias("pcc_fn", "live"), "alias: not done");
    }

    [TestMethod]
    public async Task Created_but_PublishVersion_refused_reports_the_create_done_and_version_and_alias_not_done()
    {
        var package = Aws.Package("pcp");
        using var proxy = Aws.Proxy().On(LambdaStepFaults.PublishVersion("pcp_fn"), LambdaStepFaults.AccessDenied("lambda:PublishVersion"), 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("pcp_fn", concurrency: 2, alias: "live"));

        var outcome = run.AssertFailed("pcp_fn", "PublishVersion failed: AccessDeniedException");
        CollectionAssert.AreEqual(new[] { "create", "reserved concurrency" }, outcome.Done.ToArray());
        CollectionAssert.AreEqual(new[] { "publish version", "alias live" }, outcome.NotDone.ToArray());
        Assert.AreEqual(2, Concurrency("pcp_fn"), "reserved concurrency: done");
        CollectionAssert.AreEqual(new[] { "$LATEST" }, Versions("pcp_fn").ToArray(), "publish version: not done");
        Assert.IsNull(Alias("pcp_fn", "live"), "alias: not done");
    }

    [TestMethod]
    public async Task Created_and_published_but_CreateAlias_refused_reports_only_the_alias_not_done()
    {
        var package = Aws.Package("pca");
        using var proxy = Aws.Proxy().On(LambdaStepFaults.CreateAlias("pca_fn"), LambdaStepFaults.AccessDenied("lambda:CreateAlias"), 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, FaultFixture.Function("pca_fn", alias: "live"));

        var outcome = run.AssertFailed("pca_fn", "CreateAlias failed: AccessDeniedException");
        CollectionAssert.AreEqual(new[] { "create", "publish version" }, outcome.Done.ToArray());
        CollectionAssert.AreEqual(new[] { "alias live" }, outcome.NotDone.ToArray());
        CollectionAssert.AreEqual(new[] { "$LATEST", "1" }, Versions("pca_fn").ToArray(), "publish version: done");
        Assert.IsNull(Alias("pca_fn", "live"), "alias: not done");
    }



    private static int? Concurrency(string name) => StepReads.Concurrency(Aws, name);

    private static IReadOnlyList<string> Versions(string name) => StepReads.Versions(Aws, name);

    private static string? Alias(string name, string alias) => StepReads.AliasVersion(Aws, name, alias);
}
