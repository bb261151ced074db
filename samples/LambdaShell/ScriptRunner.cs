using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace LambdaShell;

/// <summary>
/// Runs one command as a temporary <c>/bin/bash -x</c> script and returns its output lines, stdout and
/// stderr merged in the order they were written. The script file is deleted afterwards.
/// </summary>
public sealed class ScriptRunner
{
    // The outer bash points its stderr at stdout and then becomes the traced script, so both streams
    // share one pipe and interleaved lines keep their order (two pipes read separately would not).
    private const string MergeStreamsAndRun = "exec 2>&1; exec /bin/bash -x \"$0\"";

    // A killed tree closes the pipe at once; this only bounds the wait for a process that left the tree.
    private static readonly TimeSpan DrainAfterKill = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Runs <paramref name="command"/>. A non-zero exit adds an <c>exit status N</c> line. When
    /// <paramref name="cancellation"/> fires, the whole process tree is killed and the lines so far are
    /// returned with a final <see cref="StatusLines.TimedOut"/> line.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunAsync(string command, CancellationToken cancellation)
    {
        var script = Path.Combine(Path.GetTempPath(), $"lambdashell-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, command + "\n", CancellationToken.None);
        try
        {
            return await RunScriptAsync(script, cancellation);
        }
        catch (Win32Exception e)
        {
            return [StatusLines.Error($"could not start /bin/bash: {e.Message}")];
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<IReadOnlyList<string>> RunScriptAsync(string script, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(MergeStreamsAndRun);
        start.ArgumentList.Add(script);

        var elapsed = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new OutputLines();
        var reading = output.ReadAllAsync(process.StandardOutput);
        try
        {
            await Task.WhenAll(process.WaitForExitAsync(CancellationToken.None), reading).WaitAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await WaitQuietlyAsync(reading, DrainAfterKill);
            return [.. output.Snapshot(), StatusLines.TimedOut(elapsed.Elapsed)];
        }

        var lines = output.Snapshot();
        return process.ExitCode == 0 ? lines : [.. lines, StatusLines.ExitStatus(process.ExitCode)];
    }

    private static async Task WaitQuietlyAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
        }
    }

    /// <summary>Lines read so far; safe to snapshot while the reader is still running.</summary>
    private sealed class OutputLines
    {
        private readonly List<string> _lines = [];

        public async Task ReadAllAsync(StreamReader reader)
        {
            while (await reader.ReadLineAsync() is { } line)
                lock (_lines)
                    _lines.Add(line);
        }

        public List<string> Snapshot()
        {
            lock (_lines)
                return [.. _lines];
        }
    }
}
