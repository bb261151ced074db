using Lambada.Runtime.Api;

namespace Lambada.Tests.Runtime;

/// <summary><c>Lambda-Runtime-Deadline-Ms</c> as Lambda sends it, as @vercel/fun sends it, and as nobody should.</summary>
[TestClass]
public sealed class DeadlineParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 21, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset FifteenMinutes = Now.AddMinutes(15);

    [TestMethod]
    public void An_epoch_deadline_within_Lambdas_longest_timeout_is_taken_as_sent()
    {
        foreach (var ahead in new[] { TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(900), TimeSpan.FromSeconds(959) })
        {
            var sent = Now + ahead;
            Assert.AreEqual(new Deadline(sent, null), RuntimeApiHeaders.ParseDeadline(sent.ToUnixTimeMilliseconds().ToString(), Now), ahead.ToString());
        }
    }

    [TestMethod]
    public void A_duration_is_counted_from_now() =>
        Assert.AreEqual(new Deadline(Now.AddMilliseconds(5000), null), RuntimeApiHeaders.ParseDeadline("5000", Now));

    [TestMethod]
    [DataRow("99999999999999999")]
    [DataRow("9223372036854775807")]
    [DataRow("961000", DisplayName = "a duration past 900 s and the minute's slack")]
    [DataRow("abc")]
    [DataRow("")]
    [DataRow("-1")]
    [DataRow("-9223372036854775808")]
    [DataRow("12.5")]
    [DataRow("99999999999999999999999")]
    [DataRow(null)]
    public void An_unusable_deadline_becomes_15_minutes_with_a_problem_to_log(string? value)
    {
        var deadline = RuntimeApiHeaders.ParseDeadline(value, Now);

        Assert.AreEqual(FifteenMinutes, deadline.Value);
        StringAssert.EndsWith(deadline.Problem, "; assuming 15 minutes from now");
    }

    [TestMethod]
    public void An_epoch_deadline_fifty_days_ahead_is_clamped() =>
        Assert.AreEqual(FifteenMinutes, RuntimeApiHeaders.ParseDeadline(Now.AddDays(50).ToUnixTimeMilliseconds().ToString(), Now).Value);

    [TestMethod]
    public void A_past_deadline_is_kept_and_said_to_be_past()
    {
        var sent = Now.AddSeconds(-90);

        var deadline = RuntimeApiHeaders.ParseDeadline(sent.ToUnixTimeMilliseconds().ToString(), Now);

        Assert.AreEqual(sent, deadline.Value);
        StringAssert.Contains(deadline.Problem, "is 90 s in the past");
    }
}
