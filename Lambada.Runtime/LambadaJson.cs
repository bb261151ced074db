using System.Text.Json;

namespace Lambada.Runtime;

/// <summary>
/// The JSON settings for events and results: System.Text.Json's defaults, except that property names are
/// matched case-insensitively when reading (so <c>{"name":…}</c> fills <c>Name</c>). Results keep the
/// C# property names as declared.
/// </summary>
public static class LambadaJson
{
    /// <summary>The options every event and result goes through.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNameCaseInsensitive = true,
    };
}
