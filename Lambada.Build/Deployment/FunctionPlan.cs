using Lambada.Build.Aws.Lambda;
using Lambada.Build.Deployment.Triggers;

namespace Lambada.Build.Deployment;

internal enum PlannedAction { Create, Update, Unchanged, Delete }

/// <summary>One field that differs between Lambda and the attribute. Environment values never appear, only key names.</summary>
internal sealed record FieldChange(string Field, string Before, string After)
{
    public override string ToString() => $"{Field}: {Before} -> {After}";
}

/// <summary>What a deploy will do to one function, decided from the configuration read from AWS alone (no per-function reads beyond it).</summary>
internal sealed record FunctionPlan(string Name, PlannedAction Action, DesiredFunction? Desired, FunctionConfiguration? Remote)
{
    public IReadOnlyList<FieldChange> ConfigChanges { get; init; } = [];
    public bool CodeChanged { get; init; }
    public bool ArchitectureChanged { get; init; }

    /// <summary>Tags, reserved concurrency or alias differ (the <c>LAMBADA_SETTINGS</c> digest changed).</summary>
    public bool SettingsChanged { get; init; }

    /// <summary>An earlier deploy stopped part-way and marked the function <see cref="DesiredFunction.Unfinished"/>: every step is redone.</summary>
    public bool FinishesEarlierDeploy { get; init; }

    /// <summary>The changes to the function's URL, routes and statements; null when they were not looked at (the digest matched).</summary>
    public TriggerPlan? Triggers { get; init; }

    /// <summary>What the plan shows as its action: an unchanged function whose triggers change is updated.</summary>
    public PlannedAction ShownAction => Action == PlannedAction.Unchanged && Triggers is { HasChanges: true } ? PlannedAction.Update : Action;

    public string Summary => string.Join("; ", new[] { FunctionSummary, Triggers?.Summary ?? "" }.Where(s => s.Length > 0));

    private string FunctionSummary => Action switch
    {
        PlannedAction.Update => string.Join("; ", (FinishesEarlierDeploy ? ["finishing an earlier deploy that stopped part-way"] : Array.Empty<string>())
            .Concat(ConfigChanges.Select(c => c.ToString()))
            .Concat(CodeChanged ? [$"code: {Short(Remote?.CodeSha256)} -> new package"] : [])
            .Concat(ArchitectureChanged ? [$"architecture: {string.Join(",", Remote?.Architectures ?? [])} -> {Desired?.Definition.Architecture}"] : [])),
        PlannedAction.Create => "new function",
        PlannedAction.Delete => "no attribute declares it any more (LambadaPrune)",
        _ => "",
    };

    public static string Short(string? codeSha256) => string.IsNullOrEmpty(codeSha256) ? "-" : codeSha256[..Math.Min(8, codeSha256.Length)];
}
