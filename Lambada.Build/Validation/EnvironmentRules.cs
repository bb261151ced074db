using System.Text;
using System.Text.RegularExpressions;
using Lambada.Build.Diagnostics;
using Lambada.Build.Model;

namespace Lambada.Build.Validation;

/// <summary>LMB0110–0114: environment variable names, reserved names, Lambada's own namespace and the 4 KB total.</summary>
internal static partial class EnvironmentRules
{
    public const int MaxTotalBytes = 4096;

    /// <summary>Names Lambda sets itself and refuses to take from a function's configuration.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV",
        "AWS_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
        "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR",
    };

    /// <summary><c>AWS_LAMBDA_*</c> is Lambda's, except the documented knobs a function may set.</summary>
    public static readonly IReadOnlySet<string> AllowedAwsLambdaNames = new HashSet<string>(StringComparer.Ordinal)
    {
        "AWS_LAMBDA_EXEC_WRAPPER", "AWS_LAMBDA_DOTNET_PREJIT",
    };

    public static IEnumerable<Diagnostic> Check(FunctionUnderCheck f)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, _) in f.Model.Environment)
        {
            if (!seen.Add(key))
                yield return f.Report(DiagnosticCatalogue.DuplicateEnvironmentKey, key);
            else if (key.StartsWith("LAMBADA_", StringComparison.Ordinal))
                yield return f.Report(DiagnosticCatalogue.LambadaEnvironmentKey, key);
            else if (IsReserved(key))
                yield return f.Report(DiagnosticCatalogue.ReservedEnvironmentKey, key);
            else if (!ValidName().IsMatch(key))
                yield return f.Report(DiagnosticCatalogue.InvalidEnvironmentKey, key);
        }

        var bytes = TotalBytes(f.Definition.Environment) + Encoding.UTF8.GetByteCount(LambadaContract.HandlerVariable + f.Definition.Method + LambadaContract.SettingsVariable) + LambadaContract.SettingsDigestLength;
        if (bytes > MaxTotalBytes)
            yield return f.Report(DiagnosticCatalogue.EnvironmentTooLarge, bytes);
    }

    private static bool IsReserved(string key) =>
        Reserved.Contains(key)
        || (key.StartsWith("AWS_LAMBDA_", StringComparison.Ordinal) && !AllowedAwsLambdaNames.Contains(key));

    private static int TotalBytes(IReadOnlyDictionary<string, string> environment) =>
        environment.Sum(pair => Encoding.UTF8.GetByteCount(pair.Key) + Encoding.UTF8.GetByteCount(pair.Value));

    // Lambda's [a-zA-Z]([a-zA-Z0-9_])+, ASCII only; \z, not $: $ also matches before a final newline.
    [GeneratedRegex("^[a-zA-Z][a-zA-Z0-9_]+\\z")]
    private static partial Regex ValidName();
}
