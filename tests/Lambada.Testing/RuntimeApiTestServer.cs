using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Threading.Channels;

namespace Lambada.Testing;

/// <summary>
/// A Runtime API written for the tests, on a free 127.0.0.1 port: it hands out queued events on
/// <c>/next</c> with the headers Lambda sends (or, for a test of bad input, exactly the answer the test shaped),
/// and records every response and error the runtime posts. Like Lambda it answers 413 to a response over 6 MB.
/// </summary>
internal sealed class RuntimeApiTestServer : IDisposable
{
    private readonly int _maxResponseBytes;
    private readonly HttpListener _listener = new();
    private readonly Channel<QueuedEvent> _events = Channel.CreateUnbounded<QueuedEvent>();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Outcome>> _outcomes = new();
    private readonly ConcurrentDictionary<string, int> _refusedResponses = new();
    private readonly ConcurrentQueue<string> _posts = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;
    private int _nextRequests;

    /// <param name="maxResponseBytes">Lambda's limit is 6 MB; a lower one lets a test meet the 413 path.</param>
    public RuntimeApiTestServer(int maxResponseBytes = 6 * 1024 * 1024)
    {
        _maxResponseBytes = maxResponseBytes;
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    /// <summary>The value of <c>AWS_LAMBDA_RUNTIME_API</c>.</summary>
    public string Address => $"127.0.0.1:{Port}";

    /// <summary>Posted to <c>/runtime/init/error</c>, if anything was.</summary>
    public TaskCompletionSource<Outcome> InitError { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many <c>GET /next</c> requests have arrived.</summary>
    public int NextRequests => Volatile.Read(ref _nextRequests);

    /// <summary>The path of every POST the runtime made to an invocation (response or error, any request id), in order.</summary>
    public IReadOnlyList<string> Posts => _posts.ToArray();

    /// <summary>Queues an event; the task completes with what the runtime answered.</summary>
    public Task<Outcome> Enqueue(string payload, TimeSpan? deadlineIn = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var requestId = Guid.NewGuid().ToString();
        var answer = Headers(requestId, DateTimeOffset.UtcNow + (deadlineIn ?? TimeSpan.FromSeconds(30)));
        foreach (var (key, value) in headers ?? new Dictionary<string, string>())
            answer[key] = value;
        var outcome = OutcomeFor(requestId);
        EnqueueAnswer(answer, payload);
        return outcome;
    }

    /// <summary>The headers Lambda sends with an event, for a test to change or leave out one of them.</summary>
    public static Dictionary<string, string> Headers(string requestId, DateTimeOffset deadline) => new()
    {
        ["Lambda-Runtime-Aws-Request-Id"] = requestId,
        ["Lambda-Runtime-Deadline-Ms"] = deadline.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Lambda-Runtime-Invoked-Function-Arn"] = "arn:aws:lambda:us-east-1:123456789012:function:test",
        ["Lambda-Runtime-Trace-Id"] = $"Root=1-{(requestId.Length >= 8 ? requestId[..8] : requestId)}",
    };

    /// <summary>
    /// Queues a <c>/next</c> answer exactly as given: these headers and no others, this status, this body — or,
    /// with <paramref name="cutBody"/>, a body that announces more bytes than it sends before the connection drops.
    /// </summary>
    public void EnqueueAnswer(IReadOnlyDictionary<string, string> headers, string payload = "", int status = 200, bool cutBody = false) =>
        _events.Writer.TryWrite(new QueuedEvent(headers, payload, status, cutBody));

    /// <summary>What the runtime posts for <paramref name="requestId"/> (one the test put in an answer's headers).</summary>
    public Task<Outcome> OutcomeFor(string requestId) =>
        _outcomes.GetOrAdd(requestId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Answers the runtime's <c>/response</c> for <paramref name="requestId"/> with <paramref name="status"/> instead of taking it.</summary>
    public void RefuseResponse(string requestId, int status) => _refusedResponses[requestId] = status;

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception) when (_stop.IsCancellationRequested) { return; }
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
                Interlocked.Increment(ref _nextRequests);
                var next = await _events.Reader.ReadAsync(_stop.Token);
                foreach (var (key, value) in next.Headers)
                    response.Headers[key] = value;
                var payload = System.Text.Encoding.UTF8.GetBytes(next.Payload);
                if (next.CutBody)
                {
                    response.ContentLength64 = payload.Length + 1000;
                    await response.OutputStream.WriteAsync(payload);
                    await response.OutputStream.FlushAsync();
                    response.Abort();
                    return;
                }
                await Write(response, next.Status, payload);
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
            if (context.Request.HttpMethod == "POST" && path.StartsWith("/2018-06-01/runtime/invocation/", StringComparison.Ordinal))
                _posts.Enqueue(path);
            if (context.Request.HttpMethod == "POST" && segments is ["2018-06-01", "runtime", "invocation", var id, var kind] && _outcomes.TryGetValue(id, out var outcome))
            {
                if (kind == "response" && _refusedResponses.TryGetValue(id, out var refusal))
                {
                    await Write(response, refusal, "{\"errorMessage\":\"refused by the test\"}"u8.ToArray());
                    return;
                }
                if (kind == "response" && body.Length > _maxResponseBytes)
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
        catch (Exception) when (_stop.IsCancellationRequested)
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

    /// <summary>
    /// Starts a packaged function as Lambda would — <paramref name="start"/> with <c>AWS_LAMBDA_RUNTIME_API</c> pointing at
    /// a fresh server and <c>LAMBADA_HANDLER</c> set — hands it <paramref name="payloads"/> one after another, then kills it.
    /// </summary>
    public static Outcome[] ServeProcess(ProcessStartInfo start, string handler, TimeSpan timeout, params string[] payloads)
    {
        using var server = new RuntimeApiTestServer();
        using var process = server.StartProcess(start, handler);
        return payloads.Select(p => server.Enqueue(p).WaitAsync(timeout).GetAwaiter().GetResult()).ToArray();
    }

    /// <summary>Starts a packaged function as Lambda would, against this server; disposing the result kills it.</summary>
    public HostProcess StartProcess(ProcessStartInfo start, string handler)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.Environment["AWS_LAMBDA_RUNTIME_API"] = Address;
        start.Environment["LAMBADA_HANDLER"] = handler;
        return new HostProcess(start);
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Close();
        try { _serving.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }

    private sealed record QueuedEvent(IReadOnlyDictionary<string, string> Headers, string Payload, int Status, bool CutBody);
}

/// <summary>A function host running as its own process, its stdout and stderr collected; disposing kills it.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly System.Text.StringBuilder _output = new();

    public HostProcess(ProcessStartInfo start)
    {
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Waits for <paramref name="outcome"/>; if the host exits first (as it did on bad Runtime API input, with 134),
    /// fails at once with its exit code and output instead of waiting out <paramref name="timeout"/>.
    /// </summary>
    public async Task<Outcome> Answer(Task<Outcome> outcome, TimeSpan timeout)
    {
        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(outcome, exited, Task.Delay(timeout));
        if (first == outcome)
            return await outcome;
        if (first == exited)
        {
            _process.WaitForExit(); // the output read to its end
            Assert.Fail($"the host exited with code {_process.ExitCode} before answering:\n{Output}");
        }
        Assert.Fail($"no answer within {timeout}:\n{Output}");
        return null!;
    }

    /// <summary>stdout and stderr so far, interleaved by line.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { } // it had exited already
        _process.WaitForExit();
        _process.Dispose();
    }
}

internal enum OutcomeKind { Response, Error, InitError }

/// <summary>What the runtime posted for one invocation.</summary>
internal sealed record Outcome(OutcomeKind Kind, byte[] Body, string? ErrorType, string? ContentType)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}
