using System.Globalization;
using Lambada.Build.Aws.Lambda;

namespace Lambada.Build.Deployment;

/// <summary>
/// The one list of what Lambada sets on a function. The planner's field diff and the CreateFunction,
/// UpdateFunctionConfiguration and UpdateFunctionCode requests are all derived from it, so a field added here is
/// compared and sent everywhere. Everything else on a function (VPC, layers, logging, …) Lambada leaves alone.
/// </summary>
internal static class OwnedFields
{
    /// <summary>The fields of CreateFunction and UpdateFunctionConfiguration, in the order the plan lists their changes.</summary>
    public static IReadOnlyList<OwnedField> Configuration { get; } =
    [
        new OwnedField<string>("Role", d => d.RoleArn, r => r.Role ?? "", Text,
            (c, v) => c with { Role = v }, (u, v) => u with { Role = v }),
        new OwnedField<string>("Handler", d => d.Definition.Handler, r => r.Handler ?? "", Text,
            (c, v) => c with { Handler = v }, (u, v) => u with { Handler = v }),
        new OwnedField<string?>("Runtime", d => d.Definition.Runtime, r => r.Runtime, Text,
            (c, v) => c with { Runtime = v }, (u, v) => u with { Runtime = v }),
        new OwnedField<int>("MemorySize", d => d.Definition.MemorySize, r => r.MemorySize, Number,
            (c, v) => c with { MemorySize = v }, (u, v) => u with { MemorySize = v }),
        new OwnedField<int>("Timeout", d => d.Definition.Timeout, r => r.Timeout, Number,
            (c, v) => c with { Timeout = v }, (u, v) => u with { Timeout = v }),
        new OwnedField<string>("Description", d => d.Definition.Description, r => r.Description ?? "", Text,
            (c, v) => c with { Description = v }, (u, v) => u with { Description = v }),
        new OwnedField<int>("EphemeralStorage", d => d.Definition.EphemeralStorage, r => r.EphemeralStorage?.Size ?? LambdaDefaults.EphemeralStorage, Number,
            (c, v) => c with { EphemeralStorage = new EphemeralStorageSettings(v) }, (u, v) => u with { EphemeralStorage = new EphemeralStorageSettings(v) }),
        new OwnedField<IReadOnlyDictionary<string, string>>("Environment", d => d.Function.Environment, r => r.Environment?.Variables ?? LambdaDefaults.Environment, EnvironmentChange,
            (c, v) => c with { Environment = new EnvironmentSettings(v) }, (u, v) => u with { Environment = new EnvironmentSettings(v) }),
    ];

    public static CreateFunctionRequest CreateRequest(DesiredFunction desired, string roleArn, FunctionCode code)
    {
        var wanted = new DesiredConfiguration(desired, roleArn);
        var request = new CreateFunctionRequest
        {
            FunctionName = desired.Name,
            Role = roleArn, // required by the record; the Role field below sets the same value
            Code = code,
            Tags = desired.Tags,
            Architectures = Architectures(desired),
        };
        return Configuration.Aggregate(request, (r, field) => field.SetOn(r, wanted));
    }

    public static UpdateFunctionConfigurationRequest UpdateConfigurationRequest(DesiredFunction desired, string roleArn)
    {
        var wanted = new DesiredConfiguration(desired, roleArn);
        return Configuration.Aggregate(new UpdateFunctionConfigurationRequest(), (r, field) => field.SetOn(r, wanted));
    }

    /// <summary>The code, and the architecture with it: Lambda takes the architecture only with the code (CreateFunction, UpdateFunctionCode).</summary>
    public static UpdateFunctionCodeRequest UpdateCodeRequest(DesiredFunction desired, FunctionCode code) => new()
    {
        ZipFile = code.ZipFile,
        S3Bucket = code.S3Bucket,
        S3Key = code.S3Key,
        Architectures = Architectures(desired),
    };

    /// <summary>Another architecture is not a configuration change: it is sent with the code.</summary>
    public static bool ArchitectureChanged(FunctionConfiguration remote, DesiredFunction desired) =>
        !(remote.Architectures ?? LambdaDefaults.Architectures).SequenceEqual(Architectures(desired));

    private static IReadOnlyList<string> Architectures(DesiredFunction desired) => [desired.Definition.Architecture];

    private static FieldChange? Text(string field, string? remote, string? desired) =>
        string.Equals(remote ?? "", desired ?? "", StringComparison.Ordinal) ? null : new FieldChange(field, Show(remote), Show(desired));

    private static FieldChange? Number(string field, int remote, int desired) =>
        remote == desired ? null : new FieldChange(field, remote.ToString(CultureInfo.InvariantCulture), desired.ToString(CultureInfo.InvariantCulture));

    /// <summary>Key names only: values may be secrets.</summary>
    private static FieldChange? EnvironmentChange(string field, IReadOnlyDictionary<string, string> remote, IReadOnlyDictionary<string, string> desired)
    {
        var added = desired.Keys.Where(k => !remote.ContainsKey(k)).Select(k => "+" + k);
        var removed = remote.Keys.Where(k => !desired.ContainsKey(k)).Select(k => "-" + k);
        var changed = desired.Where(a => remote.TryGetValue(a.Key, out var value) && value != a.Value).Select(a => "~" + a.Key);
        var all = added.Concat(removed).Concat(changed).OrderBy(k => k[1..], StringComparer.Ordinal).ToList();
        return all.Count == 0 ? null : new FieldChange(field, $"{remote.Count} variables", string.Join(" ", all));
    }

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(none)" : value;
}
