using System.Text.RegularExpressions;

namespace Lambada.Testing;

/// <summary>One HTTP request as moto's own access log printed it — an independent count of what a client sent.</summary>
internal sealed record MotoRequest(string Method, string Path, int Status)
{
    public bool Mutates => Method != "GET" && Method != "HEAD";
}

/// <summary>Reads the requests a <see cref="MotoServer"/> logged since a mark, so tests can count calls without trusting the client.</summary>
internal static partial class MotoRequestLog
{
    /// <summary>A mark to count from: the current length of the server's log.</summary>
    public static int Mark(MotoServer server) => server.Log.Length;

    public static IReadOnlyList<MotoRequest> Since(MotoServer server, int mark) =>
        server.Log[mark..].Split('\n')
            .Select(line => RequestLine().Match(line))
            .Where(m => m.Success && !m.Groups["path"].Value.StartsWith("/moto-api", StringComparison.Ordinal))
            .Select(m => new MotoRequest(m.Groups["method"].Value, Uri.UnescapeDataString(m.Groups["path"].Value), int.Parse(m.Groups["status"].Value)))
            .ToList();

    [GeneratedRegex("\"(?<method>[A-Z]+) (?<path>\\S+) HTTP/1\\.[01]\" (?<status>\\d{3})")]
    private static partial Regex RequestLine();
}
