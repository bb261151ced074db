using Lambada.Build.Diagnostics;
using Microsoft.Build.Utilities;

namespace Lambada.Build.Tasks;

internal static class TaskLogging
{
    /// <summary>Logs in MSBuild's <c>file(line,col): error LMB0123: message</c> form, so IDEs jump to the attribute.</summary>
    public static void LogDiagnostic(this TaskLoggingHelper log, Diagnostic diagnostic)
    {
        var file = diagnostic.Location?.File;
        var line = diagnostic.Location?.Line ?? 0;
        var column = diagnostic.Location?.Column ?? 0;
        if (diagnostic.IsError)
            log.LogError(null, diagnostic.Code, null, file, line, column, 0, 0, diagnostic.Message);
        else
            log.LogWarning(null, diagnostic.Code, null, file, line, column, 0, 0, diagnostic.Message);
    }

    /// <summary>Expected problems are diagnostics; anything thrown is Lambada's bug: LMB0001, with the stack at low verbosity for the report.</summary>
    public static void LogUnexpected(this TaskLoggingHelper log, Exception exception)
    {
        log.LogDiagnostic(DiagnosticCatalogue.InternalError.Create(null, exception.Message));
        log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, exception.ToString());
    }
}
