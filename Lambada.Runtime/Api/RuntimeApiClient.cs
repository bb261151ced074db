using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Lambada.Runtime.Api;

/// <summary>
/// The four calls of the Lambda Runtime API. <c>/next</c> has no client timeout: Lambda freezes the
/// sandbox while it is open. No call throws for what the Runtime API does — a refused connection, a status,
/// a body cut short come back as values — only for <c>cancellation</c>.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private static readonly MediaTypeHeaderValue ErrorContentType = new("application/vnd.aws.lambda.error+json");
    private readonly HttpClient _http;
    private readonly Uri _root;
    private readonly Uri _next;

    /// <param name="runtimeApi">The value of <c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c>.</param>
    /// <exception cref="UriFormatException">The value is not a <c>host:port</c>.</exception>
    public RuntimeApiClient(string runtimeApi)
    {
        _root = new Uri($"http://{runtimeApi}/2018-06-01/");
        _next = new Uri(_root, "runtime/invocation/next");
        // The connection is made before Lambda freezes the sandbox on an open /next, so bounding the connect
        // bounds only a Runtime API that has gone away (blackholed rather than refusing).
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(10) }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public string Address => _root.Authority;

    /// <summary>Waits for the next event; <paramref name="clock"/> is read once it has arrived, as a duration deadline counts from then.</summary>
    public async Task<NextAnswer> NextAsync(TimeProvider clock, CancellationToken cancellation = default)
    {
        HttpResponseMessage response;
        try
        {
            // Headers first: the request id is known even when the body then fails.
            response = await _http.GetAsync(_next, HttpCompletionOption.ResponseHeadersRead, cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            return new NextAnswer.Failed($"GET {_next} failed: {Describe(e)}");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
                return new NextAnswer.Failed($"GET {_next} answered {Status(response)}{await BodyExcerptAsync(response, cancellation).ConfigureAwait(false)}");

            var requestId = RuntimeApiHeaders.RequestIdOf(response.Headers);
            byte[] payload;
            try
            {
                payload = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellation.IsCancellationRequested)
            {
                var reason = $"the event could not be read from GET {_next}: {Describe(e)}";
                return requestId is null
                    ? new NextAnswer.Unanswerable($"no {RuntimeApiHeaders.RequestId} header, and {reason}")
                    : new NextAnswer.Unreadable(requestId, reason);
            }

            return requestId is null
                ? new NextAnswer.Unanswerable($"the answer to GET {_next} has no {RuntimeApiHeaders.RequestId} header (a {payload.Length}-byte event; headers: {string.Join(", ", response.Headers.Select(h => h.Key))})")
                : new NextAnswer.Event(RuntimeApiHeaders.ToInvocation(requestId, response.Headers, payload, clock.GetUtcNow()));
        }
    }

    public Task<PostResult> RespondAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellation = default) =>
        PostAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/response", () =>
        {
            var content = new ReadOnlyMemoryContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        }, null, cancellation);

    public Task<PostResult> ReportErrorAsync(string requestId, FunctionError error, CancellationToken cancellation = default) =>
        PostErrorAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellation);

    public Task<PostResult> ReportInitErrorAsync(FunctionError error, CancellationToken cancellation = default) =>
        PostErrorAsync("runtime/init/error", error, cancellation);

    private Task<PostResult> PostErrorAsync(string path, FunctionError error, CancellationToken cancellation) =>
        PostAsync(path, () =>
        {
            var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error.WellFormed(), LambadaJsonContext.Default.FunctionError));
            content.Headers.ContentType = ErrorContentType;
            return content;
        }, AsciiOnly(error.ErrorType), cancellation);

    /// <summary>Everything inside the guard, building the URI and the body too: no post throws into the loop.</summary>
    private async Task<PostResult> PostAsync(string path, Func<HttpContent> body, string? errorType, CancellationToken cancellation)
    {
        var target = path;
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_root, path)) { Content = body() };
            target = request.RequestUri!.ToString();
            if (errorType is not null)
                request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, errorType);
            using var response = await _http.SendAsync(request, cancellation).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? PostResult.Accepted
                : new(response.StatusCode, $"POST {target} answered {Status(response)}{await BodyExcerptAsync(response, cancellation).ConfigureAwait(false)}");
        }
        catch (Exception e) when (!cancellation.IsCancellationRequested)
        {
            return new(null, $"POST {(target.Length <= 300 ? target : target[..300] + "...")} failed: {Describe(e)}");
        }
    }

    private static string Status(HttpResponseMessage response) => $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";

    /// <summary>The start of an error body, which usually says why; empty when there is none or it cannot be read.</summary>
    private static async Task<string> BodyExcerptAsync(HttpResponseMessage response, CancellationToken cancellation)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            body = body.Trim();
            return body.Length == 0 ? "" : ": " + AsciiOnly(body.Length <= 300 ? body : body[..300] + "...");
        }
        catch (Exception) when (!cancellation.IsCancellationRequested)
        {
            return "";
        }
    }

    /// <summary>The exception and its causes in one line: "connection refused" sits in the inner exception.</summary>
    private static string Describe(Exception e)
    {
        var text = new StringBuilder($"{e.GetType().Name}: {e.Message}");
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            text.Append($" ({inner.GetType().Name}: {inner.Message})");
        return text.ToString();
    }

    // Non-ASCII header values have crashed runtimes before (aws-lambda-dotnet#1231).
    private static string AsciiOnly(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        return builder.ToString();
    }

    public void Dispose() => _http.Dispose();
}
