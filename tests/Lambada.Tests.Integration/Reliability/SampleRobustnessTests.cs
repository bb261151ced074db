using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lambada.Runtime;
using Lambada.Testing;
using Lambada.Tests.Sample;
using LambdaShell;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10, "the sample is a robust reference user": <c>lb_runCommand</c> with real bash, called directly and through
/// the real host against a test Runtime API, with output too large for a reply, a background child that keeps the
/// output pipe open, a command that outlives the function, and input that is not a list.
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed partial class SampleRobustnessTests
{
    private const int LambdaResponseLimit = 6 * 1024 * 1024;

    // About 104 MB: the numbers 1 to 13,000,000, one a line.
    private const string HundredMegabytes = "seq 1 13000000";

    private static readonly TimeSpan Generous = TimeSpan.FromMinutes(2);

    [TestMethod]
    public void Printing_100_MB_keeps_the_first_and_last_lines_around_a_cut_marker_with_bounded_memory()
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var lines = Run(HundredMegabytes)[HundredMegabytes];

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        CollectionAssert.AreEqual(new[] { "+ seq 1 13000000", "1", "2", "3" }, lines.Take(4).ToList());
        Assert.AreEqual("13000000", lines[^1]);
        var marker = lines.Single(l => l.StartsWith(StatusLines.CutPrefix, StringComparison.Ordinal));
        Assert.IsTrue(CutMarker().IsMatch(marker), marker);
        Assert.IsLessThan(Limits.CommandOutputBytes, JsonSerializer.SerializeToUtf8Bytes(lines).Length);
        // A guard, not a measurement: holding the output would allocate well over a gigabyte.
        Assert.IsLessThan(200_000_000, allocated, $"{allocated:N0} bytes allocated");
    }

    [TestMethod]
    public void Printing_100_MB_through_the_host_replies_instead_of_ResponseSizeTooLarge()
    {
        var outcome = Host(JsonSerializer.Serialize(new[] { HundredMegabytes })).Single();

        Assert.AreEqual(OutcomeKind.Response, outcome.Kind, outcome.ErrorType + " " + outcome.Text[..Math.Min(500, outcome.Text.Length)]);
        Assert.IsLessThan(LambdaResponseLimit, outcome.Body.Length);
        var lines = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(outcome.Body)![HundredMegabytes];
        Assert.AreEqual("1", lines[1]);
        Assert.AreEqual("13000000", lines[^1]);
        Assert.AreEqual(1, lines.Count(l => CutMarker().IsMatch(l)));
    }

    [TestMethod]
    public void Six_commands_printing_20_MB_each_still_reply_under_6_MB()
    {
        var commands = Enumerable.Range(1, 6).Select(i => $"yes 'command {i} says \"hi\" & <more>' | head -c 20000000").ToArray();

        var result = Run(commands);

        CollectionAssert.AreEqual(commands, result.Keys.ToList());
        Assert.IsTrue(result.Values.All(lines => lines.Count(l => CutMarker().IsMatch(l)) == 1), "every entry was cut");
        var strict = JsonSerializer.SerializeToUtf8Bytes(result).Length;
        var asTheHostWrites = JsonSerializer.SerializeToUtf8Bytes(result, LambadaJson.Options).Length;
        Assert.IsLessThanOrEqualTo(Limits.ResponseBytes, strict);
        Assert.IsLessThanOrEqualTo(strict, asTheHostWrites);
        Assert.IsLessThan(LambdaResponseLimit, asTheHostWrites);
        Assert.IsGreaterThan(Limits.ResponseBytes * 3 / 4, strict, "the reply's room is used, not left empty");
    }

    [TestMethod]
    public void A_background_child_holding_the_pipe_does_not_hold_back_the_reply_and_is_killed()
    {
        const string command = "sleep 30.123 & echo started";
        var clock = Stopwatch.StartNew();

        var lines = new ShellFunctions().RunCommands([command], new FakeLambadaContext(512, TimeSpan.FromSeconds(30)))[command];

        clock.Stop();
        CollectionAssert.Contains(lines, "started");
        Assert.IsFalse(lines.Any(l => l.StartsWith(StatusLines.TimedOutPrefix, StringComparison.Ordinal)), string.Join("\n", lines));
        CollectionAssert.DoesNotContain(lines, StatusLines.OutputLeftOpen);
        Assert.IsLessThan(TimeSpan.FromSeconds(20), clock.Elapsed, "a guard: the commands had 28 s");
        Assert.IsTrue(IsGoneSoon("sleep 30.123"), "the background sleep still runs");
    }

    [TestMethod]
    public void A_command_running_past_the_remaining_time_is_stopped_with_an_entry_saying_why()
    {
        const string slow = "echo begun; sleep 30.456";
        var context = new FakeLambadaContext(512, Limits.ReplyMargin + TimeSpan.FromSeconds(2));

        var result = new ShellFunctions().RunCommands([slow, "echo after"], context);

        var lines = result[slow];
        CollectionAssert.AreEqual(new[] { "+ echo begun", "begun", "+ sleep 30.456" }, lines.Take(3).ToList());
        StringAssert.StartsWith(lines[^1], StatusLines.TimedOutPrefix);
        StringAssert.Contains(lines[^1], "stopped 2 s before the function's deadline");
        CollectionAssert.AreEqual(new[] { StatusLines.NotRun }, result["echo after"]);
        Assert.IsTrue(IsGoneSoon("sleep 30.456"), "the stopped sleep still runs");
    }

    [TestMethod]
    public void A_process_that_leaves_the_group_and_keeps_the_pipe_open_does_not_hold_back_the_reply()
    {
        // The command waits until the child is in its own session, so the group kill at its end cannot reach it.
        const string command = """
            setsid /bin/bash -c 'touch "$0.ready"; exec sleep 30.789' "$0" &
            until [ -e "$0.ready" ]; do sleep 0.05; done; rm "$0.ready"
            echo "escaped $!"
            """;
        int? escaped = null;
        try
        {
            var lines = new ShellFunctions().RunCommands([command], new FakeLambadaContext(512, TimeSpan.FromSeconds(30)))[command];

            escaped = lines.Select(l => Escaped().Match(l)).Where(m => m.Success).Select(m => (int?)int.Parse(m.Groups[1].Value)).SingleOrDefault();
            Assert.IsNotNull(escaped, string.Join("\n", lines));
            Assert.AreEqual(StatusLines.OutputLeftOpen, lines[^1]);
            Assert.IsFalse(lines.Any(l => l.StartsWith(StatusLines.TimedOutPrefix, StringComparison.Ordinal)), string.Join("\n", lines));
        }
        finally
        {
            if (escaped is { } pid)
                Process.GetProcessById(pid).Kill();
        }
    }

    [TestMethod]
    public void Null_input_gives_an_error_entry()
    {
        var result = new ShellFunctions().RunCommands(null, LongContext());

        CollectionAssert.AreEqual(new[] { StatusLines.InputErrorKey }, result.Keys.ToList());
        CollectionAssert.AreEqual(new[] { "error: expected a JSON list of shell commands, such as [\"echo hello\"], but got null (or an empty body)" }, result[StatusLines.InputErrorKey]);
    }

    [TestMethod]
    public void A_null_command_gives_an_error_entry_and_the_others_still_run()
    {
        var result = new ShellFunctions().RunCommands(["echo before", null, "echo after"], LongContext());

        CollectionAssert.AreEqual(new[] { "echo before", StatusLines.NullCommandKey, "echo after" }, result.Keys.ToList());
        CollectionAssert.AreEqual(new[] { "error: command 2 is null, not a string; nothing was run for it" }, result[StatusLines.NullCommandKey]);
        CollectionAssert.AreEqual(new[] { "+ echo after", "after" }, result["echo after"]);
    }

    [TestMethod]
    public void An_empty_list_gives_an_empty_reply()
    {
        Assert.IsEmpty(new ShellFunctions().RunCommands([], LongContext()));
    }

    [TestMethod]
    public void An_empty_body_null_and_a_null_command_through_the_host_give_error_entries_not_an_exception()
    {
        var outcomes = Host("", "null", "[null]");

        Assert.IsTrue(outcomes.All(o => o.Kind == OutcomeKind.Response), string.Join("\n", outcomes.Select(o => $"{o.Kind} {o.ErrorType} {o.Text}")));
        const string notAList = """{"error":["error: expected a JSON list of shell commands, such as [\"echo hello\"], but got null (or an empty body)"]}""";
        Assert.AreEqual(notAList, outcomes[0].Text);
        Assert.AreEqual(notAList, outcomes[1].Text);
        Assert.AreEqual("""{"null":["error: command 1 is null, not a string; nothing was run for it"]}""", outcomes[2].Text);
    }

    private static Dictionary<string, List<string>> Run(params string[] commands) =>
        new ShellFunctions().RunCommands([.. commands], LongContext());

    private static FakeLambadaContext LongContext() => new(512, TimeSpan.FromMinutes(5));

    /// <summary>The sample as Lambda's managed runtime starts it, against a test Runtime API (30 s per event).</summary>
    private static Outcome[] Host(params string[] payloads)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "LambdaShell.dll")]);
        return RuntimeApiTestServer.ServeProcess(start, "LambdaShell.ShellFunctions::RunCommands", Generous, payloads);
    }

    // Killed processes may stay zombies for a moment; pgrep -f does not see those (their command line is empty).
    private static bool IsGoneSoon(string marker)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(5); Thread.Sleep(100))
        {
            var pgrep = ProcessRunner.Run("pgrep", ["-f", marker]);
            if (pgrep.ExitCode == 1)
                return true;
        }
        return false;
    }

    [GeneratedRegex(@"^… \d+ bytes cut …$")]
    private static partial Regex CutMarker();

    [GeneratedRegex(@"^escaped (\d+)$")]
    private static partial Regex Escaped();
}
