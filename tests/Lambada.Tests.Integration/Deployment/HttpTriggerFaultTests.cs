using System.Text.Json;
using Lambada.Build.Model;
using Lambada.Tests.Deployment.Faults;
using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary>
/// A trigger step refused part-way: the failure names the steps done and not done (the function's own and its triggers'),
/// the function is marked unfinished, and the next deploy finishes it without making the URL twice.
/// </summary>
[TestClass]
public sealed class HttpTriggerFaultTests
{
    private static FaultFixture? _fixture;

    private static FaultFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new FaultFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task A_refused_AddPermission_reports_the_URL_done_and_both_statements_not_done_and_the_next_deploy_adds_them()
    {
        var function = FaultFixture.Function("tf_url") with { Url = new FunctionUrlDefinition { AuthType = FunctionUrlDefinition.None } };
        var package = Aws.Package("tf-url");
        var addPermission = new ProxyOperation("AddPermission", "POST", "^/2015-03-31/functions/tf_url/policy$");
        using var proxy = Aws.Proxy().On(addPermission, LambdaStepFaults.AccessDenied("lambda:AddPermission"), 1);

        var run = await Aws.DeployAsync(proxy, package, FaultFixture.FastRetries, function);

        var outcome = run.AssertFailed("tf_url", "AddPermission failed: AccessDeniedException");
        CollectionAssert.AreEqual(new[] { "create", "url: none -> NONE" }, outcome.Done.ToArray(), run.ToString());
        CollectionAssert.AreEqual(new[] { "permission LambadaUrlPublic: add", "permission LambadaUrlInvoke: add" }, outcome.NotDone.ToArray(), run.ToString());
        var environment = Aws.Read("tf_url")["tf_url"]!.Value.GetProperty("Environment").GetProperty("Variables");
        Assert.AreEqual("unfinished", environment.GetProperty("LAMBADA_SETTINGS").GetString(), run.ToString());

        using var clean = Aws.Proxy();
        var rerun = await Aws.DeployAsync(clean, package, FaultFixture.FastRetries, function);

        Assert.IsTrue(rerun.Result.Succeeded, rerun.ToString());
        Assert.AreEqual(0, rerun.Requests.Count(r => r.Method == "POST" && r.Path == "/2021-10-31/functions/tf_url/url"), "the URL is not made again: " + rerun);
        var bodies = rerun.Requests.Where(addPermission.Matches).Select(r => Body(r.Body)).ToList();
        CollectionAssert.AreEquivalent(new[]
        {
            "Action=lambda:InvokeFunctionUrl;FunctionUrlAuthType=NONE;Principal=*;StatementId=LambadaUrlPublic",
            "Action=lambda:InvokeFunction;InvokedViaFunctionUrl=True;Principal=*;StatementId=LambadaUrlInvoke",
        }, bodies, "exactly the two AddPermission bodies the CLI sends, nothing else: " + rerun);
    }

    /// <summary>A JSON body's members as <c>name=value</c>, sorted, so the comparison does not depend on member order.</summary>
    private static string Body(string json)
    {
        using var document = JsonDocument.Parse(json);
        return string.Join(";", document.RootElement.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal)
            .Select(p => $"{p.Name}={(p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ValueKind == JsonValueKind.True ? "True" : p.Value.GetRawText())}"));
    }
}
