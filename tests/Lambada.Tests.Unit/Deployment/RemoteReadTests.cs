using System.IO.Compression;
using System.Security.Cryptography;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Lambda;
using Lambada.Build.Deployment;
using Lambada.Build.Model;
using Lambada.Testing;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Deployment;

/// <summary>
/// A no-op redeploy costs at most min(ceil(R/50), N) + 1 requests for N project functions in a region of R, whatever
/// R is: proven against <see cref="PagingLambdaServer"/>, which pages as Lambda does (moto answers in one page).
/// The project's functions sit after the first page, as they would in a busy region.
/// </summary>
[TestClass]
public sealed class RemoteReadTests
{
    private const string Project = "remote";

    [TestMethod]
    [DataRow(1000, 1, new[] { "ListFunctions page 1", "GetFunctionConfiguration" }, DisplayName = "R=1000 N=1: first page, then the one function")]
    [DataRow(1000, 3, new[] { "GetAccountSettings", "GetFunctionConfiguration", "GetFunctionConfiguration", "GetFunctionConfiguration" }, DisplayName = "R=1000 N=3: count, then each function")]
    [DataRow(1000, 60, new[] { "GetAccountSettings", "ListFunctions" }, DisplayName = "R=1000 N=60: count, then the 20 pages")]
    [DataRow(1000, 20, new[] { "GetAccountSettings", "ListFunctions" }, DisplayName = "R=1000 N=20: as many functions as pages, the list wins")]
    [DataRow(40, 1, new[] { "ListFunctions page 1" }, DisplayName = "R=40 N=1: the only page")]
    [DataRow(40, 3, new[] { "GetAccountSettings", "ListFunctions page 1" }, DisplayName = "R=40 N=3: count, then the only page")]
    public async Task A_no_op_redeploy_reads_the_cheaper_way_within_the_target(int regionFunctions, int projectFunctions, string[] operations)
    {
        using var directory = new TempDirectory("remote-read");
        var package = Package(directory);
        var functions = Functions(projectFunctions);
        using var server = new PagingLambdaServer(Region(regionFunctions, functions, package.CodeSha256));

        var (result, _) = await DeployAsync(server, package, functions);

        var requests = server.Requests;
        var pages = (regionFunctions + 49) / 50;
        Assert.IsTrue(result.Succeeded, string.Join("\n", result.Outcomes));
        CollectionAssert.AreEquivalent(functions.Select(f => f.Name).ToArray(), result.Outcomes.Select(o => o.Name).ToArray());
        Assert.IsTrue(result.Outcomes.All(o => o.Kind == OutcomeKind.Unchanged), string.Join("\n", result.Outcomes));
        var expected = operations.SequenceEqual(["GetAccountSettings", "ListFunctions"])
            ? ["GetAccountSettings", .. Enumerable.Range(1, pages).Select(p => $"ListFunctions page {p}")]
            : operations;
        CollectionAssert.AreEquivalent(expected, requests.Select(r => r.StartsWith("GetFunctionConfiguration", StringComparison.Ordinal) ? "GetFunctionConfiguration" : r).ToArray(),
            string.Join("\n", requests));
        Assert.IsLessThanOrEqualTo(Math.Min(pages, projectFunctions) + 1, requests.Count, "the issue's target: " + string.Join("\n", requests));
        Assert.AreEqual(requests.Count, result.Requests, "the client counted what the server saw");
        Assert.AreEqual(0, result.MutatingRequests);
    }

    [TestMethod]
    [DataRow(3, 4, DisplayName = "N=3: count and three direct reads, then the role")]
    [DataRow(60, 21, DisplayName = "N=60: count and 20 pages, then the role")]
    public async Task A_plan_read_either_way_says_unchanged_for_deployed_functions_and_create_for_a_missing_one(int projectFunctions, int reads)
    {
        using var directory = new TempDirectory("remote-read");
        var package = Package(directory);
        var functions = Functions(projectFunctions);
        var missing = functions[1].Name;
        using var server = new PagingLambdaServer(Region(1000, functions, package.CodeSha256).Where(f => f.FunctionName != missing));

        var (result, _) = await DeployAsync(server, package, functions, planOnly: true);

        var requests = server.Requests;
        Assert.AreEqual("create: new function", result.Outcomes.Single(o => o.Name == missing).Detail);
        Assert.IsTrue(result.Outcomes.Where(o => o.Name != missing).All(o => o.Detail.StartsWith("unchanged", StringComparison.Ordinal)), string.Join("\n", result.Outcomes));
        Assert.AreEqual(projectFunctions, result.Outcomes.Count);
        CollectionAssert.AreEqual(new[] { "GetRole lambda_basic_execution" }, requests.Skip(reads).ToArray(), "the new function's role, after the reads: " + string.Join("\n", requests));
        Assert.HasCount(reads + 1, requests, string.Join("\n", requests));
        Assert.IsFalse(requests.Any(r => r.StartsWith("unexpected", StringComparison.Ordinal)), string.Join("\n", requests));
    }

    [TestMethod]
    public async Task Without_lambda_GetAccountSettings_the_deploy_says_so_and_lists_the_region()
    {
        using var directory = new TempDirectory("remote-read");
        var package = Package(directory);
        var functions = Functions(3);
        using var server = new PagingLambdaServer(Region(1000, functions, package.CodeSha256)) { DenyAccountSettings = true };

        var (result, log) = await DeployAsync(server, package, functions);

        Assert.IsTrue(result.Outcomes.All(o => o.Kind == OutcomeKind.Unchanged), string.Join("\n", result.Outcomes));
        CollectionAssert.AreEqual(new[] { "GetAccountSettings" }.Concat(Enumerable.Range(1, 20).Select(p => $"ListFunctions page {p}")).ToArray(), server.Requests.ToArray());
        Assert.IsTrue(log.Lines.Any(l => l.Contains("GetAccountSettings: AccessDeniedException", StringComparison.Ordinal) && l.Contains("lambda:GetAccountSettings allowed", StringComparison.Ordinal)),
            string.Join("\n", log.Lines));
    }

    [TestMethod]
    public async Task Prune_reads_every_page_whatever_the_project_size()
    {
        using var directory = new TempDirectory("remote-read");
        var package = Package(directory);
        var functions = Functions(1);
        using var server = new PagingLambdaServer(Region(1000, functions, package.CodeSha256));

        var (result, _) = await DeployAsync(server, package, functions, prune: true);

        Assert.AreEqual(OutcomeKind.Unchanged, result.Outcomes.Single().Kind);
        CollectionAssert.AreEqual(Enumerable.Range(1, 20).Select(p => $"ListFunctions page {p}").ToArray(), server.Requests.ToArray(),
            "no foreign function carries LAMBADA_HANDLER, so none is asked for its tags");
    }

    [TestMethod]
    public async Task Reading_directly_a_deploy_still_names_the_function_whose_attribute_was_dropped_and_deletes_nothing()
    {
        using var directory = new TempDirectory("remote-read");
        var package = Package(directory);
        var functions = Functions(4);
        var dropped = functions[2].Name;
        var tags = functions.ToDictionary(f => f.Name, IReadOnlyDictionary<string, string> (_) => new Dictionary<string, string> { ["lambada:project"] = Project });
        using var server = new PagingLambdaServer(Region(1000, functions, package.CodeSha256), tags);
        await DeployAsync(server, package, functions);
        var mark = server.Requests.Count;

        var (result, log) = await DeployAsync(server, package, functions.Where(f => f.Name != dropped).ToList());

        var requests = server.Requests.Skip(mark).ToList();
        Assert.IsTrue(result.Outcomes.All(o => o.Kind == OutcomeKind.Unchanged), string.Join("\n", result.Outcomes));
        CollectionAssert.AreEquivalent(new[] { "GetAccountSettings", $"GetFunction {dropped}" }
            .Concat(functions.Where(f => f.Name != dropped).Select(f => $"GetFunctionConfiguration {f.Name}")).ToArray(), requests.ToArray(),
            "the count, the three declared functions, and one GetFunction to confirm the dropped one is still this project's");
        Assert.AreEqual(0, result.MutatingRequests);
        CollectionAssert.Contains(log.Lines.ToList(), DroppedFunctions.Line(Project, [dropped]));
    }

    private static async Task<(DeployResult Result, ListDeployLog Log)> DeployAsync(PagingLambdaServer server, (string Path, string CodeSha256) package,
        IReadOnlyList<FunctionDefinition> functions, bool planOnly = false, bool prune = false)
    {
        var log = new ListDeployLog();
        var result = await InProcessDeploy.RunAsync(server.Environment, RetryPolicy.Default, null, log, Project, functions, package.Path, package.CodeSha256,
            configure: o => o with { PlanOnly = planOnly, Prune = prune });
        return (result, log);
    }

    /// <summary>The project's functions are named to fall after the first page, spread over the region.</summary>
    private static List<FunctionDefinition> Functions(int count) =>
        Enumerable.Range(0, count).Select(i => InProcessDeploy.Function($"f_{100 + i * 10:0000}_project")).ToList();

    /// <summary>R functions in all: the project's, exactly as a deploy leaves them, and foreign ones around them.</summary>
    private static IEnumerable<FunctionConfiguration> Region(int total, IReadOnlyList<FunctionDefinition> project, string codeSha256) =>
        Enumerable.Range(0, total - project.Count).Select(i => PagingLambdaServer.Foreign($"f_{i:0000}"))
            .Concat(project.Select(d => Deployed(d, codeSha256)));

    private static FunctionConfiguration Deployed(FunctionDefinition definition, string codeSha256) => new()
    {
        FunctionName = definition.Name,
        FunctionArn = $"arn:aws:lambda:us-east-1:{PagingLambdaServer.Account}:function:{definition.Name}",
        Runtime = definition.Runtime,
        Role = $"arn:aws:iam::{PagingLambdaServer.Account}:role/{definition.Role}",
        Handler = definition.Handler,
        Description = definition.Description,
        Timeout = definition.Timeout,
        MemorySize = definition.MemorySize,
        CodeSha256 = codeSha256,
        Version = "$LATEST",
        Environment = new EnvironmentSettings(DesiredFunction.From(definition, Project).Environment),
        Architectures = [definition.Architecture],
        EphemeralStorage = new EphemeralStorageSettings(definition.EphemeralStorage),
        State = "Active",
        LastUpdateStatus = "Successful",
    };

    private static (string Path, string CodeSha256) Package(TempDirectory directory)
    {
        var path = directory.File(Project + ".zip");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
            archive.CreateEntry("bootstrap");
        return (path, Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(path))));
    }
}
