using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Lambada.Build.Scanning;

/// <summary>
/// The portable PDB of a scanned assembly (beside it, or embedded), read with System.Reflection.Metadata:
/// only the sequence-point blobs of the functions are decoded, never their IL. Symbols are optional — a
/// missing or stale PDB only means diagnostics carry no source location.
/// </summary>
internal sealed class PdbSymbols : IDisposable
{
    private readonly MetadataReaderProvider _provider;
    private readonly MetadataReader _reader;

    private PdbSymbols(MetadataReaderProvider provider)
    {
        _provider = provider;
        _reader = _provider.GetMetadataReader();
        Documents = _reader.Documents.Select(d => _reader.GetString(_reader.GetDocument(d).Name)).ToArray();
    }

    /// <summary>Every source file the PDB names, including those of types whose methods have no body.</summary>
    public IReadOnlyList<string> Documents { get; }

    /// <summary>The symbols that match the assembly at <paramref name="assemblyPath"/>, or null.</summary>
    public static PdbSymbols? TryLoad(string assemblyPath)
    {
        try
        {
            using var pe = new PEReader(new MemoryStream(File.ReadAllBytes(assemblyPath)));
            var debugDirectory = pe.ReadDebugDirectory();
            var embedded = debugDirectory.FirstOrDefault(e => e.Type == DebugDirectoryEntryType.EmbeddedPortablePdb);
            if (embedded.DataSize > 0)
                return new PdbSymbols(pe.ReadEmbeddedPortablePdbDebugDirectoryData(embedded));

            var pdbPath = Path.ChangeExtension(assemblyPath, ".pdb");
            var codeView = debugDirectory.FirstOrDefault(e => e.Type == DebugDirectoryEntryType.CodeView);
            if (!File.Exists(pdbPath) || codeView.DataSize == 0)
                return null;
            // Our own copy of the bytes: nothing keeps the .pdb open.
            var symbols = new PdbSymbols(MetadataReaderProvider.FromPortablePdbStream(new MemoryStream(File.ReadAllBytes(pdbPath))));
            if (symbols.Matches(pe.ReadCodeViewDebugDirectoryData(codeView).Guid, codeView.Stamp))
                return symbols;
            symbols.Dispose();
            return null;
        }
        catch (Exception e) when (e is BadImageFormatException or InvalidOperationException or IOException)
        {
            return null;
        }
    }

    /// <summary>The first visible sequence point of the method with metadata row <paramref name="methodRow"/>.</summary>
    public (string Document, int Line, int Column)? FirstSequencePoint(int methodRow)
    {
        var handle = MetadataTokens.MethodDefinitionHandle(methodRow).ToDebugInformationHandle();
        var information = _reader.GetMethodDebugInformation(handle);
        if (information.SequencePointsBlob.IsNil)
            return null;
        foreach (var point in information.GetSequencePoints())
        {
            if (!point.IsHidden)
                return (_reader.GetString(_reader.GetDocument(point.Document).Name), point.StartLine, point.StartColumn);
        }
        return null;
    }

    // A PDB from another build of the same assembly would point at the wrong lines.
    private bool Matches(Guid guid, uint stamp)
    {
        var id = _reader.DebugMetadataHeader?.Id;
        return id is { Length: 20 } && new Guid(id.Value.AsSpan(0, 16)) == guid && BitConverter.ToUInt32(id.Value.AsSpan(16, 4)) == stamp;
    }

    public void Dispose() => _provider.Dispose();
}
