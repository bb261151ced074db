namespace Lambada.Build.Model;

/// <summary>What the scan may use besides the assembly itself.</summary>
internal sealed record ScanOptions
{
    public static readonly ScanOptions Default = new();

    /// <summary>Assemblies the project references (MSBuild's <c>@(ReferencePath)</c>); the only places referenced assemblies are looked up, besides the scanned assembly's folder.</summary>
    public IReadOnlyList<string> ReferencePaths { get; init; } = [];

    /// <summary>Source roots whose paths the compiler mapped (<c>PathMap</c>, e.g. <c>/_/</c> in CI builds), to turn PDB paths back into local files.</summary>
    public IReadOnlyList<SourceRoot> SourceRoots { get; init; } = [];
}

/// <summary>A local source folder and the path the compiler wrote for it into the PDB.</summary>
internal sealed record SourceRoot(string LocalPath, string MappedPath);
