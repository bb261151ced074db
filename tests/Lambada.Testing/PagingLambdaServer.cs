using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Lambada.Build.Aws.Lambda;

namespace Lambada.Testing;

/// <summary>
/// Just enough of the Lambda API, in the test process on a free 127.0.0.1 port, to count what reading remote state costs
/// in a large region — which moto cannot show, as it returns every function in one page. Like Lambda it pages
/// ListFunctions at most 50 at a time behind an opaque <c>NextMarker</c>, answers GetFunctionConfiguration and
/// GetFunction, or 404 ResourceNotFoundException; GetAccountSettings gives the region's function count (or, when
/// <see cref="DenyAccountSettings"/>, 403 AccessDeniedException); IAM GetRole knows any role of the account.
/// Every request is logged; anything else is answered 400 and logged as unexpected.
/// </summary>
internal sealed class PagingLambdaServer : IDisposable
{
    public const string Account = "123456789012";
    private const int PageSize = 50;

    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull };

    private readonly HttpListener _listener = new();
    private readonly List<FunctionConfiguration> _functions;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _tags;
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly Task _serving;

    /// <param name="functions">The region, in any order: it is listed sorted by name, as Lambda lists it.</param>
    /// <param name="tags">Tags by function name, for GetFunction.</param>
    public PagingLambdaServer(IEnumerable<FunctionConfiguration> functions, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>? tags = null)
    {
        _functions = functions.OrderBy(f => f.FunctionName, StringComparer.Ordinal).ToList();
        _tags = tags ?? new Dictionary<string, IReadOnlyDictionary<string, string>>();
        Port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public bool DenyAccountSettings { get; init; }

    /// <summary>Each request as <c>Operation detail</c>, e.g. <c>ListFunctions page 3</c>, <c>GetFunctionConfiguration fn</c>.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>What a client needs to talk to this server (dummy credentials; profile files pointed at nothing).</summary>
    public Func<string, string?> Environment => name => new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = $"http://127.0.0.1:{Port}",
        ["AWS_ACCESS_KEY_ID"] = "AKIDEXAMPLE",
        ["AWS_SECRET_ACCESS_KEY"] = "secret",
        ["AWS_REGION"] = "us-east-1",
        ["AWS_CONFIG_FILE"] = "/nonexistent/lambada-tests/aws-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/lambada-tests/aws-credentials",
    }.GetValueOrDefault(name);

    /// <summary>A function that is not Lambada's (no <c>LAMBADA_HANDLER</c>), as most of a shared region is.</summary>
    public static FunctionConfiguration Foreign(string name) => new()
    {
        FunctionName = name,
        FunctionArn = $"arn:aws:lambda:us-east-1:{Account}:function:{name}",
        Runtime = "python3.12",
        Handler = "index.handler",
        Role = $"arn:aws:iam::{Account}:role/someone_else",
        MemorySize = 128,
        Timeout = 3,
        CodeSha256 = "foreign",
        State = "Active",
        LastUpdateStatus = "Successful",
    };

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
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        var query = System.Web.HttpUtility.ParseQueryString(request.Url.Query);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToArray();
        var (status, body, error) = (request.HttpMethod, segments) switch
        {
            ("GET", ["2015-03-31", "functions"]) => List(query["Marker"], int.Parse(query["MaxItems"] ?? "50", System.Globalization.CultureInfo.InvariantCulture)),
            ("GET", ["2015-03-31", "functions", var name, "configuration"]) => Log($"GetFunctionConfiguration {name}", Find(name) is { } f ? (200, Serialize(f), null) : NotFound(name)),
            ("GET", ["2015-03-31", "functions", var name]) => Log($"GetFunction {name}", Find(name) is { } f
                ? (200, Serialize(new { Configuration = f, Tags = _tags.GetValueOrDefault(name) }), null) : NotFound(name)),
            ("GET", ["2016-08-19", "account-settings"]) => Log("GetAccountSettings", DenyAccountSettings
                ? (403, """{"Message":"not authorized to perform: lambda:GetAccountSettings"}""", "AccessDeniedException")
                : (200, Serialize(new { AccountLimit = new { }, AccountUsage = new { TotalCodeSize = 0, FunctionCount = _functions.Count } }), null)),
            ("POST", []) => await IamAsync(request),
            _ => Log($"unexpected {request.HttpMethod} {request.Url.PathAndQuery}", (400, """{"Message":"not scripted"}""", "InvalidRequestContentException")),
        };
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = body.StartsWith('<') ? "text/xml" : "application/json";
        if (error is not null)
            response.Headers["x-amzn-ErrorType"] = error;
        response.Headers["x-amzn-RequestId"] = Guid.NewGuid().ToString();
        var bytes = Encoding.UTF8.GetBytes(body);
        await response.OutputStream.WriteAsync(bytes);
        response.Close();
    }

    /// <summary>The marker is the next index, base64-encoded so a client that does not pass it back verbatim is caught.</summary>
    private (int, string, string?) List(string? marker, int maxItems)
    {
        var start = marker is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(marker)), System.Globalization.CultureInfo.InvariantCulture);
        var page = _functions.Skip(start).Take(Math.Min(PageSize, maxItems)).ToList();
        var next = start + page.Count < _functions.Count ? Convert.ToBase64String(Encoding.UTF8.GetBytes((start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture))) : null;
        return Log($"ListFunctions page {start / PageSize + 1}", (200, Serialize(new { NextMarker = next, Functions = page }), null));
    }

    private async Task<(int, string, string?)> IamAsync(HttpListenerRequest request)
    {
        using var reader = new StreamReader(request.InputStream);
        var form = System.Web.HttpUtility.ParseQueryString(await reader.ReadToEndAsync());
        if (form["Action"] != "GetRole")
            return Log($"unexpected IAM {form["Action"]}", (400, "<ErrorResponse><Error><Code>InvalidAction</Code></Error></ErrorResponse>", null));
        var name = form["RoleName"];
        return Log($"GetRole {name}", (200,
            $"<GetRoleResponse><GetRoleResult><Role><RoleName>{name}</RoleName><Path>/</Path><Arn>arn:aws:iam::{Account}:role/{name}</Arn></Role></GetRoleResult></GetRoleResponse>", null));
    }

    private FunctionConfiguration? Find(string name) => _functions.FirstOrDefault(f => f.FunctionName == name);

    private static (int, string, string?) NotFound(string name) =>
        (404, $$"""{"Type":"User","Message":"Function not found: arn:aws:lambda:us-east-1:{{Account}}:function:{{name}}"}""", "ResourceNotFoundException");

    private (int, string, string?) Log(string request, (int, string, string?) answer)
    {
        _requests.Enqueue(request);
        return answer;
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value, Json);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
