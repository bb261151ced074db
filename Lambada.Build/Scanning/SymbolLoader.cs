using MetadataReaderProvider = System.Reflection.Metadata.MetadataReaderProvider;
using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Attaches the portable PDB (beside the assembly, or embedded) when there is a usable one. Symbols are
/// optional: a missing or stale PDB only means diagnostics carry no source location.
/// </summary>
public static class SymbolLoader
{
    /// <summary>Loads the symbols; returns the source documents the PDB lists (empty when there are none).</summary>
    public static IReadOnlyList<string> TryLoad(ModuleDefinition module, string assemblyPath)
    {
        try
        {
            var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
            if (File.Exists(pdbPath))
            {
                // Read through our own stream: Cecil would otherwise keep the .pdb open (InMemory covers only the .dll).
                var bytes = File.ReadAllBytes(pdbPath);
                module.ReadSymbols(new PortablePdbReaderProvider().GetSymbolReader(module, new MemoryStream(bytes)), throwIfSymbolsAreNotMaching: true);
                return DocumentsOf(bytes);
            }
            if (module.HasDebugHeader && module.GetDebugHeader().Entries.Any(e => e.Directory.Type == ImageDebugType.EmbeddedPortablePdb))
                module.ReadSymbols(new EmbeddedPortablePdbReaderProvider().GetSymbolReader(module, assemblyPath), throwIfSymbolsAreNotMaching: true);
            return [];
        }
        catch (Exception e) when (e is SymbolsNotFoundException or SymbolsNotMatchingException or BadImageFormatException or InvalidOperationException or IOException)
        {
            return [];
        }
    }

    // Types whose methods have no bodies (interfaces, abstract members) appear in no sequence point; the document table still names their files.
    private static string[] DocumentsOf(byte[] pdb)
    {
        using var provider = MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(pdb));
        var reader = provider.GetMetadataReader();
        return reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToArray();
    }
}
