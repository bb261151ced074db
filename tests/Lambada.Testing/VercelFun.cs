using System.Text.Json;

namespace Lambada.Testing;

/// <summary>
/// @vercel/fun, a third-party implementation of the Lambda Runtime API (npm), driven through
/// <c>tests/Lambada.Tests.Integration/fun/invoke.js</c>. Installs its npm packages on first use.
/// </summary>
internal static class VercelFun
{
    private static readonly string Harness = Path.Combine(RepoPaths.Root, "tests", "Lambada.Tests.Integration", "fun");
    private static readonly Lazy<bool> Installed = new(Install);

    public sealed record Result(int StatusCode, string? FunctionError, string Payload);

    /// <summary>Runs one invocation of <paramref name="zip"/> (runtime <c>provided</c>: its <c>bootstrap</c> is started).</summary>
    public static Result Invoke(string zip, string payload, IReadOnlyDictionary<string, string> variables)
    {
        _ = Installed.Value;
        using var cache = new TempDirectory("fun-cache");
        var run = ProcessRunner.Run("node",
            ["invoke.js", zip, payload, .. variables.Select(v => $"{v.Key}={v.Value}")],
            Harness,
            new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = cache.Path },
            TimeSpan.FromMinutes(2));
        if (run.ExitCode != 0)
            throw new InvalidOperationException("@vercel/fun failed: " + run);
        var json = run.Output.Split('\n').Last(l => l.StartsWith('{'));
        using var result = JsonDocument.Parse(json);
        var root = result.RootElement;
        return new Result(
            root.GetProperty("StatusCode").GetInt32(),
            root.TryGetProperty("FunctionError", out var error) ? error.GetString() : null,
            root.GetProperty("Payload").GetString() ?? "");
    }

    private static bool Install()
    {
        if (Directory.Exists(Path.Combine(Harness, "node_modules", "@vercel", "fun")))
            return true;
        var install = ProcessRunner.Run("npm", ["ci", "--no-audit", "--no-fund"], Harness, timeout: TimeSpan.FromMinutes(5));
        return install.ExitCode == 0 ? true : throw new InvalidOperationException("npm ci failed: " + install);
    }
}
