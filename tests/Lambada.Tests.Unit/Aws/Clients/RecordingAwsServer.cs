using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Lambada.Build.Aws;
using Lambada.Build.Aws.Http;
using Lambada.Testing;

namespace Lambada.Tests.Aws.Clients;

/// <summary>One request exactly as it arrived: method, request target as sent (percent-encoding kept), headers, body bytes.</summary>
internal sealed record RecordedRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Path => Target.Split('?')[0];
    public string Query => Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : "";
    public string BodyText => Encoding.UTF8.GetString(Body);
    public string? Header(string name) => Headers.GetValueOrDefault(name);
    public override string ToString() => $"{Method} {Target}";
}

/// <summary>A scripted answer: status, body, and the <c>x-amzn-ErrorType</c> header when set.</summary>
internal sealed record ScriptedAnswer(int Status, string Body = "", string? ErrorType = null)
{
    public static ScriptedAnswer Json(int status, string body) => new(status, body);
}

/// <summary>
/// A loopback HTTP server in the test process on a free 127.0.0.1 port that records every request and answers each with
/// what the constructor's answer function scripts (default: 200 <c>{}</c>). Stands in for AWS to pin down the wire of a client.
/// </summary>
internal sealed class RecordingAwsServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly Func<RecordedRequest, ScriptedAnswer> _answer;
    private readonly Task _serving;

    public RecordingAwsServer(Func<RecordedRequest, ScriptedAnswer>? answer = null)
    {
        _answer = answer ?? (_ => new ScriptedAnswer(200, "{}"));
        Port = FreePort.Next();
        Endpoint = $"http://127.0.0.1:{Port}";
        _listener.Prefixes.Add(Endpoint + "/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }
    public string Endpoint { get; }
    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();
    public RecordedRequest Single => Requests.Count == 1 ? Requests[0] : throw new AssertFailedException($"expected one request, got: {string.Join(", ", Requests)}");

    /// <summary>Dummy keys, us-east-1, every service at this server unless <paramref name="extra"/> says otherwise.</summary>
    public AwsClients Clients(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = Endpoint,
            ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
            ["AWS_SECRET_ACCESS_KEY"] = "secret",
            ["AWS_REGION"] = "us-east-1",
            ["AWS_CONFIG_FILE"] = "/nonexistent/lambada-tests/aws-config",
            ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/lambada-tests/aws-credentials",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
            environment[key] = value;
        return AwsClients.Create(null, null, name => environment.GetValueOrDefault(name), RetryPolicy.Default, null);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            await AnswerAsync(context);
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        using var body = new MemoryStream();
        await request.InputStream.CopyToAsync(body);
        var headers = request.Headers.AllKeys.OfType<string>()
            .ToDictionary(k => k, k => request.Headers[k] ?? "", StringComparer.OrdinalIgnoreCase);
        var recorded = new RecordedRequest(request.HttpMethod, request.RawUrl ?? "", headers, body.ToArray());
        _requests.Enqueue(recorded);
        ScriptedAnswer answer;
        try
        {
            answer = _answer(recorded);
        }
        catch (Exception e)
        {
            answer = new ScriptedAnswer(400, $"{{\"message\":\"script failed: {e.Message}\"}}", "ScriptFailed");
        }
        var response = context.Response;
        response.StatusCode = answer.Status;
        response.ContentType = "application/json";
        if (answer.ErrorType is not null)
            response.Headers["x-amzn-ErrorType"] = answer.ErrorType;
        response.Headers["x-amzn-RequestId"] = "req-" + _requests.Count;
        var bytes = Encoding.UTF8.GetBytes(answer.Body);
        if (bytes.Length > 0)
            await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
