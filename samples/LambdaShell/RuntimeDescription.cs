namespace LambdaShell;

/// <summary>The machine and runtime a function runs on, as <c>lb_describeRuntime</c> reports it.</summary>
public sealed class RuntimeDescription
{
    /// <summary>The distribution's PRETTY_NAME from /etc/os-release, or the kernel description when it is missing.</summary>
    public required string OperatingSystem { get; init; }
    public required string OSArchitecture { get; init; }
    public required string ProcessArchitecture { get; init; }
    public required string Framework { get; init; }
    public required string RuntimeIdentifier { get; init; }
    public required int ProcessorCount { get; init; }

    /// <summary>The memory configured for the function, in MB.</summary>
    public required int MemoryLimitInMB { get; init; }

    /// <summary>The memory the GC may use, which follows the function's memory limit inside Lambda.</summary>
    public required long AvailableMemoryBytes { get; init; }

    /// <summary>Sorted names only; null unless asked for.</summary>
    public List<string>? EnvironmentVariableNames { get; init; }
}
