using Lambada.Build.Aws.Lambda;
using Lambada.Build.Model;

namespace Lambada.Build.Deployment;

/// <summary>
/// Compares each desired function with the configuration read from AWS (a ListFunctions page or GetFunctionConfiguration),
/// field by field over <see cref="OwnedFields"/>. Pure: no AWS calls.
/// </summary>
internal static class Planner
{
    public static FunctionPlan Plan(DesiredFunction desired, FunctionConfiguration? remote, string roleArn, string codeSha256)
    {
        if (remote is null)
            return new FunctionPlan(desired.Name, PlannedAction.Create, desired, null) { CodeChanged = true };

        var wanted = new DesiredConfiguration(desired, roleArn);
        var changes = OwnedFields.Configuration.Select(field => field.Compare(remote, wanted)).OfType<FieldChange>().ToList();

        var remoteEnvironment = remote.Environment?.Variables ?? LambdaDefaults.Environment;
        var settingsChanged = !remoteEnvironment.TryGetValue(LambadaContract.SettingsVariable, out var digest)
                              || digest != desired.Environment[LambadaContract.SettingsVariable];
        var architectureChanged = OwnedFields.ArchitectureChanged(remote, desired);
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
}
