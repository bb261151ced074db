using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Signing;

namespace Lambada.Build.Aws.Http;

/// <summary>Signs, sends and retries AWS API calls; a failure ends as one <see cref="AwsServiceException"/>.</summary>
public sealed class AwsHttpClient(
    HttpClient http,
    Func<CancellationToken, Task<AwsCredentials>> credentials,
    Func<AwsService, AwsEndpoint> endpoints,
    RetryPolicy policy)
{
    public const string ConnectionFailedCode = "ConnectionFailed";
    private static readonly string UserAgent = $"lambada/{typeof(AwsHttpClient).Assembly.GetName().Version?.ToString(3)}";

    private int _requests;
    private int _mutatingRequests;

    /// <summary>Called after every attempt, from the thread that made it.</summary>
    public Action<AwsAttempt>? Observer { get; init; }

    public Func<DateTime> UtcNow { get; init; } = () => DateTime.UtcNow;

    public int Requests => Volatile.Read(ref _requests);
    public int MutatingRequests => Volatile.Read(ref _mutatingRequests);

    public async Task<AwsResponse> SendAsync(AwsRequest request, CancellationToken cancellation)
    {
        var started = DateTime.UtcNow;
        for (var attempt = 1; ; attempt++)
        {
            var (response, error) = await AttemptAsync(request, cancellation).ConfigureAwait(false);
            if (error is null)
            {
                Observer?.Invoke(new AwsAttempt(request.Operation, request.Mutates, attempt, response!.StatusCode, null, null));
                return response!;
            }
            var kind = RetryPolicy.Classify(error);
            var retryIn = kind == FailureKind.Permanent
                ? (TimeSpan?)null
                : policy.Delay(attempt, error.RetryAfter, Random.Shared.NextDouble());
            var deadline = kind == FailureKind.RoleNotAssumableYet ? policy.RolePropagationDeadline : policy.Deadline;
            if (retryIn is { } wait && (attempt >= policy.MaxAttempts || DateTime.UtcNow - started + wait > deadline))
                retryIn = null;
            Observer?.Invoke(new AwsAttempt(request.Operation, request.Mutates, attempt, response?.StatusCode, error, retryIn));
            if (retryIn is null)
                throw error;
            await Task.Delay(retryIn.Value, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>Either the successful response (and no error) or the error, with the response when there was one.</summary>
    private async Task<(AwsResponse? Response, AwsServiceException? Error)> AttemptAsync(AwsRequest request, CancellationToken cancellation)
    {
        Interlocked.Increment(ref _requests);
        if (request.Mutates)
            Interlocked.Increment(ref _mutatingRequests);
        try
        {
            using var message = await BuildAsync(request, cancellation).ConfigureAwait(false);
            using var reply = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellation).ConfigureAwait(false);
            var body = await reply.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
            var headers = reply.Headers.Concat(reply.Content.Headers)
                .ToDictionary(h => h.Key, h => string.Join(",", h.Value), StringComparer.OrdinalIgnoreCase);
            var response = new AwsResponse((int)reply.StatusCode, body, headers);
            return reply.IsSuccessStatusCode ? (response, null) : (response, AwsErrorParser.Parse(request.Operation, response));
        }
        catch (Exception e) when (e is HttpRequestException or IOException || (e is TaskCanceledException && !cancellation.IsCancellationRequested))
        {
            return (null, new AwsServiceException(request.Operation, ConnectionFailedCode, e.Message, 0, null));
        }
    }

    private async Task<HttpRequestMessage> BuildAsync(AwsRequest request, CancellationToken cancellation)
    {
        var endpoint = endpoints(request.Service);
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
