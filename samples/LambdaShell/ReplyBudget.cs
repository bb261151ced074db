using System.Text.Json;

namespace LambdaShell;

/// <summary>
/// Keeps the whole reply under <see cref="Limits.ResponseBytes"/>: it gives each command the output share that
/// still fits and counts what each entry takes, as JSON with System.Text.Json's strictest escaping.
/// </summary>
public sealed class ReplyBudget(int limit = Limits.ResponseBytes)
{
    // {"key":[...]} : the key's quotes and colon, the brackets and the comma between entries.
    private const int EntryFraming = 6;

    private long _spent = 2; // the outer braces

    /// <summary>The JSON bytes the output of <paramref name="command"/> may take: its share, or what is left.</summary>
    public int OutputLimitFor(string command)
    {
        var left = limit - _spent - KeyBytes(command) - Limits.StatusLinesBytes;
        return (int)Math.Clamp(left, 0, Limits.CommandOutputBytes - Limits.StatusLinesBytes);
    }

    /// <summary>Counts an entry the reply now holds.</summary>
    public void Spend(string key, IEnumerable<string> lines)
    {
        _spent += KeyBytes(key);
        foreach (var line in lines)
            _spent += JsonEncodedText.Encode(line).EncodedUtf8Bytes.Length + 3;
    }

    private static long KeyBytes(string key) => JsonEncodedText.Encode(key).EncodedUtf8Bytes.Length + EntryFraming;
}
