namespace Lambada.Build.Packaging;

/// <summary>One file of a package: its name inside the zip ('/'-separated), its Unix mode, and where its bytes come from.</summary>
internal sealed record PackageEntry(string Name, int Mode, Func<Stream> Open, long Length)
{
    public static PackageEntry FromFile(string root, string fullPath)
    {
        var name = System.IO.Path.GetRelativePath(root, fullPath).Replace('\\', '/');
        return new PackageEntry(name, UnixModes.Of(name, fullPath), () => File.OpenRead(fullPath), new FileInfo(fullPath).Length);
    }

    public static PackageEntry FromText(string name, int mode, string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return new PackageEntry(name, mode, () => new MemoryStream(bytes, writable: false), bytes.Length);
    }
}
