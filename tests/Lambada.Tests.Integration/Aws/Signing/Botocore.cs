using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace Lambada.Tests.Aws.Signing;

internal sealed record BotocoreSignature(string CanonicalRequest, string StringToSign, IReadOnlyDictionary<string, string> Headers);

/// <summary>Signs requests with the installed botocore through <c>botocore_sign.py</c> (frozen clock, example keys).</summary>
internal static class Botocore
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static string ScriptPath => Path.Combine(AppContext.BaseDirectory, "Aws", "Signing", "botocore_sign.py");

    public static IReadOnlyList<BotocoreSignature> Sign(IReadOnlyList<WireRequest> requests)
    {
        var input = JsonSerializer.Serialize(requests.Select(r => new
        {
            method = r.Method,
            url = r.Url,
            service = r.Service,
            region = r.Region,
            body = r.Body,
            headers = r.Headers,
            session_token = r.SessionToken,
        }));
        var (exitCode, stdout, stderr) = RunPython(input);
        if (exitCode != 0)
            throw new InvalidOperationException($"botocore_sign.py failed (exit {exitCode}); python3 with botocore is required for these tests:\n{stderr}");
        using var document = JsonDocument.Parse(stdout);
        var results = document.RootElement.GetProperty("results").EnumerateArray().Select(r => new BotocoreSignature(
            r.GetProperty("canonical_request").GetString()!,
            r.GetProperty("string_to_sign").GetString()!,
            r.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!))).ToList();
        if (results.Count != requests.Count)
            throw new InvalidOperationException($"botocore_sign.py returned {results.Count} results for {requests.Count} requests.");
        return results;
    }

    private static (int ExitCode, string Stdout, string Stderr) RunPython(string input)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptPath);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"python3 is not on PATH ({e.Message}); these tests need python3 with botocore (pip install botocore).", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"botocore_sign.py did not finish within {Timeout}.");
            }
            return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
        }
    }
}
