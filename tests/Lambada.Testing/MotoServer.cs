using System.Diagnostics;
using System.Net;
using System.Text;

namespace Lambada.Testing;

/// <summary>
/// A private <c>moto_server</c> (AWS stand-in: S3, Lambda, IAM, STS on one port) on a free loopback port,
/// stopped with its whole process tree on dispose. Start one per test class (ClassInitialize/ClassCleanup)
/// so classes running in parallel never share state.
/// </summary>
internal sealed class MotoServer : IDisposable
{
    public const string AccessKeyId = "testing";
    public const string SecretAccessKey = "testing";
    public const string Region = "us-east-1";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private MotoServer(Process process, int port)
    {
        _process = process;
        Endpoint = $"http://127.0.0.1:{port}";
    }

    /// <summary>The server's base URL, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Endpoint { get; }

    /// <summary>What the server printed so far (requests and errors); useful in assertion messages.</summary>
    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <summary>
    /// The environment an independent client (AWS CLI, boto3, a build) needs to talk to this server with dummy
    /// credentials; profile files are pointed at nothing so a developer's own configuration cannot leak in.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ClientEnvironment => new Dictionary<string, string?>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint,
        ["AWS_ACCESS_KEY_ID"] = AccessKeyId,
        ["AWS_SECRET_ACCESS_KEY"] = SecretAccessKey,
        ["AWS_REGION"] = Region,
        ["AWS_DEFAULT_REGION"] = Region,
        ["AWS_CONFIG_FILE"] = "/nonexistent/lambada-tests/aws-config",
        ["AWS_SHARED_CREDENTIALS_FILE"] = "/nonexistent/lambada-tests/aws-credentials",
    };

    /// <summary>Starts a server and waits until it answers. Extra variables go to the server's own environment
    /// (e.g. <c>MOTO_IAM_LOAD_MANAGED_POLICIES=true</c>).</summary>
    public static MotoServer Start(IReadOnlyDictionary<string, string>? serverEnvironment = null)
    {
        // The free port is found before moto binds it, so another process may take it in between: retry then.
        for (var attempt = 1; ; attempt++)
        {
            var server = Launch(FreePort.Next(), serverEnvironment);
            try
            {
                server.WaitUntilReady();
                return server;
            }
            catch (MotoServerExitedException) when (attempt < 3 && server.Log.Contains("Address already in use", StringComparison.Ordinal))
            {
                server.Dispose();
            }
            catch
            {
                server.Dispose();
                throw;
            }
        }
    }

    /// <summary>Clears every resource the server holds (<c>POST /moto-api/reset</c>).</summary>
    public void Reset()
    {
        using var response = Http.PostAsync(Endpoint + "/moto-api/reset", content: null).GetAwaiter().GetResult();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"moto reset answered {(int)response.StatusCode}\n{Log}");
    }

    /// <summary>Runs the AWS CLI against this server.</summary>
    public ProcessResult Aws(params string[] arguments) =>
        ProcessRunner.Run("aws", arguments, environment: ClientEnvironment, timeout: TimeSpan.FromMinutes(1));

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited on its own between the check and the kill.
        }
        _process.Dispose();
    }

    private static MotoServer Launch(int port, IReadOnlyDictionary<string, string>? serverEnvironment)
    {
        var start = new ProcessStartInfo("moto_server")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-H", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(argument);
        foreach (var (key, value) in serverEnvironment ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var server = new MotoServer(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return server;
    }

    private void WaitUntilReady()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
                throw new MotoServerExitedException($"moto_server exited with {_process.ExitCode} before answering on {Endpoint}:\n{Log}");
            try
            {
                using var response = Http.GetAsync(Endpoint + "/moto-api/").GetAwaiter().GetResult();
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            Thread.Sleep(200);
        }
        throw new TimeoutException($"moto_server did not answer GET {Endpoint}/moto-api/ within {StartTimeout.TotalSeconds} s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is not null)
            lock (_log)
                _log.AppendLine(line);
    }

    private sealed class MotoServerExitedException(string message) : Exception(message);
}
