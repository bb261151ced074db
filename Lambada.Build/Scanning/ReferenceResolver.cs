using Mono.Cecil;

namespace Lambada.Build.Scanning;

/// <summary>
/// Resolves only from the project's own references and the scanned assembly's folder — never from
/// MSBuild's process or the current directory — reading each file in memory so nothing stays locked.
/// </summary>
internal sealed class ReferenceResolver : IAssemblyResolver
{
    private readonly Dictionary<string, string> _pathsByName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, AssemblyDefinition?> _cache = new(StringComparer.OrdinalIgnoreCase);

    public ReferenceResolver(string assemblyDirectory, IEnumerable<string> referencePaths)
    {
        foreach (var path in referencePaths)
            _pathsByName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        if (Directory.Exists(assemblyDirectory))
            foreach (var path in Directory.EnumerateFiles(assemblyDirectory, "*.dll"))
                _pathsByName.TryAdd(Path.GetFileNameWithoutExtension(path), path);
    }

    public AssemblyDefinition Resolve(AssemblyNameReference name) => Resolve(name, new ReaderParameters());

    public AssemblyDefinition Resolve(AssemblyNameReference name, ReaderParameters parameters)
    {
        if (!_cache.TryGetValue(name.Name, out var assembly))
        {
            assembly = _pathsByName.TryGetValue(name.Name, out var path) && File.Exists(path)
                ? AssemblyDefinition.ReadAssembly(path, new ReaderParameters { InMemory = true, AssemblyResolver = this })
                : null;
            _cache[name.Name] = assembly;
        }
        return assembly ?? throw new AssemblyResolutionException(name);
    }

    public void Dispose()
    {
        foreach (var assembly in _cache.Values)
            assembly?.Dispose();
        _cache.Clear();
    }
}
