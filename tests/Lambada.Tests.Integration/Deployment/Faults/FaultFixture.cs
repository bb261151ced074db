using System.Collections.Concurrent;
using System.Text.Json;
using Lambada.Build.Aws.Http;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>
/// A private moto_server with the execution role, a deploy run in-process through a <see cref="FaultProxy"/> in front
/// of it, and read-back with boto3 straight from moto (never through the proxy or Lambada's own client).
/// </summary>
internal sealed class FaultFixture : IDisposable
{
    public const string Role = "lambda_basic_execution";
    public const string Project = "faults";

    /// <summary>Tiny delays so retries cost milliseconds; a Retry-After still sets the floor.</summary>
    public static readonly RetryPolicy FastRetries = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(30), 5);

    private readonly TempDirectory _directory = new("faults");

    /// <param name="serverEnvironment">moto_server's own variables, e.g. <c>MOTO_IAM_LOAD_MANAGED_POLICIES=true</c> for tests that attach AWS policies.</param>
    public FaultFixture(IReadOnlyDictionary<string, string>? serverEnvironment = null)
    {
        Moto = MotoServer.Start(serverEnvironment);
        Boto3 = new Boto3Session(Moto);
        Boto3.CreateRole(Role);
    }

    public MotoServer Moto { get; }

    /// <summary>The independent client: roles are made and results read back with boto3, never with Lambada's client.</summary>
    public Boto3Session Boto3 { get; }

    public FaultProxy Proxy() => FaultProxy.Start(Moto.Endpoint);

    public TestPackage Package(string content) => TestPackage.Create(_directory, content);

    public static FunctionDefinition Function(string name, int memory = 256, string? alias = null, int? concurrency = null,
        Dictionary<string, string>? tags = null) => InProcessDeploy.Function(name, Role, memory) with
        {
            Method = "Faults.Functions::Run",
            Handler = "bootstrap",
            Description = "fault test",
            Runtime = "provided.al2023",
            Alias = alias,
            ReservedConcurrency = concurrency,
            Tags = tags ?? [],
        };

    /// <summary>Deploys through <paramref name="proxy"/> with the given retry policy; small waiter delays.</summary>
    public Task<FaultRun> DeployAsync(FaultProxy proxy, TestPackage package, RetryPolicy policy, params FunctionDefinition[] functions) =>
        DeployAsync(proxy, package, policy, createRoles: false, functions);

    /// <summary>Deploys through <paramref name="proxy"/>, with <c>LambadaCreateRoles</c> as given.</summary>
    public async Task<FaultRun> DeployAsync(FaultProxy proxy, TestPackage package, RetryPolicy policy, bool createRoles, params FunctionDefinition[] functions)
    {
        var attempts = new ConcurrentQueue<AwsAttempt>();
        var log = new ListDeployLog();
        string? Variables(string name) => name == "AWS_ENDPOINT_URL" ? proxy.Endpoint : Moto.ClientEnvironment.GetValueOrDefault(name);
        var result = await InProcessDeploy.RunAsync(Variables, policy, attempts.Enqueue, log, Project, functions, package.Path, package.CodeSha256, createRoles);
        return new FaultRun(result, attempts.ToList(), proxy.Requests, log);
    }

    /// <summary>Deploys with no faults through a proxy of its own, so the faulted run's occurrence counts start at zero.</summary>
    public async Task DeployCleanAsync(TestPackage package, params FunctionDefinition[] functions)
    {
        using var proxy = Proxy();
        var run = await DeployAsync(proxy, package, FastRetries, functions);
        Assert.IsTrue(run.Result.Succeeded, run.ToString());
    }

    public IReadOnlyDictionary<string, JsonElement?> Read(params string[] names) => Boto3.Read(names);

    public void Dispose()
    {
        Boto3.Dispose();
        Moto.Dispose();
        _directory.Dispose();
    }
}

/// <summary>What a faulted deploy produced: the outcomes, every attempt the client reported, and every request the proxy saw.</summary>
internal sealed record FaultRun(DeployResult Result, IReadOnlyList<AwsAttempt> Attempts, IReadOnlyList<ProxiedRequest> Requests, ListDeployLog Log)
{
    public FunctionOutcome Outcome(string name) => Result.Outcomes.Single(o => o.Name == name);

    /// <summary>The function failed with AWS's refusal (LMB0301) and a message containing <paramref name="message"/>.</summary>
    public FunctionOutcome AssertFailed(string name, string message)
    {
        var outcome = Outcome(name);
        Assert.AreEqual((Lambada.Build.Deployment.OutcomeKind.Failed, DiagnosticCatalogue.DeployAwsError.Code), (outcome.Kind, outcome.Error?.Code), ToString());
        StringAssert.Contains(outcome.ErrorMessage, message);
        return outcome;
    }

    public IReadOnlyList<int> Statuses(ProxyOperation operation) => Requests.Where(operation.Matches).Select(r => r.Status).ToList();

    public override string ToString() =>
        string.Join("\n", Result.Outcomes.Select(o => $"{o.Name}: {o.Kind} {o.Error?.Code} {o.ErrorMessage}"))
        + "\nrequests:\n" + string.Join("\n", Requests) + "\nlog:\n" + string.Join("\n", Log.Lines);
}
