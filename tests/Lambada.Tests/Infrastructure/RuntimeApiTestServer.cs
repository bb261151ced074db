using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Lambada.Testing;

/// <summary>
/// A Runtime API written for the tests, on a free 127.0.0.1 port: it hands out queued events on
/// <c>/next</c> with the headers Lambda sends, and records every response and error the runtime posts.
/// Like Lambda it answers 413 to a response over 6 MB.
/// </summary>
public sealed class RuntimeApiTestServer : IDisposable
{
    private readonly int maxResponseBytes;
    private readonly HttpListener listener = new();
    private readonly Channel<QueuedEvent> events = Channel.CreateUnbounded<QueuedEvent>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Outcome>> outcomes = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    /// <param name="maxResponseBytes">Lambda's limit is 6 MB; a lower one lets a test meet the 413 path.</param>
    public RuntimeApiTestServer(int maxResponseBytes = 6 * 1024 * 1024)
    {
        this.maxResponseBytes = maxResponseBytes;
        Port = FreePort();
        listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        listener.Start();
        serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Posted to <c>/runtime/init/error</c>, if anything was.</summary>
    public TaskCompletionSource<Outcome> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Queues an event; the task completes with what the runtime answered.</summary>
    public Task<Outcome> Enqueue(string payload, TimeSpan? deadlineIn = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var requestId = Guid.NewGuid().ToString();
        var outcome = outcomes.GetOrAdd(requestId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        var deadline = DateTimeOffset.UtcNow + (deadlineIn ?? TimeSpan.FromSeconds(30));
        events.Writer.TryWrite(new QueuedEvent(requestId, payload, deadline, headers ?? new Dictionary<string, string>()));
        return outcome.Task;
    }

    private async Task ServeAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception) when (stop.IsCancellationRequested) { return; }
            catch (HttpListenerException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var path = context.Request.Url!.AbsolutePath;
        var response = context.Response;
        try
        {
            if (context.Request.HttpMethod == "GET" && path == "/2018-06-01/runtime/invocation/next")
            {
                var next = await events.Reader.ReadAsync(stop.Token);
                response.Headers["Lambda-Runtime-Aws-Request-Id"] = next.RequestId;
                response.Headers["Lambda-Runtime-Deadline-Ms"] = next.Deadline.ToUnixTimeMilliseconds().ToString();
                response.Headers["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:test";
                response.Headers["Lambda-Runtime-Trace-Id"] = $"Root=1-{next.RequestId[..8]}";
                foreach (var (key, value) in next.Headers)
                    response.Headers[key] = value;
                await Write(response, 200, System.Text.Encoding.UTF8.GetBytes(next.Payload));
                return;
            }

            var body = await ReadAll(context.Request.InputStream);
            var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (context.Request.HttpMethod == "POST" && path == "/2018-06-01/runtime/init/error")
            {
                InitError.TrySetResult(new Outcome(OutcomeKind.InitError, body, context.Request.Headers["Lambda-Runtime-Function-Error-Type"], context.Request.ContentType));
                await Write(response, 202, []);
                return;
            }
            if (context.Request.HttpMethod == "POST" && segments is ["2018-06-01", "runtime", "invocation", var id, var kind] && outcomes.TryGetValue(id, out var outcome))
            {
                if (kind == "response" && body.Length > maxResponseBytes)
                {
                    await Write(response, 413, "{\"errorMessage\":\"Exceeded maximum allowed payload size\"}"u8.ToArray());
                    return;
                }
                var errorType = context.Request.Headers["Lambda-Runtime-Function-Error-Type"];
                outcome.TrySetResult(new Outcome(kind == "response" ? OutcomeKind.Response : OutcomeKind.Error, body, errorType, context.Request.ContentType));
                await Write(response, 202, "{\"status\":\"OK\"}"u8.ToArray());
                return;
            }
            await Write(response, 404, []);
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            response.Abort();
        }
    }

    private static async Task<byte[]> ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private static async Task Write(HttpListenerResponse response, int status, byte[] body)
    {
        response.StatusCode = status;
        response.ContentLength64 = body.Length;
        await response.OutputStream.WriteAsync(body);
        response.Close();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    /// <summary>
    /// Starts a packaged function as Lambda would — <paramref name="start"/> with <c>AWS_LAMBDA_RUNTIME_API</c> pointing at
    /// a fresh server and <c>LAMBADA_HANDLER</c> set — hands it <paramref name="payloads"/> one after another, then kills it.
    /// </summary>
    public static Outcome[] ServeProcess(ProcessStartInfo start, string handler, TimeSpan timeout, params string[] payloads)
    {
        using var server = new RuntimeApiTestServer();
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = server.Address;
        start.Environment["LAMBADA_HANDLER"] = handler;
        using var process = Process.Start(start)!;
        try
        {
            return payloads.Select(p => server.Enqueue(p).WaitAsync(timeout).GetAwaiter().GetResult()).ToArray();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Close();
        try { serving.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private sealed record QueuedEvent(string RequestId, string Payload, DateTimeOffset Deadline, IReadOnlyDictionary<string, string> Headers);
}

public enum OutcomeKind { Response, Error, InitError }

/// <summary>What the runtime posted for one invocation.</summary>
public sealed record Outcome(OutcomeKind Kind, byte[] Body, string? ErrorType, string? ContentType)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
