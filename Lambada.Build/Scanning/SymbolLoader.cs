using Mono.Cecil;
using Mono.Cecil.Cil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Attaches the portable PDB (beside the assembly, or embedded) when there is a usable one. Symbols are
/// optional: a missing or stale PDB only means diagnostics carry no source location.
/// </summary>
public static class SymbolLoader
{
    public static bool TryLoad(ModuleDefinition module, string assemblyPath)
    {
        try
        {
            var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
            if (File.Exists(pdbPath))
            {
                // Read through our own stream: Cecil would otherwise keep the .pdb open (InMemory covers only the .dll).
                var pdb = new MemoryStream(File.ReadAllBytes(pdbPath));
                module.ReadSymbols(new PortablePdbReaderProvider().GetSymbolReader(module, pdb), throwIfSymbolsAreNotMaching: true);
            }
            else
            {
                if (!module.HasDebugHeader || !module.GetDebugHeader().Entries.Any(e => e.Directory.Type == ImageDebugType.EmbeddedPortablePdb))
                    return false;
                module.ReadSymbols(new EmbeddedPortablePdbReaderProvider().GetSymbolReader(module, assemblyPath), throwIfSymbolsAreNotMaching: true);
            }
            return true;
        }
        catch (Exception e) when (e is SymbolsNotFoundException or SymbolsNotMatchingException or BadImageFormatException or InvalidOperationException or IOException)
        {
            return false;
        }
    }
}
