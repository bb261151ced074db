using Lambada.Build.Diagnostics;

namespace Lambada.Build.Deployment;

internal enum OutcomeKind { Created, Updated, Unchanged, Deleted, Planned, Failed }

/// <summary>
/// What happened to one function: the report's row, and for a failure the steps done, the step whose request was sent but
/// never answered (so AWS may or may not have carried it out), the steps not done, and the error that stopped it.
/// </summary>
internal sealed record FunctionOutcome(string Name, OutcomeKind Kind)
{
    public int? MemorySize { get; init; }
    public int? Timeout { get; init; }
    public string? CodeSha256 { get; init; }
    public string? Version { get; init; }
    public string? Arn { get; init; }
    public IReadOnlyList<string> Done { get; init; } = [];
    public IReadOnlyList<string> Unknown { get; init; } = [];
    public IReadOnlyList<string> NotDone { get; init; } = [];
    /// <summary>What the failure is reported under; its message reads "{0}: {1} — fix" with the function and <see cref="ErrorMessage"/>.</summary>
    public DiagnosticDescriptor? Error { get; init; }
    public string? ErrorMessage { get; init; }
    public string Detail { get; init; } = "";
}
