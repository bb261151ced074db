using System.Text.Json.Serialization;

namespace Lambada.Runtime.Api;

/// <summary>The body of <c>/error</c> and <c>/init/error</c>: what the caller of Invoke sees when a function fails.</summary>
internal sealed record FunctionError(
    [property: JsonPropertyName("errorType")] string ErrorType,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("stackTrace")] IReadOnlyList<string> StackTrace)
{
    public static FunctionError From(Exception exception) => new(
        exception.GetType().Name,
        exception.Message,
        (exception.StackTrace ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static FunctionError Of(string errorType, string message) => new(errorType, message, []);

    /// <summary>With half surrogate pairs replaced (U+FFFD): JSON cannot carry them, and an exception message may hold any string.</summary>
    public FunctionError WellFormed() => new(WellFormed(ErrorType), WellFormed(ErrorMessage), [.. StackTrace.Select(WellFormed)]);

    private static string WellFormed(string text) => System.Text.Encoding.UTF8.GetString(System.Text.Encoding.UTF8.GetBytes(text));
}
