using System.Globalization;
using System.Text;
using Lambada.Runtime;
using Lambada.Runtime.Http;

namespace Lambada.Tests.Runtime.Http;

public enum Shade { Red, Green, Blue }

[Flags] public enum Access { None = 0, Read = 1, Write = 2 }

/// <summary>HTTP functions of every shape the binding contract names; the HTTP runtime tests call them with payload-v2 events.</summary>
public sealed class HttpHandlers
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    [LambadaFunction(Name = "http_every"), LambadaHttp("GET /every")]
    public string Every(string s, bool b, byte u8, sbyte i8, short i16, ushort u16, int i32, uint u32, long i64, ulong u64,
        float f32, double f64, decimal dec, Guid guid, DateTime at, DateTimeOffset when, DateOnly day, TimeOnly time, TimeSpan span, Shade shade, Access access) =>
        string.Join("|", new object[] { s, b, u8, i8, i16, u16, i32, u32, i64, u64, f32, f64, dec, guid, at.ToString("O", Invariant), at.Kind,
            when.ToString("O", Invariant), day.ToString("O", Invariant), time.ToString("O", Invariant), span, shade, access }.Select(v => Convert.ToString(v, Invariant)));

    [LambadaFunction(Name = "http_optional"), LambadaHttp("GET /optional")]
    public string Optional(int? count, Shade? maybeShade, string? name, DateTime? at, int page = 7, Shade shade = Shade.Blue, string label = "none",
        Guid guid = default, double ratio = 0.5, DateTime since = default, int? limit = 5) =>
        string.Join("|", count?.ToString(Invariant) ?? "null", maybeShade?.ToString() ?? "null", name ?? "null", at?.ToString("O", Invariant) ?? "null",
            page.ToString(Invariant), shade, label, guid, ratio.ToString(Invariant),
            since.ToString("O", Invariant), limit?.ToString(Invariant) ?? "null");

    [LambadaFunction(Name = "http_item"), LambadaHttp("GET /items/{id}")]
    public Item GetItem(int id, string? q) => new(id, q);

    [LambadaFunction(Name = "http_files"), LambadaHttp("GET /files/{path+}")]
    public string File(string path) => path;

    [LambadaFunction(Name = "http_order"), LambadaHttp("POST /orders/{id}")]
    public Receipt PlaceOrder(int id, Order order, bool express = false) => new($"{id}:{order.Item}:{express}", order.Quantity * 3);

    [LambadaFunction(Name = "http_optionalBody"), LambadaHttp("PUT /notes")]
    public string OptionalBody(Order? order) => order is null ? "no order" : order.Item;

    [LambadaFunction(Name = "http_valueBody"), LambadaHttp("PUT /points")]
    public string ValueBody(Point point) => $"{point.X},{point.Y}";

    [LambadaFunction(Name = "http_raw"), LambadaHttp("ANY /raw/{proxy+}")]
    public string Raw(LambadaHttpRequest request, string proxy) =>
        $"{request.RequestContext.Http.Method} {request.RawPath}?{request.RawQueryString} {proxy} ua={request.Headers?["user-agent"]} cookies={request.Cookies?.Count}";

    [LambadaFunction(Name = "http_upload"), LambadaHttp("POST /upload")]
    public string Upload(Stream body, string? name) => $"{name}:{Convert.ToHexString(ReadAll(body))}";

    [LambadaFunction(Name = "http_context"), LambadaHttp("GET /context")]
    public string Context(ILambadaContext context, CancellationToken token, string? who) => $"{context.AwsRequestId}:{token.CanBeCanceled}:{who}";

    [LambadaFunction(Name = "http_response"), LambadaHttp("POST /things")]
    public LambadaHttpResponse Created() => LambadaHttpResponse.Text("made it", 201).WithHeader("location", "/things/7").WithHeader("x-tag", "a").WithHeader("X-Tag", "b");

    [LambadaFunction(Name = "http_responseTask"), LambadaHttp("GET /missing")]
    public async Task<LambadaHttpResponse> NotThere()
    {
        await Task.Yield();
        return LambadaHttpResponse.Status(404) with { Cookies = ["seen=1; Max-Age=60"] };
    }

    [LambadaFunction(Name = "http_nullResponse"), LambadaHttp("GET /nullResponse")]
    public LambadaHttpResponse? NullResponse() => null;

    [LambadaFunction(Name = "http_string"), LambadaHttp("GET /string")]
    public string Hello() => "Hello, world! <ü>";

    [LambadaFunction(Name = "http_valueTaskString"), LambadaHttp("GET /vts")]
    public ValueTask<string> HelloLater() => new("later");

    [LambadaFunction(Name = "http_stream"), LambadaHttp("GET /stream")]
    public Stream Bytes() => new MemoryStream([0, 1, 2, 255]);

    [LambadaFunction(Name = "http_streamTask"), LambadaHttp("GET /streamTask")]
    public async Task<Stream> BytesLater()
    {
        await Task.Yield();
        return new MemoryStream(Encoding.UTF8.GetBytes("streamed"));
    }

    [LambadaFunction(Name = "http_void"), LambadaHttp("DELETE /void")]
    public void Nothing() { }

    [LambadaFunction(Name = "http_task"), LambadaHttp("DELETE /task")]
    public async Task NothingLater() => await Task.Yield();

    [LambadaFunction(Name = "http_valueTask"), LambadaHttp("DELETE /valueTask")]
    public ValueTask NothingAtAll() => default;

    [LambadaFunction(Name = "http_json"), LambadaHttp("GET /json")]
    public Receipt Json() => new("pen <b>'", 12);

    [LambadaFunction(Name = "http_jsonTask"), LambadaHttp("GET /jsonTask")]
    public async Task<int[]> JsonLater()
    {
        await Task.Yield();
        return [1, 2, 3];
    }

    [LambadaFunction(Name = "http_null"), LambadaHttp("GET /null")]
    public Receipt? NullJson() => null;

    [LambadaFunction(Name = "http_throws"), LambadaHttp("GET /throws/{id}")]
    public string Throws(int id) => throw new InvalidOperationException($"secret detail {id}");

    [LambadaFunction(Name = "http_throwsAsync"), LambadaHttp("GET /throwsAsync")]
    public async Task<string> ThrowsLater()
    {
        await Task.Yield();
        throw new InvalidOperationException("secret async detail");
    }

    [LambadaFunction(Name = "http_unserializable"), LambadaHttp("GET /unserializable")]
    public object Unserializable() => new Cycle();

    [LambadaFunction(Name = "http_runCommand"), LambadaUrl]
    public Dictionary<string, List<string>> RunCommands(List<string> commands) => commands.ToDictionary(c => c, c => new List<string> { c.ToUpperInvariant() });

    [LambadaFunction(Name = "http_urlNoParams"), LambadaUrl(Auth = LambadaAuth.None)]
    public string Ping() => "pong";

    [LambadaFunction(Name = "http_sum"), LambadaHttp("GET /sum/{a}/{b}")]
    public int Sum(int a, int b, ILambadaContext context) => a + b;

    [LambadaFunction(Name = "http_twoBodies"), LambadaHttp("POST /two")]
    public string TwoBodies(Order order, Receipt receipt) => "never";

    private static byte[] ReadAll(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}

public sealed record Item(int Id, string? Q);

public readonly record struct Point(int X, int Y);

public sealed class Cycle
{
    public Cycle Self => this;
}
