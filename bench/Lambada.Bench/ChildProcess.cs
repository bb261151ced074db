using System.Diagnostics;
using Lambada.Testing;

namespace Lambada.Bench;

/// <summary>Starts processes with their output captured, in a clean environment.</summary>
public static class ChildProcess
{
    /// <summary>This program again, with other arguments (under <c>dotnet</c> when it was started as a .dll).</summary>
    public static ProcessStartInfo SelfStartInfo(IEnumerable<string> arguments)
    {
        var host = Environment.ProcessPath ?? throw new InvalidOperationException("unknown process path");
        var start = new ProcessStartInfo(host);
        if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        return start;
    }

    public static ProcessStartInfo Dotnet(string workingDirectory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.WithCleanEnvironment().Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        return start;
    }

    /// <summary>Runs to exit, however long it takes, with stdout and stderr merged (the tests' <see cref="ProcessRunner"/>).</summary>
    public static (int ExitCode, string Output) Run(ProcessStartInfo start)
    {
        var result = ProcessRunner.Run(start, Timeout.InfiniteTimeSpan);
        return (result.ExitCode, result.Output);
    }

    /// <summary>Runs and times a process from start to exit, wall clock.</summary>
    public static (int ExitCode, string Output, double Milliseconds) Timed(ProcessStartInfo start)
    {
        var stopwatch = Stopwatch.StartNew();
        var (exitCode, output) = Run(start);
        return (exitCode, output, stopwatch.Elapsed.TotalMilliseconds);
    }
}
