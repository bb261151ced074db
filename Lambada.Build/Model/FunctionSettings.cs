namespace Lambada.Build.Model;

/// <summary>
/// The values of one <c>[LambadaFunction]</c> exactly as written: 0 and null mean "not set".
/// Enum values are the attribute enums' numbers (see <see cref="RuntimeNames"/>, <see cref="ArchitectureNames"/>).
/// </summary>
internal sealed record FunctionSettings
{
    public string? Name { get; init; }
    public int MemorySize { get; init; }
    public int Timeout { get; init; }
    public string? Role { get; init; }
    public string? Description { get; init; }
    public string? Alias { get; init; }
    public int Runtime { get; init; }
    public int Architecture { get; init; }
    public int EphemeralStorage { get; init; }
    public int ReservedConcurrency { get; init; }
}
