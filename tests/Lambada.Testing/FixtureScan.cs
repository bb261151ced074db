using Lambada.Build;
using Lambada.Build.Model;

namespace Lambada.Testing;

/// <summary>Compiles a class of fixture members and runs the real Scan → Validate → Manifest stages on it.</summary>
internal static class FixtureScan
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using System.Threading;
        using System.Threading.Tasks;
        using Lambada;
        using Lambada.Runtime;
        """;

    /// <summary>A source file whose class <c>Fixture.Functions</c> holds <paramref name="members"/>.</summary>
    public static string ClassWith(string members) => $$"""
        {{Usings}}

        namespace Fixture;

        public class Functions
        {
        {{members}}
        }
        """;

    public static FunctionScan.Outcome Run(string source, ProjectOptions? project = null, string? targetFramework = CSharpCompiler.Net10) =>
        RunWithBinding(source, project, targetFramework).Outcome;

    /// <summary>Like <see cref="Run"/>, and also the binding C# the scan writes for the package build (null when it wrote none).</summary>
    public static (FunctionScan.Outcome Outcome, string? Binding) RunWithBinding(string source, ProjectOptions? project = null, string? targetFramework = CSharpCompiler.Net10)
    {
        using var dir = new TempDirectory("scan");
        var dll = CSharpCompiler.Compile(dir.Path, "Fixture", new Dictionary<string, string> { ["Functions.cs"] = source }, targetFramework: targetFramework);
        var bindingPath = dir.File("LambadaBinding.g.cs");
        // As in a build, whose scan gets @(ReferencePath): the framework resolves, so the rules see what its types are.
        var references = ScanOptions.Default with { ReferencePaths = CSharpCompiler.FrameworkAssemblies };
        var outcome = FunctionScan.Run(dll, dir.File("functions.json"), references, project ?? ProjectOptions.None, bindingPath);
        return (outcome, File.Exists(bindingPath) ? File.ReadAllText(bindingPath) : null);
    }

    /// <summary>1-based numbers of the lines that contain <paramref name="text"/>.</summary>
    public static int[] LinesOf(string source, string text) => source.Split('\n')
        .Select((line, i) => (line, number: i + 1))
        .Where(l => l.line.Contains(text, StringComparison.Ordinal))
        .Select(l => l.number)
        .ToArray();
}
