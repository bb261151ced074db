using System.Collections.Concurrent;
using System.IO.Compression;
using Lambada.Build.Aws.Http;
using Lambada.Build.Deployment;
using Lambada.Build.Model;
using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment;

/// <summary>
/// Functions of one assembly share one package: new code for N of them is N UpdateFunctionCode and nothing before them
/// (ListFunctions already told the CodeSha256; before it, GetAccountSettings, which moto does not answer, for the size of the
/// region), and with a bucket one S3 object from one PutObject. Requests are counted
/// twice: by Lambada's own observer, per operation, and independently from moto's access log.
/// </summary>
[TestClass]
public sealed class SharedPackageUploadTests
{
    private const int N = 5;
    private static DeployFixture? _fixture;

    private static DeployFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new DeployFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task New_code_for_five_functions_inline_is_one_read_of_the_region_and_five_UpdateFunctionCode_with_no_GetFunction()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "SharedInline");
        var functions = Functions("inl");
        Check(await RunAsync(deploy, functions));
        NewCode(deploy);

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var run = await RunAsync(deploy, functions);
        var logged = MotoRequestLog.Since(Aws.Moto, mark);

        Check(run);
        Assert.IsTrue(run.Result.Outcomes.All(o => o.Kind == OutcomeKind.Updated), Describe(run, logged));
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["GetAccountSettings"] = 1, ["ListFunctions"] = 1, ["UpdateFunctionCode"] = N },
            run.ByOperation, Describe(run, logged));
        CollectionAssert.AreEquivalent(
            functions.Select(f => $"PUT /2015-03-31/functions/{f.Name}/code").Prepend("GET /2015-03-31/functions").Prepend("GET /2016-08-19/account-settings").ToList(),
            logged.Select(r => $"{r.Method} {r.Path.Split('?')[0].TrimEnd('/')}").ToList(), Describe(run, logged));
        Assert.AreEqual(2 + N, run.Result.Requests);
        foreach (var f in functions)
            Assert.AreEqual(deploy.CodeSha256, Aws.Configuration(f.Name).GetProperty("CodeSha256").GetString(), f.Name);
    }

    [TestMethod]
    public async Task New_code_for_five_functions_through_a_bucket_is_one_PutObject_and_one_S3_object()
    {
        const string bucket = "lambada-shared";
        DeployFixture.Check(Aws.Moto.Aws("s3", "mb", $"s3://{bucket}"));
        using var deploy = new InProcessDeploy(Aws.Moto, "SharedS3");
        var functions = Functions("s3p");
        Check(await RunAsync(deploy, functions));
        NewCode(deploy);

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var run = await RunAsync(deploy, functions, o => o with { S3Bucket = bucket, S3Prefix = "pkgs/" });
        var logged = MotoRequestLog.Since(Aws.Moto, mark);

        Check(run);
        var puts = logged.Where(r => r.Method == "PUT" && r.Path.StartsWith($"/{bucket}/", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, puts, Describe(run, logged));
        Assert.HasCount(1, logged.Where(r => r.Path.StartsWith($"/{bucket}", StringComparison.Ordinal)), "no S3 request but the PutObject: " + Describe(run, logged));
        CollectionAssert.AreEquivalent(new Dictionary<string, int> { ["GetAccountSettings"] = 1, ["ListFunctions"] = 1, ["UpdateFunctionCode"] = N },
            run.ByOperation, Describe(run, logged));

        var objects = DeployFixture.Json(Aws.Moto.Aws("s3api", "list-objects-v2", "--bucket", bucket)).GetProperty("Contents").EnumerateArray()
            .Select(o => o.GetProperty("Key").GetString()!).ToList();
        Assert.HasCount(1, objects);
        StringAssert.StartsWith(objects[0], "pkgs/SharedS3-");
        Assert.AreEqual($"/{bucket}/{objects[0]}", puts[0].Path.Split('?')[0]);
        foreach (var f in functions)
            Assert.AreEqual(deploy.CodeSha256, Aws.Configuration(f.Name).GetProperty("CodeSha256").GetString(), f.Name);
    }

    [TestMethod]
    public async Task Every_function_gets_the_same_zip_bytes_read_once()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "SharedBytes");
        var package = new PackageSource(deploy.PackagePath, deploy.CodeSha256, "SharedBytes", bucket: null, prefix: "", uploader: null!);

        var codes = await Task.WhenAll(Enumerable.Range(0, N).Select(_ => Task.Run(package.CodeAsync)));

        Assert.IsTrue(codes.All(c => ReferenceEquals(c.ZipFile, codes[0].ZipFile)), "one byte array for all functions");
        CollectionAssert.AreEqual(await File.ReadAllBytesAsync(deploy.PackagePath), codes[0].ZipFile);
    }

    private static List<FunctionDefinition> Functions(string prefix) =>
        Enumerable.Range(1, N).Select(i => InProcessDeploy.Function($"{prefix}_f{i}")).ToList();

    /// <summary>Adds an entry to the package, so its CodeSha256 changes for every function at once.</summary>
    private static void NewCode(InProcessDeploy deploy)
    {
        using var archive = ZipFile.Open(deploy.PackagePath, ZipArchiveMode.Update);
        archive.CreateEntry("v2");
    }

    private static async Task<CountedRun> RunAsync(InProcessDeploy deploy, IReadOnlyList<FunctionDefinition> functions,
        Func<DeployOptions, DeployOptions>? configure = null)
    {
        var attempts = new ConcurrentQueue<AwsAttempt>();
        var result = await InProcessDeploy.RunAsync(deploy.Environment, RetryPolicy.Default, attempts.Enqueue, deploy.Log, deploy.Project, functions,
            deploy.PackagePath, deploy.CodeSha256, configure: configure);
        return new CountedRun(result, attempts.GroupBy(a => a.Operation).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static void Check(CountedRun run) =>
        Assert.IsTrue(run.Result.Succeeded, string.Join("\n", run.Result.Outcomes.Select(o => $"{o.Name} {o.Kind} {o.Error?.Code} {o.ErrorMessage}")));

    private static string Describe(CountedRun run, IEnumerable<MotoRequest> logged) =>
        "by operation: " + string.Join(", ", run.ByOperation.Select(p => $"{p.Key}={p.Value}")) + "\nmoto log:\n" + string.Join("\n", logged);

    private sealed record CountedRun(DeployResult Result, Dictionary<string, int> ByOperation);
}
