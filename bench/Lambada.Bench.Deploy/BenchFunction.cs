using Lambada.Build.Model;

namespace Lambada.Bench.Deploy;

/// <summary>One of the N generated functions, as Lambada's manifest and as the CLI script describe it.</summary>
internal sealed record BenchFunction(string Name, string Method, int MemorySize)
{
    public const string Runtime = "provided.al2023";
    public const string Handler = "bootstrap";
    public const int Timeout = 30;

    public static IReadOnlyList<BenchFunction> Many(int count) =>
        Enumerable.Range(0, count).Select(i => new BenchFunction($"bench_fn_{i:000}", $"Bench.Functions::Fn{i:000}", 128)).ToList();

    public FunctionDefinition ToDefinition() => new()
    {
        Name = Name,
        Method = Method,
        Handler = Handler,
        MemorySize = MemorySize,
        Timeout = Timeout,
        Role = AwsCli.RoleName,
        Description = "",
        Runtime = Runtime,
        Architecture = "x86_64",
        EphemeralStorage = 512,
        Environment = new Dictionary<string, string>(),
        Tags = new Dictionary<string, string>(),
    };

    public static FunctionsManifest Manifest(IEnumerable<BenchFunction> functions) => new()
    {
        Assembly = "Bench.Functions",
        TargetFramework = "net10.0",
        Functions = functions.Select(f => f.ToDefinition()).ToList(),
    };
}
