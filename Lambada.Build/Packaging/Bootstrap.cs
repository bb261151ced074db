namespace Lambada.Build.Packaging;

/// <summary>
/// The <c>bootstrap</c> that provided.al2023 starts: a two-line script that execs the self-contained apphost.
/// A script rather than the renamed apphost, because the apphost finds its dll by its own file name; and
/// relative to the script rather than <c>$LAMBDA_TASK_ROOT</c>, so the package also runs under local Runtime API
/// emulators that do not set it. <c>exec</c> leaves no shell process behind.
/// </summary>
internal static class Bootstrap
{
    public const string FileName = "bootstrap";

    public static string Script(string assemblyName) =>
        $"#!/bin/sh\nexec \"$(dirname \"$0\")/{assemblyName}\" \"$@\"\n";
}
