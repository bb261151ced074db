namespace Lambada.Build.Deployment;

/// <summary>The table printed after a deploy or plan: function, action, memory, timeout, short code hash, version, ARN.</summary>
public static class DeployReport
{
    private static readonly string[] Header = ["function", "action", "memory", "timeout", "code", "version", "arn"];

    public static IReadOnlyList<string> Format(IReadOnlyList<FunctionOutcome> outcomes)
    {
        var rows = outcomes.Select(o => new[]
        {
            o.Name,
            o.Kind == OutcomeKind.Planned ? o.Detail.Split(':')[0] : o.Kind.ToString().ToLowerInvariant(),
            o.MemorySize is { } m ? $"{m} MB" : "-",
            o.Timeout is { } t ? $"{t} s" : "-",
            FunctionPlan.Short(o.CodeSha256),
            o.Version ?? "-",
            o.Arn ?? "-",
        }).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Select(r => r[i].Length).Append(Header[i].Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        return [Line(Header), .. rows.Select(Line)];
    }
}
