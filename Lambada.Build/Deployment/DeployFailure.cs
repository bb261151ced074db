using Lambada.Build.Diagnostics;

namespace Lambada.Build.Deployment;

/// <summary>
/// The deploy's expected failures are <see cref="LambadaException"/>s whose descriptor reads "{0}: {1} — fix": {0} what the
/// error is reported for (the function, or the assembly when the deploy stops as a whole), {1} what happened. The report
/// adds to {1} what was done and what was not, so a failure is raised with the two and its {1} read back here.
/// </summary>
internal static class DeployFailure
{
    public static LambadaException Of(DiagnosticDescriptor descriptor, string subject, string what) => new(descriptor, [subject, what]);

    /// <summary>What happened, without the subject and the fix the descriptor wraps it in.</summary>
    public static string What(LambadaException e) => e.Arguments is [_, string what] ? what : e.Message;
}
