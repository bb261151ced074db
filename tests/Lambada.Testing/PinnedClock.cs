namespace Lambada.Testing;

/// <summary>A clock stopped at noon UTC of one day, for rules that depend on the date (AWS's runtime lifecycle).</summary>
internal sealed class PinnedClock(DateOnly day) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
