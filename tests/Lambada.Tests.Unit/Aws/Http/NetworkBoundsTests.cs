using System.Net;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Signing;

namespace Lambada.Tests.Aws.Http;

/// <summary>
/// The network limits of the send loop against scripted failures: how a request that got no connection, no answer, or
/// met an endpoint that already failed is retried, what it reports, and what the waits add up to (counted, not spent).
/// </summary>
[TestClass]
public sealed class NetworkBoundsTests
{
    private static readonly AwsEndpoint Endpoint = new(new Uri("http://127.0.0.1:9/"), "us-east-1", IsOverridden: true) { Source = "AWS_ENDPOINT_URL" };

    [TestMethod]
    public async Task A_refused_connection_is_retried_within_the_connection_budget_with_the_default_limits()
    {
        var run = new Run(RetryPolicy.Default, (_, _) => throw Refused());

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => run.Client.SendAsync(Request(), CancellationToken.None));

        Assert.AreEqual(NetworkFailure.NoConnection, error.Network);
        Assert.AreEqual(AwsHttpClient.ConnectionFailedCode, error.Code);
        CollectionAssert.AreEqual(new[] { 1.0, 2.0, 4.0 }, run.Waits.Select(w => w.TotalSeconds).ToArray(), "1 s doubling, while the 10 s budget lasts");
        Assert.AreEqual(4, run.Calls);
        Assert.AreEqual(4, error.Attempts);
        Assert.IsTrue(run.Waits.Aggregate(TimeSpan.Zero, (a, w) => a + w) < NetworkLimits.Default.ConnectionBudget);
        Assert.AreEqual("GetFunction failed: no connection to http://127.0.0.1:9/ (AWS_ENDPOINT_URL): Connection refused (4 attempts); the request was not sent", error.Summary);
    }

    [TestMethod]
    public void The_default_limits_keep_a_refused_endpoint_under_30_s_and_a_silent_one_under_2_minutes()
    {
        var limits = NetworkLimits.Default;
        // Worst case of a refused / unresolvable endpoint: the budget spent, then one last attempt that waits out the connect timeout.
        Assert.IsTrue(limits.ConnectionBudget + limits.ConnectTimeout < TimeSpan.FromSeconds(30));
        // A silent endpoint: every attempt waits out its timeout, with the waits between.
        var silent = limits.AttemptTimeout * limits.NoAnswerAttempts + Enumerable.Range(1, limits.NoAnswerAttempts - 1).Aggregate(TimeSpan.Zero, (a, n) => a + limits.DelayAfter(n));
        Assert.IsTrue(silent < TimeSpan.FromMinutes(2), silent.ToString());
    }

    [TestMethod]
    public void A_code_upload_gets_a_longer_attempt_timeout_sized_from_its_body()
    {
        var limits = NetworkLimits.Default;

        Assert.AreEqual(TimeSpan.FromSeconds(50), limits.AttemptTimeoutFor(0));
        Assert.AreEqual(TimeSpan.FromSeconds(50 + 100), limits.AttemptTimeoutFor(50L * 1024 * 1024), "2 s per MB");
    }

    [TestMethod]
    public async Task An_attempt_that_gets_no_answer_times_out_and_is_tried_once_more()
    {
        var limits = NetworkLimits.Default with { AttemptTimeout = TimeSpan.FromMilliseconds(100), UploadBytesPerSecond = 1024 * 1024 };
        var run = new Run(RetryPolicy.Default with { Network = limits }, Silent);

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() =>
            run.Client.SendAsync(Request(mutates: true) with { Body = new byte[1024 * 1024] }, CancellationToken.None));

        Assert.AreEqual(NetworkFailure.NoAnswer, error.Network);
        Assert.AreEqual(2, run.Calls);
        Assert.IsTrue(error.OutcomeUnknown);
        StringAssert.Contains(error.Summary, "no answer from http://127.0.0.1:9/ (AWS_ENDPOINT_URL): no answer within 1.1 s (2 attempts)", "0.1 s plus 1 s for the 1 MB body");
        StringAssert.Contains(error.Summary, "AWS may or may not have carried it out");
    }

    [TestMethod]
    public async Task A_request_whose_answer_was_lost_and_then_found_no_connection_stays_unknown()
    {
        var run = new Run(RetryPolicy.Default, (call, _) => throw (call == 1 ? new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely.") : Refused()));

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => run.Client.SendAsync(Request(mutates: true), CancellationToken.None));

        Assert.AreEqual(NetworkFailure.NoAnswer, error.Network);
        Assert.IsTrue(error.OutcomeUnknown);
        StringAssert.Contains(error.AwsMessage, "then no connection: Connection refused");
    }

    [TestMethod]
    public async Task Once_an_endpoint_failed_a_request_the_next_request_to_it_is_not_sent()
    {
        var run = new Run(RetryPolicy.Default, (_, _) => throw Refused());
        await Assert.ThrowsExactlyAsync<AwsServiceException>(() => run.Client.SendAsync(Request(), CancellationToken.None));
        var callsBefore = run.Calls;

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => run.Client.SendAsync(Request(mutates: true), CancellationToken.None));

        Assert.AreEqual(callsBefore, run.Calls);
        Assert.AreEqual(NetworkFailure.Unreachable, error.Network);
        Assert.IsFalse(error.OutcomeUnknown);
        Assert.AreEqual("GetFunction not sent: http://127.0.0.1:9/ (AWS_ENDPOINT_URL) stopped answering earlier in this deploy (GetFunction: no connection)", error.Summary);
    }

    [TestMethod]
    public async Task Each_retry_reports_one_progress_line_with_function_operation_reason_and_wait()
    {
        var run = new Run(RetryPolicy.Default, (call, _) => call == 1 ? throw Refused() : Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") }));

        using (RequestSubject.Use("lb_x"))
            await run.Client.SendAsync(Request(), CancellationToken.None);

        Assert.AreEqual("lb_x: GetFunction: no connection to http://127.0.0.1:9/ (AWS_ENDPOINT_URL): Connection refused; next attempt in 1.0 s (attempt 2)",
            run.Attempts[0].ProgressLine);
        Assert.IsNull(run.Attempts[1].ProgressLine, "a success is no progress line");
        Assert.IsNull(RequestSubject.Current, "the scope ends with its using");
    }

    [TestMethod]
    [DataRow(HttpRequestError.ConnectionError, true)]
    [DataRow(HttpRequestError.NameResolutionError, true)]
    [DataRow(HttpRequestError.SecureConnectionError, true)]
    [DataRow(HttpRequestError.ResponseEnded, false)]
    [DataRow(HttpRequestError.InvalidResponse, false)]
    [DataRow(HttpRequestError.Unknown, false)]
    public void Only_a_failure_to_connect_proves_the_request_was_never_sent(HttpRequestError kind, bool neverSent) =>
        Assert.AreEqual(neverSent, AwsHttpClient.NeverSent(new HttpRequestException(kind, "x")));

    [TestMethod]
    public void A_connect_timeout_counts_as_no_connection() =>
        Assert.IsTrue(AwsHttpClient.NeverSent(new TaskCanceledException("connect", new TimeoutException("A connection could not be established within 10 seconds."))));

    [TestMethod]
    [DataRow("AWS_ENDPOINT_URL_LAMBDA", "AWS_ENDPOINT_URL_LAMBDA")]
    [DataRow("AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL")]
    [DataRow(null, "default endpoint for region eu-west-1")]
    public void An_endpoint_says_where_it_came_from(string? variable, string source)
    {
        var endpoint = EndpointResolver.Resolve(AwsService.Lambda, "eu-west-1", name => name == variable ? "http://localhost:4566" : null);

        Assert.AreEqual(source, endpoint.Source);
        StringAssert.EndsWith(endpoint.Description, $" ({source})");
    }

    private static HttpRequestException Refused() =>
        new(HttpRequestError.ConnectionError, "Connection refused", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

    private static async Task<HttpResponseMessage> Silent(int call, CancellationToken cancellation)
    {
        await Task.Delay(Timeout.Infinite, cancellation);
        throw new InvalidOperationException("unreachable");
    }

    private static AwsRequest Request(bool mutates = false) => new("GetFunction", AwsService.Lambda, "GET", "/2015-03-31/functions/f") { Mutates = mutates };

    /// <summary>A client over a scripted handler whose retry waits are recorded instead of spent.</summary>
    private sealed class Run
    {
        private readonly Handler _handler;

        public Run(RetryPolicy policy, Func<int, CancellationToken, Task<HttpResponseMessage>> answer)
        {
            _handler = new Handler(answer);
            Client = new AwsHttpClient(new HttpClient(_handler), _ => Task.FromResult(new AwsCredentials("AKIDEXAMPLE", "secret", null)), _ => Endpoint, policy)
            {
                Observer = Attempts.Add,
                Delay = (wait, _) => { Waits.Add(wait); return Task.CompletedTask; },
            };
        }

        public AwsHttpClient Client { get; }
        public List<AwsAttempt> Attempts { get; } = [];
        public List<TimeSpan> Waits { get; } = [];
        public int Calls => _handler.Calls;
    }

    private sealed class Handler(Func<int, CancellationToken, Task<HttpResponseMessage>> answer) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            answer(++Calls, cancellationToken);
    }
}
