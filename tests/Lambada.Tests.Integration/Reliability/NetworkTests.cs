using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Lambada.Build.Aws;
using Lambada.Build.Aws.Http;
using Lambada.Build.Deployment;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;
using Lambada.Testing;
using Lambada.Tests.Deployment;
using Lambada.Tests.Deployment.Faults;
using OutcomeKind = Lambada.Build.Deployment.OutcomeKind;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10's network probes, each a deploy against a real socket: an endpoint that accepts and never answers, a port
/// with nothing listening, and a proxy in front of moto that goes away in the middle of a deploy.
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed class NetworkTests
{
    /// <summary>Limits shrunk so a probe costs seconds; the mechanism (attempts, budgets, the circuit) is the default's.</summary>
    private static readonly NetworkLimits Shrunk = NetworkLimits.Default with
    {
        AttemptTimeout = TimeSpan.FromSeconds(1),
        ConnectionBudget = TimeSpan.FromSeconds(1),
        RetryDelay = TimeSpan.FromMilliseconds(50),
        MaxRetryDelay = TimeSpan.FromMilliseconds(200),
    };

    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(90);

    private static FaultFixture? _fixture;

    private static FaultFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new FaultFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public async Task Deploy_to_an_endpoint_that_accepts_and_never_answers_fails_after_one_attempt_timeout_and_one_retry()
    {
        using var silent = new SilentEndpoint();
        var attempts = new ConcurrentQueue<AwsAttempt>();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() =>
            DeployAsync(silent.Url, RetryPolicy.Default with { Network = Shrunk }, attempts.Enqueue));

        Assert.IsLessThan(Guard, clock.Elapsed, "a generous guard; the attempts below are the mechanism");
        Assert.IsGreaterThanOrEqualTo(1, silent.Accepted, "the endpoint took the connection");
        Assert.AreEqual(NetworkFailure.NoAnswer, error.Network);
        Assert.AreEqual(2, error.Attempts, "one attempt timeout and one retry");
        CollectionAssert.AreEqual(new[] { "ListFunctions", "ListFunctions" }, attempts.Select(a => a.Operation).ToArray());
        Assert.AreEqual(DiagnosticCatalogue.NoAnswer, AwsFailures.Descriptor(error));
        StringAssert.Contains(error.Summary, $"no answer from {silent.Url}/ (AWS_ENDPOINT_URL): no answer within 1 s (2 attempts)");
        StringAssert.Contains(AwsFailures.DeployMessage(error), "Nothing was changed.", "ListFunctions changes nothing");
    }

    [TestMethod]
    public async Task Deploy_with_nothing_listening_fails_within_the_connection_budget_with_the_default_limits()
    {
        var url = ClosedPort();
        var attempts = new ConcurrentQueue<AwsAttempt>();
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => DeployAsync(url, RetryPolicy.Default, attempts.Enqueue));

        Assert.IsLessThan(Guard, clock.Elapsed, "a generous guard; the planned waits below are the mechanism");
        Assert.AreEqual(NetworkFailure.NoConnection, error.Network);
        Assert.AreEqual(DiagnosticCatalogue.NoConnection, AwsFailures.Descriptor(error));
        Assert.AreEqual(attempts.Count, error.Attempts);
        Assert.IsGreaterThanOrEqualTo(2, error.Attempts, "a refused connection is tried again");
        var waits = attempts.Select(a => a.RetryIn ?? TimeSpan.Zero).Aggregate(TimeSpan.Zero, (a, w) => a + w);
        Assert.IsLessThanOrEqualTo(NetworkLimits.Default.ConnectionBudget, waits);
        Assert.IsLessThan(TimeSpan.FromSeconds(30), waits);
        StringAssert.Contains(error.Summary, $"no connection to {url}/ (AWS_ENDPOINT_URL)");
        StringAssert.Contains(error.Summary, "the request was not sent");
    }

    [TestMethod]
    public async Task Deploy_with_nothing_listening_gives_up_with_a_shrunk_connection_budget_too()
    {
        var attempts = new ConcurrentQueue<AwsAttempt>();

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => DeployAsync(ClosedPort(), RetryPolicy.Default with { Network = Shrunk }, attempts.Enqueue));

        Assert.AreEqual(NetworkFailure.NoConnection, error.Network);
        Assert.AreEqual(attempts.Count, error.Attempts);
        Assert.IsLessThanOrEqualTo(Shrunk.ConnectionBudget, attempts.Select(a => a.RetryIn ?? TimeSpan.Zero).Aggregate(TimeSpan.Zero, (a, w) => a + w));
    }

    [TestMethod]
    public async Task LMB0301_for_a_network_failure_no_longer_says_AWS_refused()
    {
        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => DeployAsync(ClosedPort(), RetryPolicy.Default with { Network = Shrunk }, null));

        var reported = AwsFailures.Descriptor(error).Create(null, "Asm", AwsFailures.DeployMessage(error)).ToString();

        Assert.IsFalse(reported.Contains("LMB0301", StringComparison.Ordinal), reported);
        Assert.IsFalse(reported.Contains("refused", StringComparison.OrdinalIgnoreCase) && !reported.Contains("Connection refused", StringComparison.Ordinal), reported);
        Assert.IsFalse(reported.Contains("HTTP 0", StringComparison.Ordinal), reported);
        StringAssert.StartsWith(reported, "error LMB0309: Asm: ListFunctions failed: no connection to http://127.0.0.1:");
        Assert.IsFalse(DiagnosticCatalogue.DeployAwsError.MessageFormat.Contains("refused", StringComparison.Ordinal));
    }

    [TestMethod]
    public async Task Each_retry_prints_one_progress_line_naming_operation_reason_and_next_attempt()
    {
        var attempts = new ConcurrentQueue<AwsAttempt>();

        await Assert.ThrowsExactlyAsync<AwsServiceException>(() => DeployAsync(ClosedPort(), RetryPolicy.Default with { Network = Shrunk }, attempts.Enqueue));

        var lines = attempts.Select(a => a.ProgressLine).ToList();
        Assert.AreEqual(attempts.Count - 1, lines.Count(l => l is not null), "one line per retry, none for the attempt given up on");
        foreach (var line in lines.OfType<string>())
            StringAssert.Matches(line, new System.Text.RegularExpressions.Regex(@"^ListFunctions: no connection to http://127\.0\.0\.1:\d+/ \(AWS_ENDPOINT_URL\): .+; next attempt in \d+\.\d s \(attempt \d+\)$"));
    }

    [TestMethod]
    public async Task Endpoint_lost_in_the_middle_of_a_16_function_deploy_ends_with_every_function_reported()
    {
        var package = Aws.Package("lost-midway");
        var names = Enumerable.Range(1, 16).Select(i => $"mid_f{i:00}").ToArray();
        var lost = ProxyOperation.CreateFunction("mid_f03");
        // mid_f03's CreateFunction reaches moto, its answer is lost, and the endpoint goes away for good.
        var proxy = Aws.Proxy().On(lost, Fault.ResetAfterForwarding, 1);
        var attempts = new ConcurrentQueue<AwsAttempt>();
        var clock = Stopwatch.StartNew();
        var killer = Task.Run(async () =>
        {
            while (proxy.Of(lost).Count == 0 && clock.Elapsed < Guard)
                await Task.Delay(5);
            proxy.Dispose();
        });

        // moto can take more than the shrunk second to answer; nothing here waits for a timeout, so the default one stays.
        var limits = Shrunk with { AttemptTimeout = NetworkLimits.Default.AttemptTimeout };
        var result = await DeployAsync(proxy.Endpoint, FaultFixture.FastRetries with { Network = limits }, attempts.Enqueue,
            package, parallelism: 1, names.Select(n => FaultFixture.Function(n)).ToArray());
        await killer;

        var report = string.Join("\n", result.Outcomes.Select(o => $"{o.Name}: {o.Kind} {o.Error?.Code} {o.ErrorMessage} {DeployReport.Steps(o)}"));
        Assert.IsLessThan(Guard, clock.Elapsed, report);
        CollectionAssert.AreEquivalent(names, result.Outcomes.Select(o => o.Name).ToArray(), "every function has an outcome");
        Assert.IsFalse(result.Succeeded);

        // Done: the two deployed before the endpoint went away.
        foreach (var done in names[..2])
            Assert.AreEqual(OutcomeKind.Created, result.Outcomes.Single(o => o.Name == done).Kind, report);

        // Unknown: the create was sent and its answer lost (moto did create it; Lambada cannot know).
        var unknown = result.Outcomes.Single(o => o.Name == "mid_f03");
        Assert.AreEqual(DiagnosticCatalogue.NoAnswer.Code, unknown.Error?.Code, report);
        CollectionAssert.AreEqual(new[] { "create" }, unknown.Unknown.ToArray(), report);
        Assert.AreEqual("Unknown (sent, never answered): create.", DeployReport.Steps(unknown));
        Assert.IsNotNull(Aws.Read("mid_f03")["mid_f03"], "the lost create did reach AWS");

        // Not done: the rest were never sent, because the endpoint had already stopped answering.
        foreach (var notStarted in result.Outcomes.Where(o => names[3..].Contains(o.Name)))
        {
            Assert.AreEqual(DiagnosticCatalogue.EndpointUnreachable.Code, notStarted.Error?.Code, report);
            Assert.AreEqual("Nothing was changed. Not done: create.", DeployReport.Steps(notStarted), report);
            StringAssert.Contains(notStarted.ErrorMessage, "stopped answering earlier in this deploy");
        }
        Assert.IsFalse(attempts.Any(a => a.Subject is { } s && names[3..].Contains(s)), "no request was made for a function after the endpoint went away");
        Assert.IsTrue(attempts.Any(a => a.ProgressLine?.StartsWith("mid_f03: CreateFunction: no answer from ", StringComparison.Ordinal) == true),
            "the retry's progress line names the function");
    }

    [TestMethod]
    public async Task The_AWSSDK_clients_report_nothing_listening_as_no_connection_not_as_an_AWS_error()
    {
        var url = ClosedPort();
        var environment = new Dictionary<string, string?>(Aws.Moto.ClientEnvironment) { ["AWS_ENDPOINT_URL"] = url };
        using var aws = AwsClients.Create(null, null, environment.GetValueOrDefault, RetryPolicy.Default, null);

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => aws.Identity.AccountIdAsync(CancellationToken.None));

        Assert.AreEqual(NetworkFailure.NoConnection, error.Network, error.ToString());
        StringAssert.Contains(error.Summary, $"GetCallerIdentity failed: no connection to {url}/ (AWS_ENDPOINT_URL)");
    }

    /// <summary>The task's deploy (<see cref="Lambada.Build.FunctionDeploy"/>) in the test process, with no server behind <paramref name="endpoint"/> unless a test puts one there.</summary>
    private static async Task<DeployResult> DeployAsync(string endpoint, RetryPolicy policy, Action<AwsAttempt>? observer,
        TestPackage? package = null, int parallelism = 4, params FunctionDefinition[] functions)
    {
        var environment = new Dictionary<string, string?>(Aws.Moto.ClientEnvironment) { ["AWS_ENDPOINT_URL"] = endpoint };
        package ??= Aws.Package("network");
        return await InProcessDeploy.RunAsync(environment.GetValueOrDefault, policy, observer, new ListDeployLog(), FaultFixture.Project,
            functions.Length > 0 ? functions : [FaultFixture.Function("net_fn")], package.Path, package.CodeSha256, configure: o => o with { Parallelism = parallelism });
    }

    /// <summary>A loopback port that was just free: a listener bound it and let it go, so a connection is refused.</summary>
    private static string ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    /// <summary>Accepts every connection, reads nothing, answers nothing, and keeps it open until disposed.</summary>
    private sealed class SilentEndpoint : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly ConcurrentBag<TcpClient> _clients = [];
        private readonly Task _accepting;

        public SilentEndpoint()
        {
            _listener.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
            _accepting = Task.Run(async () =>
            {
                try
                {
                    while (true)
                        _clients.Add(await _listener.AcceptTcpClientAsync());
                }
                catch (Exception e) when (e is SocketException or ObjectDisposedException)
                {
                    // Stopped.
                }
            });
        }

        public string Url { get; }
        public int Accepted => _clients.Count;

        public void Dispose()
        {
            _listener.Stop();
            _accepting.Wait(TimeSpan.FromSeconds(5));
            foreach (var client in _clients)
                client.Dispose();
        }
    }
}
