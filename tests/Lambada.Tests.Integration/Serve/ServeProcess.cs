using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Lambada.Tests.Serve;

/// <summary>A running <c>serve</c> in its own process (<c>dotnet run -- serve --port 0</c> or the app itself), its output kept; killed on dispose.</summary>
internal sealed partial class ServeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    public ServeProcess(ProcessStartInfo start)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = true;
        start.UseShellExecute = false;
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Port = WaitForPort();
    }

    public int Port { get; }

    public string BaseAddress => $"http://127.0.0.1:{Port}";

    public int Id => _process.Id;

    public string Output { get { lock (_output) return _output.ToString(); } }

    /// <summary>The exit code once it has stopped by itself (after a signal); fails when it does not stop in <paramref name="patience"/>.</summary>
    public int WaitForExit(TimeSpan patience)
    {
        if (!_process.WaitForExit(patience))
            Assert.Fail("serve did not stop:\n" + Output);
        _process.WaitForExit();
        return _process.ExitCode;
    }

    private int WaitForPort()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            var match = Listening().Match(Output);
            if (match.Success)
                return int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (_process.HasExited)
                break;
            Thread.Sleep(50);
        }
        var output = Output;
        Dispose();
        throw new InvalidOperationException("serve did not say where it listens:\n" + output);
    }

    [GeneratedRegex(@"listening on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex Listening();

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
            // It exited between the check and the kill.
        }
        _process.Dispose();
    }
}
