using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using Lambada.Runtime;

namespace Lambada.Bench.Function;

/// <summary>
/// The Native AOT flavour's entry point, written by hand: what Lambada.Build would have to generate instead of its
/// reflection-only Main — keep the handler's type, and give LambadaJson a source-generated context for its event and result.
/// </summary>
internal static class AotMain
{
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicMethods, typeof(EchoFunction))]
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The handler's type is kept by the DynamicDependency; its event and result types are in EchoJson.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Events and results are read and written through EchoJson, not reflection.")]
    public static Task<int> Main(string[] args)
    {
        LambadaJson.Options.TypeInfoResolverChain.Insert(0, EchoJson.Default);
        return LambadaHost.RunAsync(args, typeof(AotMain).Assembly);
    }
}

[JsonSerializable(typeof(string))]
internal sealed partial class EchoJson : JsonSerializerContext;
