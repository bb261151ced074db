using Lambada.Build.Aws.Lambda;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>
/// Compares each desired function with the configuration read from AWS (a ListFunctions page or GetFunctionConfiguration), field by field. Pure: no AWS calls.
/// Lambada owns the fields compared here; everything else on a function (VPC, layers, logging, …) it leaves alone.
/// </summary>
public static class Planner
{
    public static FunctionPlan Plan(DesiredFunction desired, FunctionConfiguration? remote, string roleArn, string codeSha256)
    {
        if (remote is null)
            return new FunctionPlan(desired.Name, PlannedAction.Create, desired, null) { CodeChanged = true };

        var d = desired.Definition;
        var changes = new List<FieldChange>();
        void Compare(string field, string? before, string? after)
        {
            if (!string.Equals(before ?? "", after ?? "", StringComparison.Ordinal))
                changes.Add(new FieldChange(field, Show(before), Show(after)));
        }
        Compare("Role", remote.Role, roleArn);
        Compare("Handler", remote.Handler, d.Handler);
        Compare("Runtime", remote.Runtime, d.Runtime);
        Compare("MemorySize", Number(remote.MemorySize), Number(d.MemorySize));
        Compare("Timeout", Number(remote.Timeout), Number(d.Timeout));
        Compare("Description", remote.Description, d.Description);
        Compare("EphemeralStorage", Number(remote.EphemeralStorage?.Size ?? 512), Number(d.EphemeralStorage));
        var remoteEnvironment = remote.Environment?.Variables ?? new Dictionary<string, string>();
        var environmentChange = EnvironmentChange(remoteEnvironment, desired.Environment);
        if (environmentChange is not null)
            changes.Add(environmentChange);

        var settingsChanged = !remoteEnvironment.TryGetValue(LambadaContract.SettingsVariable, out var digest)
                              || digest != desired.Environment[LambadaContract.SettingsVariable];
        var architectureChanged = !(remote.Architectures ?? ["x86_64"]).SequenceEqual([d.Architecture]);
        var codeChanged = remote.CodeSha256 != codeSha256;
        var action = changes.Count > 0 || codeChanged || architectureChanged || settingsChanged ? PlannedAction.Update : PlannedAction.Unchanged;
        return new FunctionPlan(desired.Name, action, desired, remote)
        {
            ConfigChanges = changes,
            CodeChanged = codeChanged,
            ArchitectureChanged = architectureChanged,
            SettingsChanged = settingsChanged,
            FinishesEarlierDeploy = digest == DesiredFunction.Unfinished,
        };
    }

    /// <summary>Key names only: values may be secrets.</summary>
    private static FieldChange? EnvironmentChange(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        var added = after.Keys.Where(k => !before.ContainsKey(k)).Select(k => "+" + k);
        var removed = before.Keys.Where(k => !after.ContainsKey(k)).Select(k => "-" + k);
        var changed = after.Where(a => before.TryGetValue(a.Key, out var value) && value != a.Value).Select(a => "~" + a.Key);
        var all = added.Concat(removed).Concat(changed).OrderBy(k => k[1..], StringComparer.Ordinal).ToList();
        return all.Count == 0 ? null : new FieldChange("Environment", $"{before.Count} variables", string.Join(" ", all));
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value;
}
