namespace Lambada.Runtime;

/// <summary>
/// Paces <c>/next</c> after answers that gave nothing to serve (no connection, a status other than 2xx, no
/// request id), so a Runtime API that went away does not spin the CPU: 0.1 s after the first, doubling up to
/// 5 s. After <see cref="GiveUpAfter"/> in a row (about 31 s of waiting) the Runtime API is taken as gone — inside Lambda
/// that means the sandbox is being shut down — and the host exits. Any event served resets the count.
/// </summary>
internal sealed class NextBackoff(TimeProvider clock)
{
    public const int GiveUpAfter = 12;
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Longest = TimeSpan.FromSeconds(5);

    public int Failures { get; private set; }

    public void Reset() => Failures = 0;

    /// <summary>Counts one more failure and waits before the next attempt; false when it is time to give up instead.</summary>
    public async Task<bool> WaitAsync(CancellationToken stop)
    {
        if (++Failures >= GiveUpAfter)
            return false;
        await Task.Delay(DelayAfter(Failures), clock, stop).ConfigureAwait(false);
        return true;
    }

    /// <summary>The pause after the <paramref name="failures"/>-th failure in a row.</summary>
    public static TimeSpan DelayAfter(int failures) =>
        failures >= 7 ? Longest : TimeSpan.FromTicks(Math.Min(First.Ticks << (failures - 1), Longest.Ticks));
}
