using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Lambada.Runtime.Api;

/// <summary>
/// The four calls of the Lambda Runtime API. <c>/next</c> has no client timeout: Lambda freezes the
/// sandbox while it is open.
/// </summary>
internal sealed class RuntimeApiClient : IDisposable
{
    private static readonly MediaTypeHeaderValue ErrorContentType = new("application/vnd.aws.lambda.error+json");
    private readonly HttpClient http;
    private readonly Uri root;
    private readonly Uri next;

    /// <param name="runtimeApi">The value of <c>AWS_LAMBDA_RUNTIME_API</c>: <c>host:port</c>.</param>
    public RuntimeApiClient(string runtimeApi)
    {
        http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
        root = new Uri($"http://{runtimeApi}/2018-06-01/");
        next = new Uri(root, "runtime/invocation/next");
    }

    public async Task<Invocation> NextAsync(CancellationToken cancellation = default)
    {
        using var response = await http.GetAsync(next, cancellation).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var payload = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
        return RuntimeApiHeaders.ToInvocation(response.Headers, payload, DateTimeOffset.UtcNow);
    }

    /// <returns>false when the Runtime API refused the response as too large (413).</returns>
    public async Task<bool> RespondAsync(string requestId, ReadOnlyMemory<byte> body, CancellationToken cancellation = default)
    {
        using var content = new ReadOnlyMemoryContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri(root, $"runtime/invocation/{Uri.EscapeDataString(requestId)}/response"), content, cancellation).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge)
            return false;
        response.EnsureSuccessStatusCode();
        return true;
    }

    public Task ReportErrorAsync(string requestId, FunctionError error, CancellationToken cancellation = default) =>
        PostErrorAsync($"runtime/invocation/{Uri.EscapeDataString(requestId)}/error", error, cancellation);

    public Task ReportInitErrorAsync(FunctionError error, CancellationToken cancellation = default) =>
        PostErrorAsync("runtime/init/error", error, cancellation);

    private async Task PostErrorAsync(string path, FunctionError error, CancellationToken cancellation)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(error, LambadaJsonContext.Default.FunctionError));
        content.Headers.ContentType = ErrorContentType;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(root, path)) { Content = content };
        request.Headers.TryAddWithoutValidation(RuntimeApiHeaders.FunctionErrorType, AsciiOnly(error.ErrorType));
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    // Non-ASCII header values have crashed runtimes before (aws-lambda-dotnet#1231).
    private static string AsciiOnly(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        return builder.ToString();
    }

    public void Dispose() => http.Dispose();
}
