using System.Text;

namespace LambdaShell;

/// <summary>
/// A command's output as it streams in, kept within a fixed size: the first half of the limit as it came
/// (the head) and the most recent half in a <see cref="TailWindow"/> (the tail). Everything between is only
/// counted, so memory stays at the limit however much a command prints. The limit is in the bytes the text may take in the JSON reply
/// (<see cref="JsonCost"/>), so a command's lines always fit their share of the response.
/// Safe to append from a reading thread while another thread ends it with <see cref="ToLines"/>.
/// </summary>
public sealed class BoundedOutput
{
    /// <summary>A cut moves to the nearest line break when one is this close, so whole lines stay whole.</summary>
    public const int LineBreakSearchBytes = 4096;

    private const int InitialHeadBytes = 4096;

    private readonly Lock _gate = new();
    private readonly int _headLimit;
    private readonly TailWindow _tail;
    private byte[] _head = [];
    private int _headLength;
    private long _headCost;
    private bool _headFull;
    private List<string>? _lines;

    /// <param name="limit">The most the lines may take in the reply, in JSON bytes; 0 keeps nothing.</param>
    public BoundedOutput(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        _headLimit = limit / 2;
        _tail = new TailWindow(limit - _headLimit);
    }

    /// <summary>The bytes held in buffers right now: at most the limit (every byte costs at least 1) plus <see cref="TailWindow.SlackBytes"/>.</summary>
    public int BufferedBytes
    {
        get
        {
            lock (_gate)
                return _head.Length + _tail.BufferedBytes;
        }
    }

    /// <summary>Adds bytes as they were read. After <see cref="ToLines"/> further bytes are ignored.</summary>
    public void Append(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            if (_lines is not null)
                return;
            var i = 0;
            while (!_headFull && i < bytes.Length && TryAddToHead(bytes[i]))
                i++;
            if (i < bytes.Length)
                _tail.Append(bytes[i..]);
        }
    }

    /// <summary>
    /// Ends the output and returns its lines; when something was cut, the head's lines, then
    /// <see cref="StatusLines.Cut"/> with the number of bytes left out, then the tail's lines.
    /// </summary>
    public List<string> ToLines()
    {
        lock (_gate)
            return [.. _lines ??= Split()];
    }

    private List<string> Split()
    {
        var tailBytes = _tail.ToArray();
        if (_tail.Dropped == 0)
            return SplitLines([.. _head.AsSpan(0, _headLength), .. tailBytes]);

        var headEnd = HeadCutEnd(_head.AsSpan(0, _headLength));
        var tailStart = TailCutStart(tailBytes);
        var cut = _tail.Dropped + (_headLength - headEnd) + tailStart;
        return [.. SplitLines(_head.AsSpan(0, headEnd)), StatusLines.Cut(cut), .. SplitLines(tailBytes.AsSpan(tailStart))];
    }

    private bool TryAddToHead(byte b)
    {
        var cost = JsonCost.Of(b);
        if (_headCost + cost > _headLimit)
        {
            // From the first byte that does not fit, everything goes to the tail, so the order stays.
            _headFull = true;
            return false;
        }
        if (_headLength == _head.Length)
            Array.Resize(ref _head, Math.Min(_headLimit, Math.Max(InitialHeadBytes, _head.Length * 2)));
        _head[_headLength++] = b;
        _headCost += cost;
        return true;
    }

    // The head ends after its last line break when that is near the cut, else at the last whole character.
    private static int HeadCutEnd(ReadOnlySpan<byte> bytes)
    {
        var searchFrom = Math.Max(0, bytes.Length - LineBreakSearchBytes);
        var lineBreak = bytes[searchFrom..].LastIndexOf((byte)'\n');
        if (lineBreak >= 0)
            return searchFrom + lineBreak + 1;
        var lead = bytes.Length - 1;
        while (lead >= 0 && IsContinuation(bytes[lead]))
            lead--;
        // A character the cut split is left out whole.
        return lead >= 0 && bytes[lead] >= 0xC0 && bytes.Length - lead < SequenceLength(bytes[lead]) ? lead : bytes.Length;
    }

    // The tail starts after its first line break when that is near the cut (and lines follow it), else at the first whole character.
    private static int TailCutStart(ReadOnlySpan<byte> bytes)
    {
        var lineBreak = bytes[..Math.Min(bytes.Length, LineBreakSearchBytes)].IndexOf((byte)'\n');
        if (lineBreak >= 0 && lineBreak + 1 < bytes.Length)
            return lineBreak + 1;
        var start = 0;
        while (start < bytes.Length && IsContinuation(bytes[start]))
            start++;
        return start;
    }

    private static bool IsContinuation(byte b) => b is >= 0x80 and < 0xC0;

    private static int SequenceLength(byte lead) => lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;

    // As StreamReader.ReadLine would: a final line break does not start an empty line, and \r\n counts as \n.
    private static List<string> SplitLines(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
            return [];
        var parts = Encoding.UTF8.GetString(bytes).Split('\n');
        var count = parts[^1].Length == 0 ? parts.Length - 1 : parts.Length;
        var result = new List<string>(count);
        for (var i = 0; i < count; i++)
            result.Add(parts[i].EndsWith('\r') ? parts[i][..^1] : parts[i]);
        return result;
    }
}
