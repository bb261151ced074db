using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Signing;

namespace Lambada.Build.Aws.Http;

/// <summary>
/// Signs, sends and retries AWS API calls; a failure ends as one <see cref="AwsServiceException"/>. Each attempt is
/// bounded by <see cref="NetworkLimits"/>; an endpoint that gave no connection or no answer is remembered in
/// <see cref="Circuit"/>, so the calls after it fail at once.
/// </summary>
internal sealed class AwsHttpClient(
    HttpClient http,
    Func<CancellationToken, Task<AwsCredentials>> credentials,
    Func<AwsService, AwsEndpoint> endpoints,
    RetryPolicy policy)
{
    public const string ConnectionFailedCode = "ConnectionFailed";
    public const string NoAnswerCode = "NoAnswer";
    public const string UnreachableCode = "EndpointUnreachable";
    private static readonly string UserAgent = $"lambada/{typeof(AwsHttpClient).Assembly.GetName().Version?.ToString(3)}";

    private int _requests;
    private int _mutatingRequests;

    /// <summary>The handler every AwsHttpClient should send through: the connect timeout of <paramref name="limits"/>, no overall
    /// HttpClient timeout (each attempt has its own, sized from its body).</summary>
    public static HttpClient CreateHttpClient(NetworkLimits limits) =>
        new(new SocketsHttpHandler { ConnectTimeout = limits.ConnectTimeout })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>Called after every attempt, from the thread that made it.</summary>
    public Action<AwsAttempt>? Observer { get; init; }

    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    /// <summary>How a retry waits; tests replace it to count the planned waits without spending them.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    public EndpointCircuit Circuit { get; init; } = new();

    public int Requests => Volatile.Read(ref _requests);
    public int MutatingRequests => Volatile.Read(ref _mutatingRequests);

    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken cancellation)
    {
        var endpoint = endpoints(request.Service);
        var limits = policy.Network;
        var started = DateTime.UtcNow;
        var networkSpent = TimeSpan.Zero;
        var networkFailures = 0;
        var noAnswers = 0;
        AwsServiceException? lostAnswer = null;
        for (var attempt = 1; ; attempt++)
        {
            if (Circuit.Cause(endpoint.BaseUri) is { } cause)
                throw Unreachable(request, endpoint, cause, attempt - 1, sentWithoutAnswer: noAnswers > 0);
            var clock = Stopwatch.StartNew();
            var (response, error) = await AttemptAsync(request, endpoint, cancellation).ConfigureAwait(false);
            if (error is null)
            {
                Report(new AwsAttempt(request.Operation, request.Mutates, attempt, response!.StatusCode, null, null));
                return response!;
            }
            error.Attempts = attempt;
            var kind = RetryPolicy.Classify(error);
            TimeSpan? retryIn;
            switch (kind)
            {
                case FailureKind.Permanent:
                    retryIn = null;
                    break;
                case FailureKind.NoConnection:
                    networkSpent += clock.Elapsed;
                    retryIn = limits.DelayAfter(++networkFailures);
                    if (networkSpent + retryIn > limits.ConnectionBudget)
                        retryIn = null;
                    else
                        networkSpent += retryIn.Value;
                    break;
                case FailureKind.NoAnswer:
                    lostAnswer ??= error;
                    retryIn = ++noAnswers < limits.NoAnswerAttempts ? limits.DelayAfter(++networkFailures) : null;
                    break;
                default:
                    retryIn = policy.Delay(attempt, error.RetryAfter, Random.Shared.NextDouble());
                    var deadline = kind == FailureKind.RoleNotAssumableYet ? policy.RolePropagationDeadline : policy.Deadline;
                    if (attempt >= policy.MaxAttempts || DateTime.UtcNow - started + retryIn > deadline)
                        retryIn = null;
                    break;
            }
            Report(new AwsAttempt(request.Operation, request.Mutates, attempt, response?.StatusCode, error, retryIn));
            if (retryIn is null)
            {
                if (kind is FailureKind.NoConnection or FailureKind.NoAnswer)
                    Circuit.Open(endpoint.BaseUri, error);
                throw kind == FailureKind.NoConnection && lostAnswer is not null ? AnswerLostThen(lostAnswer, error) : error;
            }
            await Delay(retryIn.Value, cancellation).ConfigureAwait(false);
        }
    }

    private void Report(AwsAttempt attempt) => Observer?.Invoke(attempt with { Subject = RequestSubject.Current });

    /// <summary>Either the successful response (and no error) or the error, with the response when there was one.</summary>
    private async Task<(AwsResponse? Response, AwsServiceException? Error)> AttemptAsync(AwsRequest request, AwsEndpoint endpoint, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _requests);
        if (request.Mutates)
            Interlocked.Increment(ref _mutatingRequests);
        var timeout = policy.Network.AttemptTimeoutFor(request.Body.Length);
        using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        attemptTimeout.CancelAfter(timeout);
        try
        {
            using var message = await BuildAsync(request, endpoint, cancellation).ConfigureAwait(false);
            using var reply = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attemptTimeout.Token).ConfigureAwait(false);
            var body = await reply.Content.ReadAsByteArrayAsync(attemptTimeout.Token).ConfigureAwait(false);
            var headers = reply.Headers.Concat(reply.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var response = new AwsResponse((int)reply.StatusCode, body, headers);
            return reply.IsSuccessStatusCode ? (response, null) : (response, AwsErrorParser.Parse(request.Operation, response));
        }
        catch (OperationCanceledException) when (attemptTimeout.IsCancellationRequested && !cancellation.IsCancellationRequested)
        {
            return (null, Failure(request, endpoint, NetworkFailure.NoAnswer,
                $"no answer within {timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"));
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            var kind = NeverSent(e) ? NetworkFailure.NoConnection : NetworkFailure.NoAnswer;
            return (null, Failure(request, endpoint, kind, Reason(e)));
        }
    }

    /// <summary>
    /// Whether the exception proves the request never left: the connection was refused, the name did not resolve, TLS
    /// failed, or the connect timeout passed (SocketsHttpHandler reports that as a cancellation with a TimeoutException inside).
    /// Anything else may have reached the server.
    /// </summary>
    public static bool NeverSent(Exception e) => e switch
    {
        HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => true,
        HttpRequestException { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData or SocketError.HostUnreachable or SocketError.NetworkUnreachable } } => true,
        TaskCanceledException { InnerException: TimeoutException } => true,
        _ => false,
    };

    /// <summary>
    /// HttpClient's own message names the failure and the host, except "an error occurred while sending", whose inner
    /// exception says what (a reset); a cancellation's says only "canceled", its inner one why.
    /// </summary>
    private static string Reason(Exception e)
    {
        var message = e.Message.TrimEnd('.');
        if (e.InnerException is not { Message.Length: > 0 } inner || e.Message.Contains(inner.Message.TrimEnd('.'), StringComparison.Ordinal))
            return message;
        return e is OperationCanceledException ? inner.Message.TrimEnd('.') : $"{message}: {inner.Message.TrimEnd('.')}";
    }

    private static AwsServiceException Failure(AwsRequest request, AwsEndpoint endpoint, NetworkFailure kind, string reason) =>
        new(request.Operation, kind == NetworkFailure.NoConnection ? ConnectionFailedCode : NoAnswerCode, reason, 0, null)
        {
            Network = kind,
            Endpoint = endpoint.Description,
            Mutates = request.Mutates,
        };

    /// <summary>An earlier attempt was sent and never answered, the later ones found no connection: what AWS did stays unknown.</summary>
    private static AwsServiceException AnswerLostThen(AwsServiceException lost, AwsServiceException last) =>
        new(last.Operation, NoAnswerCode, $"{lost.AwsMessage}; then no connection: {last.AwsMessage}", 0, null)
        {
            Network = NetworkFailure.NoAnswer,
            Endpoint = last.Endpoint,
            Mutates = last.Mutates,
            Attempts = last.Attempts,
        };

    private static AwsServiceException Unreachable(AwsRequest request, AwsEndpoint endpoint, AwsServiceException cause, int attempts, bool sentWithoutAnswer) =>
        new(request.Operation, UnreachableCode,
            $"{endpoint.Description} stopped answering earlier in this deploy ({cause.Operation}: {(cause.Network == NetworkFailure.NoConnection ? "no connection" : "no answer")})",
            0, null)
        {
            // An earlier attempt of this very request that was sent and not answered leaves its outcome unknown.
            Network = sentWithoutAnswer ? NetworkFailure.NoAnswer : NetworkFailure.Unreachable,
            Endpoint = endpoint.Description,
            Mutates = request.Mutates,
            Attempts = Math.Max(attempts, 1),
        };

    private async Task<HttpRequestMessage> BuildAsync(AwsRequest request, AwsEndpoint endpoint, CancellationToken cancellation)
    {
        var basePath = endpoint.BaseUri.AbsolutePath.TrimEnd('/');
        var uri = new Uri($"{endpoint.BaseUri.GetLeftPart(UriPartial.Authority)}{basePath}{request.Path}{(request.Query.Length > 0 ? "?" + request.Query : "")}");
        var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        var signed = new List<KeyValuePair<string, string>>(request.Headers);
        if (request.Body.Length > 0 || request.Method is "POST" or "PUT")
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                signed.Add(new("Content-Type", contentType));
            }
        }
        foreach (var header in request.Headers)
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);

        var keys = await credentials(cancellation).ConfigureAwait(false);
        var signable = new SignableRequest(request.Method, uri.Authority, uri.AbsolutePath, uri.Query.TrimStart('?'), signed, request.Body);
        foreach (var header in SigV4Signer.Sign(signable, keys, endpoint.SigningRegion, request.Service.SigningName, UtcNow()))
            message.Headers.TryAddWithoutValidation(header.Key, header.Value);
        message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        return message;
    }
}
