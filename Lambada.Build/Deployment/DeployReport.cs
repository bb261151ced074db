namespace Lambada.Build.Deployment;

/// <summary>
/// The table printed after a deploy or plan: function, action, memory, timeout, short code hash, version, ARN, and what
/// changed in the plan's words. Rows are sorted by function name (ordinal), deletions last, so the table reads the same
/// whatever order the parallel apply finished in.
/// </summary>
internal static class DeployReport
{
    private static readonly string[] Header = ["function", "action", "memory", "timeout", "code", "version", "arn", "changes"];

    public static IReadOnlyList<string> Format(IReadOnlyList<FunctionOutcome> outcomes)
    {
        var rows = Ordered(outcomes).Select(o => new[]
        {
            o.Name,
            Action(o),
            o.MemorySize is { } m ? $"{m} MB" : "-",
            o.Timeout is { } t ? $"{t} s" : "-",
            FunctionPlan.Short(o.CodeSha256),
            o.Version ?? "-",
            o.Arn ?? "-",
            Changes(o),
        }).ToList();
        var widths = Enumerable.Range(0, Header.Length).Select(i => rows.Select(r => r[i].Length).Append(Header[i].Length).Max()).ToArray();
        string Line(string[] cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        return [Line(Header), .. rows.Select(Line)];
    }

    /// <summary>The report's order: by function name (ordinal), deletions (done or planned) after everything else.</summary>
    public static IReadOnlyList<FunctionOutcome> Ordered(IEnumerable<FunctionOutcome> outcomes) =>
        outcomes.OrderBy(o => Action(o) is "deleted" or "delete").ThenBy(o => o.Name, StringComparer.Ordinal).ToList();

    /// <summary>A planned row's action is the plan's own (create, update, …); a deploy's row says what was done.</summary>
    private static string Action(FunctionOutcome o) => o.Kind == OutcomeKind.Planned ? o.Detail.Split(':')[0] : o.Kind.ToString().ToLowerInvariant();

    /// <summary>
    /// What changed (or, for a plan, will change), exactly as the plan words it: <c>Timeout: 10 -> 20; code: AbCd1234 -> new package</c>.
    /// A failed function's errors follow the table, so its row claims nothing.
    /// </summary>
    private static string Changes(FunctionOutcome o)
    {
        var words = o.Kind switch
        {
            OutcomeKind.Failed => "",
            OutcomeKind.Planned => o.Detail.IndexOf(": ", StringComparison.Ordinal) is var colon and >= 0 ? o.Detail[(colon + 2)..] : "",
            _ => o.Detail,
        };
        return words.Length == 0 ? "-" : words;
    }

    /// <summary>What was done, what may have been done (sent, never answered) and what was not, for one failed function.</summary>
    public static string Steps(FunctionOutcome failed)
    {
        var parts = new List<string>();
        if (failed.Done.Count > 0)
            parts.Add($"Done: {string.Join(", ", failed.Done)}.");
        if (failed.Unknown.Count > 0)
            parts.Add($"Unknown (sent, never answered): {string.Join(", ", failed.Unknown)}.");
        if (parts.Count == 0)
            parts.Add("Nothing was changed.");
        if (failed.NotDone.Count > 0)
            parts.Add($"Not done: {string.Join(", ", failed.NotDone)}.");
        return string.Join(" ", parts);
    }

    /// <summary>The line after the table: how many functions ended how, and the requests it took.</summary>
    public static string Summary(DeployResult result, bool planOnly)
    {
        var counts = string.Join(", ", result.Outcomes.GroupBy(o => o.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
        return $"{(planOnly ? "plan" : "deploy")} done: {counts}; {result.Requests} AWS request(s), {result.MutatingRequests} of them changing something";
    }
}
