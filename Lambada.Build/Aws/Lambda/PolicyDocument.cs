using System.Text.Json;

namespace Lambada.Build.Aws.Lambda;

/// <summary>
/// Reads the statements of a policy document (GetPolicy's <c>Policy</c> string) into <see cref="PolicyStatement"/>s.
/// AWS writes <c>"Principal":"*"</c>, <c>{"Service":…}</c> or <c>{"AWS":…}</c>, an action as a string or a list, and the
/// request's SourceArn and URL members as <c>Condition</c>s (<c>ArnLike</c>, <c>StringEquals</c>, <c>Bool</c>); moto 5.2.1
/// keeps <c>FunctionUrlAuthType</c>/<c>InvokedViaFunctionUrl</c> as top-level keys instead. Both shapes are read.
/// </summary>
internal static class PolicyDocument
{
    public static IReadOnlyList<PolicyStatement> Statements(string? policy)
    {
        if (string.IsNullOrWhiteSpace(policy))
            return [];
        using var document = JsonDocument.Parse(policy);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !TryGet(document.RootElement, "Statement", out var statements))
            return [];
        return statements.ValueKind switch
        {
            JsonValueKind.Array => statements.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.Object).Select(Statement).ToList(),
            JsonValueKind.Object => [Statement(statements)],
            _ => [],
        };
    }

    private static PolicyStatement Statement(JsonElement statement)
    {
        var condition = TryGet(statement, "Condition", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        return new PolicyStatement(Text(statement, "Sid") ?? "")
        {
            Action = TryGet(statement, "Action", out var action) ? Joined(action) : null,
            Principal = TryGet(statement, "Principal", out var principal) ? Principal(principal) : null,
            SourceArn = Condition(condition, ["ArnLike", "ArnEquals", "StringEquals", "StringLike"], "AWS:SourceArn"),
            FunctionUrlAuthType = Condition(condition, ["StringEquals", "StringLike"], "lambda:FunctionUrlAuthType")
                                  ?? Text(statement, "FunctionUrlAuthType"),
            InvokedViaFunctionUrl = Flag(Condition(condition, ["Bool"], "lambda:InvokedViaFunctionUrl"))
                                    ?? (TryGet(statement, "InvokedViaFunctionUrl", out var via) ? Flag(via) : null),
        };
    }

    /// <summary><c>"*"</c> as is; <c>{"Service":…}</c>, <c>{"AWS":…}</c> (or any one key) as its value.</summary>
    private static string? Principal(JsonElement principal) => principal.ValueKind switch
    {
        JsonValueKind.String => principal.GetString(),
        JsonValueKind.Object => (TryGet(principal, "Service", out var service) ? Joined(service) : null)
                                ?? (TryGet(principal, "AWS", out var account) ? Joined(account) : null)
                                ?? principal.EnumerateObject().Select(p => Joined(p.Value)).FirstOrDefault(v => v is not null),
        _ => null,
    };

    private static string? Condition(JsonElement condition, string[] operators, string key)
    {
        if (condition.ValueKind != JsonValueKind.Object)
            return null;
        foreach (var op in operators)
        {
            if (TryGet(condition, op, out var values) && values.ValueKind == JsonValueKind.Object && TryGet(values, key, out var value))
                return Joined(value);
        }
        return null;
    }

    private static bool? Flag(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => Flag(value.GetString()),
        _ => null,
    };

    private static bool? Flag(string? value) => bool.TryParse(value, out var flag) ? flag : null;

    /// <summary>A string as is, a list of strings comma-joined (one item: that item).</summary>
    private static string? Joined(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
        JsonValueKind.True or JsonValueKind.False or JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };

    private static string? Text(JsonElement element, string name) =>
        TryGet(element, name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A member by name, ignoring case (IAM keys are case-insensitive; <c>aws:SourceArn</c> is also seen).</summary>
    private static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    value = property.Value;
                    return true;
                }
            }
        }
        value = default;
        return false;
    }
}
