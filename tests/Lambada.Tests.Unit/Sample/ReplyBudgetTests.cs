using LambdaShell;

namespace Lambada.Tests.Sample;

/// <summary>Each command's output share, and what is left of the reply's limit after the entries so far.</summary>
[TestClass]
public sealed class ReplyBudgetTests
{
    [TestMethod]
    public void A_first_command_gets_its_whole_share_less_room_for_the_status_lines()
    {
        var budget = new ReplyBudget();

        Assert.AreEqual(Limits.CommandOutputBytes - Limits.StatusLinesBytes, budget.OutputLimitFor("echo hi"));
    }

    [TestMethod]
    public void Once_the_reply_is_nearly_full_a_command_gets_only_what_is_left_and_then_nothing()
    {
        var budget = new ReplyBudget(limit: 10_000);
        budget.Spend("first", [new string('a', 6_000)]);

        var left = budget.OutputLimitFor("second");
        budget.Spend("second", [new string('b', 4_000)]);

        // 10,000 less the braces, the first entry (key, framing and the quoted line) and the second key with its framing.
        Assert.AreEqual(10_000 - 2 - (5 + 6 + 6_003) - (6 + 6) - Limits.StatusLinesBytes, left);
        Assert.AreEqual(0, budget.OutputLimitFor("third"));
    }

    [TestMethod]
    public void Entries_are_counted_with_json_escapes()
    {
        var plain = new ReplyBudget(limit: 100_000);
        var escaped = new ReplyBudget(limit: 100_000);
        plain.Spend("k", [new string('a', 1_000)]);
        escaped.Spend("k", [new string('\u0001', 1_000)]);

        Assert.AreEqual(5_000, plain.OutputLimitFor("k") - escaped.OutputLimitFor("k"));
    }
}
