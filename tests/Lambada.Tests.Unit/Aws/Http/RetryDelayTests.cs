using Lambada.Build.Aws.Http;

namespace Lambada.Tests.Aws.Http;

/// <summary>Full-jitter backoff: a random share of min(base × 2^(attempt−1), max), never below the server's Retry-After.</summary>
[TestClass]
public sealed class RetryDelayTests
{
    private static readonly RetryPolicy Policy = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), TimeSpan.FromMinutes(1), 10);

    [TestMethod]
    [DataRow(1, 100)]
    [DataRow(2, 200)]
    [DataRow(4, 800)]
    [DataRow(5, 1600)]
    [DataRow(6, 2000)]
    [DataRow(1000, 2000)]
    public void The_cap_doubles_per_attempt_up_to_MaxDelay(int attempt, int capMilliseconds)
    {
        Assert.AreEqual(TimeSpan.Zero, Policy.Delay(attempt, null, 0.0));
        Assert.AreEqual(TimeSpan.FromMilliseconds(capMilliseconds), Policy.Delay(attempt, null, 1.0));
        Assert.AreEqual(TimeSpan.FromMilliseconds(capMilliseconds / 2.0), Policy.Delay(attempt, null, 0.5));
    }

    [TestMethod]
    public void Every_jittered_delay_lies_between_zero_and_the_cap()
    {
        var random = new Random(4711);
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var cap = TimeSpan.FromMilliseconds(Math.Min(100 * Math.Pow(2, attempt - 1), 2000));
            for (var i = 0; i < 200; i++)
            {
                var delay = Policy.Delay(attempt, null, random.NextDouble());
                Assert.IsTrue(delay >= TimeSpan.Zero && delay <= cap, $"attempt {attempt}: {delay} outside 0..{cap}");
            }
        }
    }

    [TestMethod]
    [DataRow(1, 0.0)]
    [DataRow(1, 1.0)]
    [DataRow(8, 0.99)]
    public void Retry_After_is_a_floor_even_above_MaxDelay(int attempt, double random) =>
        Assert.AreEqual(TimeSpan.FromSeconds(5), Policy.Delay(attempt, TimeSpan.FromSeconds(5), random));

    [TestMethod]
    public void A_Retry_After_below_the_jittered_step_does_not_shorten_it() =>
        Assert.AreEqual(TimeSpan.FromMilliseconds(1600), Policy.Delay(5, TimeSpan.FromSeconds(1), 1.0));
}
