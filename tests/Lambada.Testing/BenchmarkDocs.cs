using System.Runtime.InteropServices;

namespace Lambada.Testing;

/// <summary>What every benchmark writes beside its figures: the machine, its load, and its own block of docs/benchmarks.md.</summary>
public static class BenchmarkDocs
{
    /// <summary>Replaces the block <paramref name="name"/> in <paramref name="path"/>, or appends it at the end; nothing else in the file changes.</summary>
    /// <param name="writer">The project that writes it, named in the begin marker (<c>bench/Lambada.Bench.Serve</c>).</param>
    public static void WriteBlock(string path, string name, string writer, string markdown)
    {
        var beginMarker = $"<!-- bench:{name}:begin (written by {writer}) -->";
        var endMarker = $"<!-- bench:{name}:end -->";
        var document = File.ReadAllText(path);
        var block = $"{beginMarker}\n{markdown.Replace("\r\n", "\n", StringComparison.Ordinal)}{endMarker}\n";
        var begin = document.IndexOf(beginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(endMarker, StringComparison.Ordinal);
        document = begin >= 0 && end > begin
            ? document[..begin] + block + (document[(end + endMarker.Length)..].TrimStart('\n') is { Length: > 0 } rest ? "\n" + rest : "")
            : document.TrimEnd('\n') + "\n\n" + block;
        File.WriteAllText(path, document);
    }

    /// <summary>Cores, CPU model, distribution and runtime, in one line.</summary>
    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var os = File.Exists("/etc/os-release")
            ? File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"')
            : RuntimeInformation.OSDescription;
        return $"{Environment.ProcessorCount} cores ({cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}); {os}; runtime {RuntimeInformation.FrameworkDescription}";
    }

    /// <summary>The one-minute load average, or <c>unknown</c> off Linux.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
