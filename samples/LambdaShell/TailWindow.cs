namespace LambdaShell;

/// <summary>
/// The most recent output bytes whose <see cref="JsonCost"/> fits a limit. The bytes are copied into segments of
/// <see cref="SegmentBytes"/> and whole segments are let go as newer ones cover the limit, so bytes streaming past
/// are not handled one by one. Holds at most the limit plus <see cref="SlackBytes"/>; segments let go are reused.
/// </summary>
public sealed class TailWindow(int limit)
{
    public const int SegmentBytes = 16 * 1024;

    /// <summary>The oldest segment (partly over the limit), the one being filled, and a spare one.</summary>
    public const int SlackBytes = 3 * SegmentBytes;

    private readonly Queue<Segment> _filled = new();
    private readonly Stack<byte[]> _spare = new();
    private byte[]? _current;
    private int _currentLength;
    private long _currentCost;
    private long _cost;

    /// <summary>Bytes that left the window.</summary>
    public long Dropped { get; private set; }

    /// <summary>The bytes held in buffers, spare ones included.</summary>
    public int BufferedBytes => (_filled.Count + _spare.Count + (_current is null ? 0 : 1)) * SegmentBytes;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            _current ??= _spare.Count > 0 ? _spare.Pop() : new byte[SegmentBytes];
            var part = bytes[..Math.Min(bytes.Length, SegmentBytes - _currentLength)];
            part.CopyTo(_current.AsSpan(_currentLength));
            var partCost = JsonCost.Of(part);
            (_currentLength, _currentCost, _cost) = (_currentLength + part.Length, _currentCost + partCost, _cost + partCost);
            bytes = bytes[part.Length..];
            if (_currentLength < SegmentBytes)
                continue;

            _filled.Enqueue(new Segment(_current, _currentCost));
            (_current, _currentLength, _currentCost) = (null, 0, 0);
            // Keep the fewest segments that still cover the limit; the oldest is trimmed to it at the end.
            while (_filled.Count > 0 && _cost - _filled.Peek().Cost >= limit)
            {
                var old = _filled.Dequeue();
                _cost -= old.Cost;
                Dropped += SegmentBytes;
                _spare.Push(old.Buffer);
            }
        }
    }

    /// <summary>The window's bytes in order, the oldest left out (and counted in <see cref="Dropped"/>) until the rest fit the limit.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[_filled.Count * SegmentBytes + _currentLength];
        var at = 0;
        foreach (var segment in _filled)
        {
            segment.Buffer.CopyTo(bytes, at);
            at += SegmentBytes;
        }
        _current?.AsSpan(0, _currentLength).CopyTo(bytes.AsSpan(at));
        var start = 0;
        for (var over = _cost; over > limit && start < bytes.Length; start++)
            over -= JsonCost.Of(bytes[start]);
        Dropped += start;
        return bytes[start..];
    }

    private readonly record struct Segment(byte[] Buffer, long Cost);
}
