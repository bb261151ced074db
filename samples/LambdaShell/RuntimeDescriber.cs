using System.Runtime.InteropServices;

namespace LambdaShell;

/// <summary>Builds a <see cref="RuntimeDescription"/>. It reads environment variable names and never their values.</summary>
public sealed class RuntimeDescriber(string osReleasePath = "/etc/os-release")
{
    public async Task<RuntimeDescription> DescribeAsync(RuntimeQuery query, int memoryLimitInMB)
    {
        return new RuntimeDescription
        {
            OperatingSystem = await ReadPrettyNameAsync() ?? RuntimeInformation.OSDescription,
            OSArchitecture = RuntimeInformation.OSArchitecture.ToString(),
            ProcessArchitecture = RuntimeInformation.ProcessArchitecture.ToString(),
            Framework = RuntimeInformation.FrameworkDescription,
            RuntimeIdentifier = RuntimeInformation.RuntimeIdentifier,
            ProcessorCount = Environment.ProcessorCount,
            MemoryLimitInMB = memoryLimitInMB,
            AvailableMemoryBytes = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes,
            EnvironmentVariableNames = query.IncludeEnvironmentVariableNames ? EnvironmentNames(query.EnvironmentVariablePrefix) : null,
        };
    }

    private async Task<string?> ReadPrettyNameAsync()
    {
        if (!File.Exists(osReleasePath))
            return null;
        const string key = "PRETTY_NAME=";
        var line = (await File.ReadAllLinesAsync(osReleasePath)).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[key.Length..].Trim('"');
    }

    private static List<string> EnvironmentNames(string? prefix) =>
        Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => prefix is null || name.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
}
