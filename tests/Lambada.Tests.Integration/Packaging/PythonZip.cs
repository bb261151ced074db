using System.Text.Json;
using Lambada.Testing;

namespace Lambada.Tests.Packaging;

/// <summary>One zip entry as Python's zipfile reads it.</summary>
public sealed record ZipEntryInfo(string Name, int Mode, int FileType, int CreateSystem, int[] DateTime);

/// <summary>Reads a package back with Python's zipfile and hashlib, so nothing of Lambada's own code judges it.</summary>
public static class PythonZip
{
    private const string ListScript = """
        import json, sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as z:
            print(json.dumps([{"name": i.filename, "mode": (i.external_attr >> 16) & 0o7777, "fileType": (i.external_attr >> 16) & 0o170000,
                               "createSystem": i.create_system, "dateTime": list(i.date_time)} for i in z.infolist()]))
        """;

    private const string HashScript = """
        import base64, hashlib, sys
        print(base64.b64encode(hashlib.sha256(open(sys.argv[1], "rb").read()).digest()).decode())
        """;

    // Extracts like Lambda does: the Unix modes in the entries become the files' modes.
    private const string ExtractScript = """
        import os, sys, zipfile
        with zipfile.ZipFile(sys.argv[1]) as z:
            for i in z.infolist():
                path = z.extract(i, sys.argv[2])
                os.chmod(path, (i.external_attr >> 16) & 0o7777)
        """;

    public static IReadOnlyList<ZipEntryInfo> Entries(string zip) =>
        JsonSerializer.Deserialize<ZipEntryInfo[]>(Run(ListScript, zip), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    public static string CodeSha256(string zip) => Run(HashScript, zip).Trim();

    public static void Extract(string zip, string directory) => Run(ExtractScript, zip, directory);

    private static string Run(string script, params string[] arguments)
    {
        var result = ProcessRunner.Run("python3", ["-c", script, .. arguments]);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        return result.Output;
    }
}
