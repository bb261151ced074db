using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Lambada.Bench.Deploy;

/// <summary>
/// A moto_server of our own on a free 127.0.0.1 port, its log in a file (one line per request, which is how the CLI's
/// requests are counted). Killed by its PID on dispose.
/// </summary>
public sealed class MotoServer : IDisposable
{
    private readonly Process _process;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private MotoServer(Process process, int port, string logPath)
    {
        _process = process;
        Port = port;
        LogPath = logPath;
    }

    public int Port { get; }
    public string LogPath { get; }
    public string Endpoint => $"http://127.0.0.1:{Port}";

    public static async Task<MotoServer> StartAsync(string workDirectory)
    {
        var port = FreePort();
        var logPath = Path.Combine(workDirectory, "moto.log");
        // exec: the PID we hold is moto's own, so killing it stops the server.
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec moto_server -H 127.0.0.1 -p {port} > '{logPath}' 2>&1");
        start.Environment["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true";
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start moto_server");
        var server = new MotoServer(process, port, logPath);
        try
        {
            await server.WaitReadyAsync().ConfigureAwait(false);
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task WaitReadyAsync()
    {
        for (var i = 0; i < 150; i++)
        {
            // Another program on the port would also answer; ours must still be alive and must have said so in its log.
            if (_process.HasExited)
                throw new InvalidOperationException($"moto_server exited ({_process.ExitCode}): {File.ReadAllText(LogPath)}");
            try
            {
                using var reply = await _http.GetAsync($"{Endpoint}/moto-api/").ConfigureAwait(false);
                if (reply.IsSuccessStatusCode && File.ReadAllText(LogPath).Contains($":{Port}", StringComparison.Ordinal))
                    return;
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200).ConfigureAwait(false);
        }
        throw new TimeoutException($"moto_server did not answer on port {Port} within 30 s");
    }

    /// <summary>Clears every function, role and policy attachment.</summary>
    public async Task ResetAsync()
    {
        using var reply = await _http.PostAsync($"{Endpoint}/moto-api/reset", null).ConfigureAwait(false);
        reply.EnsureSuccessStatusCode();
    }

    /// <summary>AWS API requests moto has logged so far (its own /moto-api calls excluded).</summary>
    public int LoggedRequests() => LoggedRequests(_ => true);

    /// <summary>Logged AWS API requests whose log line matches, e.g. <c>"PUT /2015-03-31/functions/"</c> … <c>"/code "</c>.</summary>
    public int LoggedRequests(Func<string, bool> matches)
    {
        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains(" HTTP/1.1\" ", StringComparison.Ordinal) && !line.Contains("/moto-api", StringComparison.Ordinal) && matches(line))
                count++;
        }
        return count;
    }

    public void Dispose()
    {
        _http.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
