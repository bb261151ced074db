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

    private readonly Queue<Segment> filled = new();
    private readonly Stack<byte[]> spare = new();
    private byte[]? current;
    private int currentLength;
    private long currentCost;
    private long cost;

    /// <summary>Bytes that left the window.</summary>
    public long Dropped { get; private set; }

    /// <summary>The bytes held in buffers, spare ones included.</summary>
    public int BufferedBytes => (filled.Count + spare.Count + (current is null ? 0 : 1)) * SegmentBytes;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            current ??= spare.Count > 0 ? spare.Pop() : new byte[SegmentBytes];
            var part = bytes[..Math.Min(bytes.Length, SegmentBytes - currentLength)];
            part.CopyTo(current.AsSpan(currentLength));
            var partCost = JsonCost.Of(part);
            (currentLength, currentCost, cost) = (currentLength + part.Length, currentCost + partCost, cost + partCost);
            bytes = bytes[part.Length..];
            if (currentLength < SegmentBytes)
                continue;

            filled.Enqueue(new Segment(current, currentCost));
            (current, currentLength, currentCost) = (null, 0, 0);
            // Keep the fewest segments that still cover the limit; the oldest is trimmed to it at the end.
            while (filled.Count > 0 && cost - filled.Peek().Cost >= limit)
            {
                var old = filled.Dequeue();
                cost -= old.Cost;
                Dropped += SegmentBytes;
                spare.Push(old.Buffer);
            }
        }
    }

    /// <summary>The window's bytes in order, the oldest left out (and counted in <see cref="Dropped"/>) until the rest fit the limit.</summary>
    public byte[] ToArray()
    {
        var bytes = new byte[filled.Count * SegmentBytes + currentLength];
        var at = 0;
        foreach (var segment in filled)
        {
            segment.Buffer.CopyTo(bytes, at);
            at += SegmentBytes;
        }
        current?.AsSpan(0, currentLength).CopyTo(bytes.AsSpan(at));
        var start = 0;
        for (var over = cost; over > limit && start < bytes.Length; start++)
            over -= JsonCost.Of(bytes[start]);
        Dropped += start;
        return bytes[start..];
    }

    private readonly record struct Segment(byte[] Buffer, long Cost);
}
