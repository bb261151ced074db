using System.Net;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Signing;

namespace Lambada.Tests.Aws.Http;

/// <summary>The send loop against scripted answers: how many attempts it makes, what it reports, and when it gives up.</summary>
[TestClass]
public sealed class AwsHttpClientRetryTests
{
    private static readonly RetryPolicy Fast = new(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(30), 4)
    {
        Network = NetworkLimits.Default with { RetryDelay = TimeSpan.FromMilliseconds(1), MaxRetryDelay = TimeSpan.FromMilliseconds(5) },
    };

    [TestMethod]
    public async Task A_transient_error_is_retried_until_MaxAttempts_and_then_thrown()
    {
        var (client, handler, attempts) = Client(Fast, _ => Answer(503, "ServiceUnavailable"));

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => client.SendAsync(Request(mutates: true), CancellationToken.None));

        Assert.AreEqual("ServiceUnavailable", error.Code);
        Assert.AreEqual(4, handler.Calls);
        Assert.AreEqual((4, 4), (client.Requests, client.MutatingRequests));
        CollectionAssert.AreEqual(new[] { 1, 2, 3, 4 }, attempts.Select(a => a.Attempt).ToArray());
        CollectionAssert.AreEqual(new[] { true, true, true, false }, attempts.Select(a => a.RetryIn is not null).ToArray());
    }

    [TestMethod]
    [DataRow(400, "ValidationException")]
    [DataRow(404, "ResourceNotFoundException")]
    [DataRow(412, "PreconditionFailedException")]
    [DataRow(413, "RequestEntityTooLargeException")]
    public async Task A_permanent_error_is_thrown_after_one_attempt(int status, string code)
    {
        var (client, handler, attempts) = Client(Fast, _ => Answer(status, code));

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => client.SendAsync(Request(), CancellationToken.None));

        Assert.AreEqual(code, error.Code);
        Assert.AreEqual(1, handler.Calls);
        Assert.IsNull(attempts.Single().RetryIn);
    }

    [TestMethod]
    public async Task A_connection_lost_before_the_answer_is_retried_and_the_next_answer_returned()
    {
        var (client, handler, attempts) = Client(Fast, call => call == 1 ? throw new HttpRequestException("reset by peer") : Answer(200, null));

        var response = await client.SendAsync(Request(), CancellationToken.None);

        Assert.AreEqual(200, response.StatusCode);
        Assert.AreEqual(2, handler.Calls);
        Assert.AreEqual(AwsHttpClient.NoAnswerCode, attempts[0].Error!.Code);
        Assert.AreEqual(NetworkFailure.NoAnswer, attempts[0].Error!.Network);
        Assert.IsNull(attempts[1].Error);
    }

    [TestMethod]
    public async Task A_Retry_After_beyond_the_deadline_is_not_waited_for()
    {
        var shortDeadline = Fast with { Deadline = TimeSpan.FromSeconds(2) };
        var (client, handler, attempts) = Client(shortDeadline, _ => Answer(429, "TooManyRequestsException", retryAfter: 60));

        var error = await Assert.ThrowsExactlyAsync<AwsServiceException>(() => client.SendAsync(Request(), CancellationToken.None));

        Assert.AreEqual(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.AreEqual(1, handler.Calls);
        Assert.IsNull(attempts.Single().RetryIn);
    }

    [TestMethod]
    public async Task A_role_that_cannot_be_assumed_is_retried_only_within_its_own_shorter_deadline()
    {
        var noRoleGrace = Fast with { RolePropagationDeadline = TimeSpan.Zero };
        var (roleClient, roleHandler, _) = Client(noRoleGrace, _ => Answer(400, "InvalidParameterValueException", message: "The role defined for the function cannot be assumed by Lambda."));
        var (throttledClient, throttledHandler, _) = Client(noRoleGrace, _ => Answer(429, "TooManyRequestsException"));

        await Assert.ThrowsExactlyAsync<AwsServiceException>(() => roleClient.SendAsync(Request(), CancellationToken.None));
        await Assert.ThrowsExactlyAsync<AwsServiceException>(() => throttledClient.SendAsync(Request(), CancellationToken.None));

        Assert.AreEqual(1, roleHandler.Calls);
        Assert.AreEqual(4, throttledHandler.Calls, "the general deadline still applies to throttling");
    }

    [TestMethod]
    public async Task A_cancelled_send_is_not_reported_as_a_connection_failure()
    {
        using var cancel = new CancellationTokenSource();
        var (client, handler, _) = Client(Fast, _ => { cancel.Cancel(); throw new TaskCanceledException(); });

        await Assert.ThrowsAsync<OperationCanceledException>(() => client.SendAsync(Request(), cancel.Token));

        Assert.AreEqual(1, handler.Calls);
    }

    private static AwsRequest Request(bool mutates = false) => new("GetFunction", AwsService.Lambda, "GET", "/2015-03-31/functions/f") { Mutates = mutates };

    private static HttpResponseMessage Answer(int status, string? code, int? retryAfter = null, string? message = null)
    {
        var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(code is null ? "{}" : $$"""{"message":"{{message ?? code + " happened"}}"}""") };
        if (code is not null)
            response.Headers.TryAddWithoutValidation("x-amzn-ErrorType", code);
        if (retryAfter is { } seconds)
            response.Headers.TryAddWithoutValidation("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return response;
    }

    private static (AwsHttpClient Client, ScriptedHandler Handler, List<AwsAttempt> Attempts) Client(RetryPolicy policy, Func<int, HttpResponseMessage> answer)
    {
        var handler = new ScriptedHandler(answer);
        var attempts = new List<AwsAttempt>();
        var endpoint = new AwsEndpoint(new Uri("http://127.0.0.1:9/"), "us-east-1", IsOverridden: true);
        var client = new AwsHttpClient(new HttpClient(handler), _ => Task.FromResult(new AwsCredentials("AKIDEXAMPLE", "secret", null)), _ => endpoint, policy)
        {
            Observer = attempts.Add,
        };
        return (client, handler, attempts);
    }

    private sealed class ScriptedHandler(Func<int, HttpResponseMessage> answer) : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(++Calls));
    }
}
