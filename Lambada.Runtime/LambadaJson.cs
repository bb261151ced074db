using System.Text.Json;

namespace Lambada.Runtime;

/// <summary>
/// The JSON settings for events and results: System.Text.Json's defaults, except that property names are
/// matched case-insensitively when reading (so <c>{"name":…}</c> fills <c>Name</c>), and that results are
/// written without HTML-safe escapes (<c>+</c>, <c>&lt;</c>, <c>'</c> and non-ASCII text stay as they are: a Lambda
/// result is JSON for a program, not text embedded in a web page). Results keep the C# property names as declared.
/// Types are read by reflection unless a source-generated context comes first, which a trimmed or Native AOT app needs:
/// <c>LambadaJson.Options.TypeInfoResolverChain.Insert(0, MyJsonContext.Default)</c> before <see cref="LambadaHost.RunAsync"/>.
/// </summary>
public static class LambadaJson
{
    /// <summary>The options every event and result goes through.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
