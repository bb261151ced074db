using System.IO.Compression;

namespace Lambada.Build.Packaging;

/// <summary>
/// Writes a zip whose bytes depend only on the entries' names, modes and contents: ordinal name order, one
/// fixed timestamp, one compression level, and Unix as the "made by" system on every OS, so the same publish
/// output gives the same CodeSha256 and an unchanged function is never redeployed.
/// </summary>
internal static class DeterministicZip
{
    /// <summary>The earliest time a zip can hold (the DOS epoch); it names no real build.</summary>
    public static readonly DateTimeOffset Timestamp = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public const CompressionLevel Level = CompressionLevel.Optimal;

    public static void Write(string zipPath, IEnumerable<PackageEntry> entries)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        using (var file = new FileStream(zipPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None))
        {
            using (var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
                {
                    var zipEntry = archive.CreateEntry(entry.Name, Level);
                    zipEntry.LastWriteTime = Timestamp;
                    zipEntry.ExternalAttributes = UnixModes.ExternalAttributes(entry.Mode);
                    using var source = entry.Open();
                    using var target = zipEntry.Open();
                    source.CopyTo(target);
                }
            }
            MarkMadeByUnix(file);
        }
    }

    // ZipArchive writes "made by: Windows" on Windows, and extractors then ignore the Unix modes: a bootstrap
    // packed on Windows would not be executable in Lambda. The field is patched in the central directory.
    private static void MarkMadeByUnix(FileStream zip)
    {
        const int endRecordSize = 22;
        const uint centralHeaderSignature = 0x02014b50;
        const byte unix = 3;

        var end = new byte[endRecordSize];
        zip.Seek(-endRecordSize, SeekOrigin.End);   // no archive comment, so the end record is the last 22 bytes
        zip.ReadExactly(end);
        var count = BitConverter.ToUInt16(end, 10);
        long offset = BitConverter.ToUInt32(end, 16);

        var header = new byte[46];
        for (var i = 0; i < count; i++)
        {
            zip.Seek(offset, SeekOrigin.Begin);
            zip.ReadExactly(header);
            if (BitConverter.ToUInt32(header, 0) != centralHeaderSignature)
                throw new InvalidDataException($"{zip.Name}: no central directory header at {offset}");
            zip.Seek(offset + 5, SeekOrigin.Begin);
            zip.WriteByte(unix);
            offset += header.Length + BitConverter.ToUInt16(header, 28) + BitConverter.ToUInt16(header, 30) + BitConverter.ToUInt16(header, 32);
        }
    }
}
