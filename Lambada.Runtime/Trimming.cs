namespace Lambada.Runtime;

/// <summary>Why the host's entry points are not trim- or Native-AOT-safe as they stand.</summary>
internal static class Trimming
{
    public const string Reason =
        "Lambada finds the handler by name with reflection and reads events and writes results with reflection-based System.Text.Json "
        + "unless LambadaJson.Options is given a JsonSerializerContext for them. A trimmed or Native AOT app must keep the handler's type "
        + "(e.g. [DynamicDependency]) and add a context for its event and result types to LambadaJson.Options.TypeInfoResolverChain.";
}
