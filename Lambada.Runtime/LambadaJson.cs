using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Lambada.Runtime;

/// <summary>
/// The JSON settings for events and results: System.Text.Json's defaults, except that property names are
/// matched case-insensitively when reading (so <c>{"name":…}</c> fills <c>Name</c>), and that results are
/// written without HTML-safe escapes (<c>+</c>, <c>&lt;</c>, <c>'</c> and non-ASCII text stay as they are: a Lambda
/// result is JSON for a program, not text embedded in a web page). Results keep the C# property names as declared.
/// Lambada's package build registers a source-generated context for every event and result type
/// (<see cref="UseGenerated"/>); types it does not know are read by reflection where reflection is enabled.
/// </summary>
public static class LambadaJson
{
    /// <summary>The options every event and result goes through.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Puts a source-generated context first in <see cref="Options"/>. Where reflection is enabled (not in a trimmed or
    /// Native AOT app) the reflection resolver stays behind it, so a type the context does not know, such as the runtime
    /// type behind an <c>object</c> result, is still written. Call it before the first invocation.
    /// </summary>
    public static void UseGenerated(JsonSerializerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chain = Options.TypeInfoResolverChain;
        if (chain.Count == 0 && JsonSerializer.IsReflectionEnabledByDefault)
            chain.Add(Reflection());
        chain.Insert(0, context);
    }

    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Only where reflection is enabled, which a trimmed or AOT app switches off.")]
    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Only where reflection is enabled, which a trimmed or AOT app switches off.")]
    private static DefaultJsonTypeInfoResolver Reflection() => new();
}
