namespace Lambada.Build.Packaging;

/// <summary>The Unix mode of each packaged file: 0755 for what Lambda must execute, 0644 for the rest.</summary>
internal static class UnixModes
{
    public const int Regular = 0b110_100_100;       // 0644
    public const int Executable = 0b111_101_101;    // 0755
    private const int RegularFileType = 0x8000;     // S_IFREG (0100000): without it some extractors ignore the mode

    public static int Of(string relativePath, string fullPath) =>
        relativePath == Bootstrap.FileName || IsElf(fullPath) ? Executable : Regular;

    /// <summary>The ZIP external attributes that carry <paramref name="mode"/>: the Unix st_mode in the high 16 bits.</summary>
    public static int ExternalAttributes(int mode) => (RegularFileType | mode) << 16;

    // By content, not by name: apphosts and native libraries have no extension to recognise them by.
    private static bool IsElf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false) == 4
            && magic[0] == 0x7F && magic[1] == (byte)'E' && magic[2] == (byte)'L' && magic[3] == (byte)'F';
    }
}
