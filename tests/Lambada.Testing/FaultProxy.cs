using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Lambada.Testing;

/// <summary>
/// A loopback HTTP/1.1 proxy in front of a real moto_server that passes requests through verbatim (method, raw path
/// and query, headers including Authorization and Host, body) unless a scripted rule matches the n-th occurrence of an
/// operation: then it answers with an error, resets the connection, or rewrites moto's JSON answer.
/// Every response carries <c>Connection: close</c>, so each attempt of a client is one connection and one recorded request
/// (a pooled connection would let HttpClient silently resend a request after a reset).
/// </summary>
internal sealed class FaultProxy : IDisposable
{
    private static readonly HashSet<string> HopHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Content-Length", "Transfer-Encoding", "Expect", "Proxy-Connection", "TE", "Upgrade",
    };

    private readonly TcpListener _listener;
    private readonly string _target;
    private readonly HttpClient _upstream = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(60) };
    private readonly CancellationTokenSource _stop = new();
    private readonly List<FaultRule> _rules = [];
    private readonly List<ProxiedRequest> _requests = [];
    private readonly Task _accepting;

    private FaultProxy(string target)
    {
        _target = target.TrimEnd('/');
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Endpoint = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The proxy's base URL; point AWS_ENDPOINT_URL here.</summary>
    public string Endpoint { get; }

    public static FaultProxy Start(string targetEndpoint) => new(targetEndpoint);

    /// <summary>Answers the given occurrences (1-based, counted per rule) of <paramref name="operation"/> with <paramref name="fault"/>.</summary>
    public FaultProxy On(ProxyOperation operation, Fault fault, params int[] occurrences)
    {
        lock (_rules)
            _rules.Add(new FaultRule(operation, fault, occurrences.ToHashSet()));
        return this;
    }

    /// <summary>Every request seen so far, in arrival order, with the status returned (0 = connection reset).</summary>
    public IReadOnlyList<ProxiedRequest> Requests
    {
        get { lock (_requests) return _requests.ToList(); }
    }

    public IReadOnlyList<ProxiedRequest> Of(ProxyOperation operation) => Requests.Where(operation.Matches).ToList();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        try { _accepting.Wait(TimeSpan.FromSeconds(5)); }
        catch (AggregateException) { }
        _upstream.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            RawRequest? request = null;
            try
            {
                var stream = client.GetStream();
                request = await ReadRequestAsync(stream);
                if (request is null)
                    return;
                var fault = Decide(request);
                if (fault is ResetConnection reset)
                {
                    if (reset.Forward)
                        await ForwardAsync(request);
                    Record(request, 0, fault);
                    client.Client.LingerState = new LingerOption(true, 0);
                    return;
                }
                var response = fault is ErrorReply error ? error.Build(request) : await ForwardAsync(request);
                if (fault is RewriteConfiguration rewrite && response.Status is >= 200 and < 300)
                    response = rewrite.Apply(response);
                Record(request, response.Status, fault);
                await WriteResponseAsync(stream, response);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
            {
                // The client went away, or the proxy is stopping.
            }
            catch (Exception e) when (request is not null)
            {
                // A bug in a rule or in the proxy must show up in the recorded requests, not as a silent reset.
                Record(request, 0, new ProxyFailure(e.GetType().Name + ": " + e.Message));
            }
        }
    }

    private Fault? Decide(RawRequest request)
    {
        lock (_rules)
        {
            Fault? chosen = null;
            foreach (var rule in _rules.Where(r => r.Operation.Matches(request.Method, request.Path, request.BodyText)))
            {
                rule.Seen++;
                if (chosen is null && rule.Occurrences.Contains(rule.Seen))
                    chosen = rule.Fault;
            }
            return chosen;
        }
    }

    private void Record(RawRequest request, int status, Fault? fault)
    {
        lock (_requests)
            _requests.Add(new ProxiedRequest(request.Method, request.Path, request.Query, request.BodyText, status, fault?.Name));
    }

    private async Task<ProxyResponse> ForwardAsync(RawRequest request)
    {
        var uri = new Uri(_target + request.Target, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), uri);
        if (request.HasBody)
            message.Content = new ByteArrayContent(request.Body);
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
                message.Headers.Host = value;
            else if (!HopHeaders.Contains(name) && !message.Headers.TryAddWithoutValidation(name, value))
                message.Content?.Headers.TryAddWithoutValidation(name, value);
        }
        using var reply = await _upstream.SendAsync(message, _stop.Token);
        var body = await reply.Content.ReadAsByteArrayAsync(_stop.Token);
        var headers = reply.Headers.Concat(reply.Content.Headers)
            .Where(h => !HopHeaders.Contains(h.Key))
            .SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v)))
            .ToList();
        return new ProxyResponse((int)reply.StatusCode, headers, body);
    }

    private static async Task<RawRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
                return null;
            buffer.AddRange(chunk.AsSpan(0, read));
        }
        var lines = Encoding.Latin1.GetString(buffer.GetRange(0, headerEnd).ToArray()).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        var headers = lines.Skip(1).Where(l => l.Contains(':'))
            .Select(l => new KeyValuePair<string, string>(l[..l.IndexOf(':')].Trim(), l[(l.IndexOf(':') + 1)..].Trim()))
            .ToList();
        var lengthHeader = headers.FirstOrDefault(h => h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)).Value;
        var length = lengthHeader is null ? 0 : int.Parse(lengthHeader, System.Globalization.CultureInfo.InvariantCulture);
        var body = buffer.Skip(headerEnd + 4).ToList();
        while (body.Count < length)
        {
            var read = await stream.ReadAsync(chunk);
            if (read == 0)
                return null;
            body.AddRange(chunk.AsSpan(0, read));
        }
        return new RawRequest(requestLine[0], requestLine[1], headers, body.Take(length).ToArray(), lengthHeader is not null);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 3; i < buffer.Count; i++)
            if (buffer[i - 3] == '\r' && buffer[i - 2] == '\n' && buffer[i - 1] == '\r' && buffer[i] == '\n')
                return i - 3;
        return -1;
    }

    private static async Task WriteResponseAsync(NetworkStream stream, ProxyResponse response)
    {
        var head = new StringBuilder($"HTTP/1.1 {response.Status} {ReasonPhrase(response.Status)}\r\n");
        foreach (var (name, value) in response.Headers)
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        head.Append("Content-Length: ").Append(response.Body.Length).Append("\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()));
        await stream.WriteAsync(response.Body);
        await stream.FlushAsync();
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        _ => "Status",
    };

    private sealed record FaultRule(ProxyOperation Operation, Fault Fault, HashSet<int> Occurrences)
    {
        public int Seen { get; set; }
    }
}

/// <summary>A request as it arrived: <see cref="Target"/> is the request-target exactly as on the wire.</summary>
internal sealed record RawRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body, bool HasBody)
{
    public string Path => Target.Split('?')[0];
    public string Query => Target.Contains('?') ? Target[(Target.IndexOf('?') + 1)..] : "";
    public string BodyText => Encoding.UTF8.GetString(Body);
}

internal sealed record ProxyResponse(int Status, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body);

/// <summary>One request the proxy saw and the status it returned (0: the connection was reset); <see cref="Fault"/> names the injected fault, if any.</summary>
internal sealed record ProxiedRequest(string Method, string Path, string Query, string Body, int Status, string? Fault)
{
    public override string ToString() => $"{Method} {Path}{(Query.Length > 0 ? "?" + Query : "")} → {Status}{(Fault is null ? "" : $" ({Fault})")}";
}

/// <summary>An API operation as the proxy recognises it: method, a regex on the raw path, and optionally a body substring (IAM's Action, a function's name).</summary>
internal sealed record ProxyOperation(string Name, string Method, string PathPattern, string? BodyContains = null)
{
    private const string Functions = "/2015-03-31/functions";

    public static ProxyOperation ListFunctions { get; } = new("ListFunctions", "GET", $"^{Functions}/?$");
    public static ProxyOperation GetRole { get; } = new("GetRole", "POST", "^/$", "Action=GetRole&");

    public static ProxyOperation CreateFunction(string name) => new("CreateFunction", "POST", $"^{Functions}/?$", $"\"FunctionName\":\"{name}\"");
    public static ProxyOperation GetFunction(string name) => new("GetFunction", "GET", $"^{Functions}/{Regex.Escape(name)}$");
    public static ProxyOperation GetFunctionConfiguration(string name) => new("GetFunctionConfiguration", "GET", $"^{Functions}/{Regex.Escape(name)}/configuration$");

    /// <summary>GetFunction and GetFunctionConfiguration together: the reads a waiter may make, counted as one sequence.</summary>
    public static ProxyOperation FunctionReads(string name) => new("FunctionReads", "GET", $"^{Functions}/{Regex.Escape(name)}(/configuration)?$");
    public static ProxyOperation UpdateFunctionConfiguration(string name) => new("UpdateFunctionConfiguration", "PUT", $"^{Functions}/{Regex.Escape(name)}/configuration$");
    public static ProxyOperation UpdateFunctionCode(string name) => new("UpdateFunctionCode", "PUT", $"^{Functions}/{Regex.Escape(name)}/code$");

    public bool Matches(string method, string path, string body) =>
        method == Method && Regex.IsMatch(path, PathPattern) && (BodyContains is null || body.Contains(BodyContains, StringComparison.Ordinal));

    public bool Matches(ProxiedRequest request) => Matches(request.Method, request.Path, request.Body);
}

/// <summary>What the proxy does instead of passing a request through.</summary>
internal abstract record Fault(string Name)
{
    public const string RoleNotAssumableMessage = "The role defined for the function cannot be assumed by Lambda.";
    public const string UpdateInProgressMessage = "The operation cannot be performed at this time. An update is in progress for resource: ";
    public const string ValidationMessage =
        "1 validation error detected: Value 'bad name!!' at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?";

    public static Fault Throttled(int retryAfterSeconds) =>
        new ErrorReply("throttled", 429, "TooManyRequestsException", _ => "Rate exceeded", retryAfterSeconds);

    public static Fault ServiceError { get; } = new ErrorReply("service error", 500, "ServiceException", _ => "Lambda encountered an internal error.");
    public static Fault Reset { get; } = new ResetConnection(Forward: false);

    /// <summary>Passes the request on, so it takes effect, then resets the connection instead of returning the answer.</summary>
    public static Fault ResetAfterForwarding { get; } = new ResetConnection(Forward: true);
    public static Fault UpdateInProgress { get; } = new ErrorReply("update in progress", 409, "ResourceConflictException", r => UpdateInProgressMessage + r.FunctionArn);
    public static Fault RoleNotAssumable { get; } = new ErrorReply("role not assumable", 400, "InvalidParameterValueException", _ => RoleNotAssumableMessage);
    public static Fault Validation { get; } = new ErrorReply("validation", 400, "ValidationException", _ => ValidationMessage);
    public static Fault NotFound { get; } = new ErrorReply("not found", 404, "ResourceNotFoundException", r => "Function not found: " + r.FunctionArn);

    /// <summary>IAM's query-protocol throttle: HTTP 400 with an XML <c>&lt;Error&gt;&lt;Code&gt;Throttling</c>.</summary>
    public static Fault IamThrottled { get; } = new ErrorReply("iam throttled", 400, "Throttling", _ => "Rate exceeded", Xml: true);

    /// <summary>Passes the request on and rewrites the function configuration in moto's answer (top level, or under <c>Configuration</c>).</summary>
    public static Fault NotReady(string state = "Pending", string lastUpdateStatus = "InProgress") => new RewriteConfiguration(state, lastUpdateStatus);

    /// <summary>Passes the request on and reports the update as failed, with Lambda's reason.</summary>
    public static Fault UpdateFailed(string reasonCode, string reason) => new RewriteConfiguration("Active", "Failed", reasonCode, reason);
}

internal sealed record ResetConnection(bool Forward) : Fault(Forward ? "reset after forwarding" : "reset");

internal sealed record ProxyFailure(string Reason) : Fault("proxy failure: " + Reason);

/// <summary>Lambda's rest-json error: <c>x-amzn-ErrorType</c> plus <c>{"Type":"User","Message":…}</c>, as the real service sends it.</summary>
internal sealed record ErrorReply(string Label, int Status, string Code, Func<ErrorContext, string> Message, int? RetryAfterSeconds = null, bool Xml = false)
    : Fault(Label)
{
    public ProxyResponse Build(RawRequest request)
    {
        if (Xml)
            return new ProxyResponse(Status, [new("Content-Type", "text/xml")], Encoding.UTF8.GetBytes(
                $"<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender</Type><Code>{Code}</Code>"
                + $"<Message>{Message(new ErrorContext(request))}</Message></Error><RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>"));
        var body = new JsonObject { ["Type"] = Status >= 500 ? "Service" : "User", ["Message"] = Message(new ErrorContext(request)) };
        var headers = new List<KeyValuePair<string, string>>
        {
            new("x-amzn-ErrorType", Code),
            new("x-amzn-RequestId", Guid.NewGuid().ToString()),
            new("Content-Type", "application/json"),
        };
        if (RetryAfterSeconds is { } seconds)
            headers.Add(new("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return new ProxyResponse(Status, headers, Encoding.UTF8.GetBytes(body.ToJsonString()));
    }
}

/// <summary>What an error message may name: the function the request is about.</summary>
internal sealed class ErrorContext
{
    internal ErrorContext(RawRequest request)
    {
        var inPath = Regex.Match(request.Path, "^/2015-03-31/functions/([^/]+)");
        var inBody = Regex.Match(request.BodyText, "\"FunctionName\":\"([^\"]+)\"");
        var name = inPath.Success ? Uri.UnescapeDataString(inPath.Groups[1].Value) : inBody.Success ? inBody.Groups[1].Value : "unknown";
        FunctionArn = $"arn:aws:lambda:us-east-1:123456789012:function:{name}";
    }

    public string FunctionArn { get; }
}

internal sealed record RewriteConfiguration(string State, string LastUpdateStatus, string? ReasonCode = null, string? Reason = null)
    : Fault($"{State}/{LastUpdateStatus}")
{
    public ProxyResponse Apply(ProxyResponse response)
    {
        var root = JsonNode.Parse(response.Body)!.AsObject();
        var configuration = root["Configuration"] as JsonObject ?? root;
        configuration["State"] = State;
        configuration["LastUpdateStatus"] = LastUpdateStatus;
        if (ReasonCode is not null)
        {
            configuration["LastUpdateStatusReasonCode"] = ReasonCode;
            configuration["LastUpdateStatusReason"] = Reason;
        }
        return response with { Body = Encoding.UTF8.GetBytes(root.ToJsonString()) };
    }
}
