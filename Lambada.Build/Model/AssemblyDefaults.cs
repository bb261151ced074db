namespace Lambada.Build.Model;

/// <summary>The values of an assembly-level <c>[LambadaDefaults]</c>, as written (0 / null = not set).</summary>
internal sealed record AssemblyDefaults
{
    public static readonly AssemblyDefaults None = new();

    public int MemorySize { get; init; }
    public int Timeout { get; init; }
    public string? Role { get; init; }
    public int Runtime { get; init; }
    public int Architecture { get; init; }
    public int EphemeralStorage { get; init; }
}
