using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace LambdaShell;

/// <summary>
/// Runs one command as a temporary <c>/bin/bash -x</c> script and returns its output lines, stdout and
/// stderr merged in the order they were written, within a size limit (<see cref="BoundedOutput"/>).
/// The command runs in a process group of its own; when it ends, or its time is up, the whole group is
/// killed, background children included. The script file is deleted afterwards.
/// </summary>
public sealed class ScriptRunner
{
    // A small supervising bash (not traced) that the runner starts:
    // - `set -m` puts the job it starts into a new process group, so the command and everything it leaves in the
    //   background can be killed together, even after the command's own shell has exited;
    // - the command's stderr goes to stdout, so both share one pipe and interleaved lines keep their order;
    // - it tells the runner the group id on its own stderr, then closes that (job notices would go there);
    // - it waits for the command's shell only, not for the pipe, then kills the rest of the group.
    private const string Supervisor = """
        set -m
        /bin/bash -x "$0" </dev/null 2>&1 &
        echo "$!" >&2
        exec 2>/dev/null
        wait "$!"
        status=$?
        kill -KILL -- "-$!"
        exit "$status"
        """;

    // After the command's shell exits, what it printed last is still in the pipe; once the group is killed the pipe
    // closes at once. This bounds the wait for a process that left the group (setsid) and keeps the pipe open.
    private static readonly TimeSpan DrainAfterExit = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan GroupIdWait = TimeSpan.FromSeconds(1);

    private const int ReadBufferBytes = 64 * 1024;

    /// <summary>
    /// Runs <paramref name="command"/>, keeping at most <paramref name="outputLimit"/> JSON bytes of its output.
    /// A non-zero exit adds an <c>exit status N</c> line. When <paramref name="cancellation"/> fires, the
    /// command's process group is killed and the lines so far are returned with a final
    /// <see cref="StatusLines.TimedOut"/> line.
    /// </summary>
    public async Task<IReadOnlyList<string>> RunAsync(string command, int outputLimit, CancellationToken cancellation)
    {
        var script = Path.Combine(Path.GetTempPath(), $"lambdashell-{Guid.NewGuid():N}.sh");
        await File.WriteAllTextAsync(script, command + "\n", CancellationToken.None);
        try
        {
            return await RunScriptAsync(script, new BoundedOutput(outputLimit), cancellation);
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

    private static async Task<IReadOnlyList<string>> RunScriptAsync(string script, BoundedOutput output, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("/bin/bash")
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Supervisor);
        start.ArgumentList.Add(script);

        var elapsed = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var groupId = ReadGroupIdAsync(process.StandardError);
        var reading = ReadAllAsync(process.StandardOutput.BaseStream, output);
        try
        {
            await process.WaitForExitAsync(cancellation);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            await StopAsync(process, groupId);
            await FinishesWithinAsync(reading, DrainAfterExit);
            return [.. output.ToLines(), StatusLines.TimedOut(elapsed.Elapsed)];
        }

        var drained = await FinishesWithinAsync(reading, DrainAfterExit);
        List<string> lines = [.. output.ToLines()];
        if (!drained)
            lines.Add(StatusLines.OutputLeftOpen);
        if (process.ExitCode != 0)
            lines.Add(StatusLines.ExitStatus(process.ExitCode));
        return lines;
    }

    private static async Task StopAsync(Process process, Task<int?> groupId)
    {
        if (await FinishesWithinAsync(groupId, GroupIdWait) && groupId.Result is { } id)
            ProcessGroup.Kill(id);
        // Also the supervisor, and whatever was still its descendant if the group id never arrived.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(CancellationToken.None);
    }

    private static async Task<int?> ReadGroupIdAsync(StreamReader errors)
    {
        var line = await errors.ReadLineAsync();
        return int.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 1 ? id : null;
    }

    private static async Task ReadAllAsync(Stream pipe, BoundedOutput output)
    {
        var buffer = new byte[ReadBufferBytes];
        try
        {
            int read;
            while ((read = await pipe.ReadAsync(buffer)) > 0)
                output.Append(buffer.AsSpan(0, read));
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // The pipe was closed under a read the runner had stopped waiting for.
        }
    }

    private static async Task<bool> FinishesWithinAsync(Task task, TimeSpan limit)
    {
        try
        {
            await task.WaitAsync(limit);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
