namespace Lambada.Runtime;

/// <summary>Why the host's entry points are not trim- or Native-AOT-safe as they stand.</summary>
internal static class Trimming
{
    public const string Reason =
        "Lambada finds the handler by name with reflection, and reads events and writes results with System.Text.Json by type. "
        + "Lambada's package build compiles in a generated binding that keeps every handler type and registers a source-generated "
        + "JsonSerializerContext for their events and results (LambadaJson.UseGenerated), which is what a trimmed or Native AOT app needs; "
        + "a hand-written Main packaged by Lambada gets it too and may suppress this warning at its LambadaHost.RunAsync call.";
}
