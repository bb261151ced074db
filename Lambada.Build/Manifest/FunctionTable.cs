using Lambada.Build.Model;

namespace Lambada.Build.Manifest;

/// <summary>The functions of a manifest as an aligned text table, for the build log.</summary>
internal static class FunctionTable
{
    private static readonly string[] Header = ["function", "memory", "timeout", "runtime", "arch", "role", "method"];

    public static IEnumerable<string> Format(FunctionsManifest manifest)
    {
        var rows = manifest.Functions
            .Select(f => new[] { f.Name, $"{f.MemorySize} MB", $"{f.Timeout} s", f.Runtime ?? "?", f.Architecture, f.Role, f.Method })
            .Prepend(Header)
            .ToArray();
        var widths = Enumerable.Range(0, Header.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        return rows.Select(r => string.Join("  ", r.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd());
    }
}
