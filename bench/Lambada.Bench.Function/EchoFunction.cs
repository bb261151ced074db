namespace Lambada.Bench.Function;

/// <summary>The trivial handler the runtime benchmark invokes: a JSON string in, the same string out.</summary>
public static class EchoFunction
{
    /// <summary>Served as <c>LAMBADA_HANDLER=Lambada.Bench.Function.EchoFunction::Echo</c>.</summary>
    [LambadaFunction(Name = "bench_echo")]
    public static string Echo(string input) => input;
}
