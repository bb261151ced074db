namespace LambdaShell;

/// <summary>
/// Runs a list of commands one after the other and collects each one's lines under the command, keeping the
/// whole reply within <see cref="Limits.ResponseBytes"/>.
/// </summary>
public sealed class CommandBatch(ScriptRunner scripts, AwsCommand aws)
{
    /// <summary>
    /// Runs <paramref name="commands"/> in order. A missing list gives one <see cref="StatusLines.InputErrorKey"/>
    /// entry; a null command gives an error entry under <see cref="StatusLines.NullCommandKey"/> and the rest still run.
    /// </summary>
    public async Task<Dictionary<string, List<string>>> RunAsync(IReadOnlyList<string?>? commands, CancellationToken cancellation)
    {
        // Dictionary<string, T> enumerates in insertion order as long as nothing is removed, so the
        // serialized result lists the commands in input order.
        var results = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (commands is null)
        {
            results.Add(StatusLines.InputErrorKey, [StatusLines.NotAList("null (or an empty body)")]);
            return results;
        }

        var reply = new ReplyBudget();
        for (var i = 0; i < commands.Count; i++)
        {
            var key = commands[i] ?? StatusLines.NullCommandKey;
            IReadOnlyList<string> lines = commands[i] is not { } command ? [StatusLines.NullCommand(i + 1)]
                : cancellation.IsCancellationRequested ? [StatusLines.NotRun]
                : await RunOneAsync(command, reply.OutputLimitFor(command), cancellation);
            reply.Spend(key, lines);
            if (results.TryGetValue(key, out var earlier))
                earlier.AddRange(lines);
            else
                results.Add(key, [.. lines]);
        }
        return results;
    }

    private Task<IReadOnlyList<string>> RunOneAsync(string command, int outputLimit, CancellationToken cancellation) =>
        AwsCommand.Matches(command)
            ? aws.RunAsync(command, cancellation)
            : scripts.RunAsync(command, outputLimit, cancellation);
}
