namespace LambdaShell;

/// <summary>Runs a list of commands one after the other and collects each one's lines under the command.</summary>
public sealed class CommandBatch(ScriptRunner scripts, AwsCommand aws)
{
    public async Task<Dictionary<string, List<string>>> RunAsync(IEnumerable<string> commands, CancellationToken cancellation)
    {
        // Dictionary<string, T> enumerates in insertion order as long as nothing is removed, so the
        // serialized result lists the commands in input order.
        var results = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            var lines = cancellation.IsCancellationRequested
                ? [StatusLines.NotRun]
                : await RunOneAsync(command, cancellation);
            if (results.TryGetValue(command, out var earlier))
                earlier.AddRange(lines);
            else
                results.Add(command, [.. lines]);
        }
        return results;
    }

    private Task<IReadOnlyList<string>> RunOneAsync(string command, CancellationToken cancellation) =>
        AwsCommand.Matches(command)
            ? aws.RunAsync(command, cancellation)
            : scripts.RunAsync(command, cancellation);
}
