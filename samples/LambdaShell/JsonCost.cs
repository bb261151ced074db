using System.Buffers;

namespace LambdaShell;

/// <summary>
/// The most output bytes can add to the reply once they are decoded and written as JSON strings with every
/// escape System.Text.Json may use: plain ASCII 1 a byte; a line break 3 (it ends one JSON string and starts
/// the next: two quotes and a comma); anything escaped or non-ASCII 6 (<c>\u00XX</c>; a character of two or more
/// UTF-8 bytes becomes at most 6 bytes per UTF-16 unit, an invalid byte one <c>\uFFFD</c>).
/// </summary>
public static class JsonCost
{
    private const int Plain = 1;
    private const int LineBreak = 3;
    private const int Escaped = 6;

    private static readonly byte[] Costs = [.. Enumerable.Range(0, 256).Select(b => (byte)(b switch
    {
        '\n' => LineBreak,
        '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`' => Escaped,
        >= 0x20 and < 0x7F => Plain,
        _ => Escaped,
    }))];

    private static readonly SearchValues<byte> EscapedBytes =
        SearchValues.Create([.. Enumerable.Range(0, 256).Where(b => Costs[b] == Escaped).Select(b => (byte)b)]);

    public static int Of(byte b) => Costs[b];

    /// <summary>The cost of many bytes at once; vectorized for the usual case of plain text.</summary>
    public static long Of(ReadOnlySpan<byte> bytes)
    {
        long cost = bytes.Length + (LineBreak - Plain) * (long)bytes.Count((byte)'\n');
        for (var index = bytes.IndexOfAny(EscapedBytes); index >= 0; index = bytes.IndexOfAny(EscapedBytes))
        {
            cost += Escaped - Plain;
            bytes = bytes[(index + 1)..];
        }
        return cost;
    }
}
