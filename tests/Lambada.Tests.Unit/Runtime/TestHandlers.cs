using System.Text;
using Lambada.Runtime;

namespace Lambada.Tests.Runtime;

public sealed record Order(string Item, int Quantity);

public sealed record Receipt(string Item, int Total);

/// <summary>One handler per shape the scan accepts; the runtime tests serve them through a Runtime API.</summary>
public sealed class TestHandlers
{
    private int _calls;

    [LambadaFunction(Name = "none")] public void NoInputNoOutput() => _calls++;

    [LambadaFunction(Name = "echo")] public static string Echo(string input) => input;

    [LambadaFunction(Name = "order")] public Receipt Price(Order order) => new(order.Item, order.Quantity * 3);

    [LambadaFunction(Name = "task")] public Task JustATask(string input) => Task.Delay(1);

    [LambadaFunction(Name = "taskOf")]
    public async Task<int> Length(string input, CancellationToken token)
    {
        await Task.Delay(1, token);
        return input.Length;
    }

    [LambadaFunction(Name = "valueTaskOf")] public ValueTask<int> Double(int input) => new(input * 2);

    [LambadaFunction(Name = "valueTask")] public ValueTask Nothing(ILambadaContext context) => default;

    [LambadaFunction(Name = "stream")]
    public Stream Upper(Stream input) =>
        new MemoryStream(Encoding.UTF8.GetBytes(new StreamReader(input).ReadToEnd().ToUpperInvariant()));

    [LambadaFunction(Name = "context")]
    public Dictionary<string, string> Context(string input, ILambadaContext context) => new()
    {
        ["requestId"] = context.AwsRequestId,
        ["arn"] = context.InvokedFunctionArn,
        ["remainingMs"] = ((int)context.RemainingTime.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["trace"] = Environment.GetEnvironmentVariable("_X_AMZN_TRACE_ID") ?? "",
    };

    [LambadaFunction(Name = "caller")] public string[] Caller(ILambadaContext context) => [context.ClientContext ?? "-", context.CognitoIdentity ?? "-"];

    [LambadaFunction(Name = "count")] public int Count(string input) => ++_calls;

    [LambadaFunction(Name = "throws")] public string Throws(string input) => throw new InvalidOperationException("boom: " + input);

    [LambadaFunction(Name = "halfPair")] public string HalfSurrogatePair(string input) => throw new InvalidOperationException("half a pair: \uD800");

    [LambadaFunction(Name = "waits")]
    public async Task<string> WaitsForCancellation(string input, CancellationToken token)
    {
        await Task.Delay(Timeout.Infinite, token);
        return "never";
    }

    [LambadaFunction(Name = "big")] public string Big(int megabytes) => new('x', megabytes * 1024 * 1024);
}

public sealed class ThrowingConstructor
{
    public ThrowingConstructor() => throw new InvalidOperationException("constructor failed");

    [LambadaFunction(Name = "ctor")] public void Handle() { }
}
