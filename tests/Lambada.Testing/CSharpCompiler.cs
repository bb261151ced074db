using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;

namespace Lambada.Testing;

/// <summary>
/// Compiles C# sources to a real assembly and portable PDB on disk, referencing the running framework
/// and Lambada's attribute and runtime assemblies (copied beside it, as a build's bin folder would have them).
/// </summary>
internal static class CSharpCompiler
{
    private static readonly Lazy<string[]> FrameworkPaths = new(() =>
        Directory.EnumerateFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll").Where(IsManagedAssembly).ToArray());

    private static readonly Lazy<MetadataReference[]> FrameworkReferences = new(() =>
        FrameworkPaths.Value.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToArray());

    /// <summary>The framework assemblies every compiled fixture references: what a build's <c>@(ReferencePath)</c> would list.</summary>
    public static IReadOnlyList<string> FrameworkAssemblies => FrameworkPaths.Value;

    public const string Net10 = ".NETCoreApp,Version=v10.0";

    /// <summary>
    /// Writes each source to <paramref name="directory"/>, compiles them into <c>{assemblyName}.dll</c> there and
    /// returns its path. The assembly carries the TargetFrameworkAttribute an SDK build would give it, unless
    /// <paramref name="targetFramework"/> is null.
    /// </summary>
    public static string Compile(string directory, string assemblyName, IReadOnlyDictionary<string, string> sources,
        bool emitPdb = true, string? targetFramework = Net10)
    {
        Directory.CreateDirectory(directory);
        if (targetFramework is not null)
            sources = sources.Append(new("TargetFramework.g.cs", $"[assembly: System.Runtime.Versioning.TargetFramework(\"{targetFramework}\")]"))
                .ToDictionary(s => s.Key, s => s.Value);
        var trees = sources.Select(s =>
        {
            var path = Path.Combine(directory, s.Key);
            File.WriteAllText(path, s.Value);
            return CSharpSyntaxTree.ParseText(s.Value, new CSharpParseOptions(LanguageVersion.Latest), path, System.Text.Encoding.UTF8);
        });

        var lambadaAssemblies = new[] { typeof(LambadaFunctionAttribute).Assembly.Location, typeof(Lambada.Runtime.ILambadaContext).Assembly.Location };
        foreach (var assembly in lambadaAssemblies)
            File.Copy(assembly, Path.Combine(directory, Path.GetFileName(assembly)), overwrite: true);

        var compilation = CSharpCompilation.Create(assemblyName, trees,
            FrameworkReferences.Value.Concat(lambadaAssemblies.Select(a => MetadataReference.CreateFromFile(a))),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var dllPath = Path.Combine(directory, assemblyName + ".dll");
        using var dll = File.Create(dllPath);
        using var pdb = emitPdb ? File.Create(Path.ChangeExtension(dllPath, ".pdb")) : null;
        var result = compilation.Emit(dll, pdb, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (!result.Success)
            throw new InvalidOperationException("Test source does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return dllPath;
    }

    private static bool IsManagedAssembly(string path)
    {
        try { System.Reflection.AssemblyName.GetAssemblyName(path); return true; }
        catch (BadImageFormatException) { return false; }
    }
}
