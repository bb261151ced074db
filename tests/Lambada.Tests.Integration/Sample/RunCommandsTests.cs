using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using LambdaShell;

namespace Lambada.Tests.Sample;

/// <summary><c>lb_runCommand</c> with real bash: each command's merged, ordered output under its own key.</summary>
[TestClass]
public sealed partial class RunCommandsTests
{
    private static Dictionary<string, List<string>> Run(params string[] commands) =>
        new ShellFunctions().RunCommands([.. commands], new FakeLambadaContext(512, TimeSpan.FromMinutes(5)));

    [TestMethod]
    public void Echo_returns_the_bash_trace_and_the_output()
    {
        var result = Run("echo hello");

        CollectionAssert.AreEqual(new[] { "+ echo hello", "hello" }, result["echo hello"]);
    }

    [TestMethod]
    public void A_failing_command_keeps_its_output_adds_its_exit_status_and_the_next_command_still_runs()
    {
        var result = Run("echo before; exit 3", "echo next");

        CollectionAssert.AreEqual(new[] { "+ echo before", "before", "+ exit 3", "exit status 3" }, result["echo before; exit 3"]);
        CollectionAssert.AreEqual(new[] { "+ echo next", "next" }, result["echo next"]);
    }

    [TestMethod]
    public void A_successful_command_has_no_exit_status_line()
    {
        var lines = Run("true")["true"];

        CollectionAssert.AreEqual(new[] { "+ true" }, lines);
    }

    [TestMethod]
    public void Multi_line_output_comes_back_as_one_entry_per_line()
    {
        var lines = Run("printf 'a\\nb\\n\\nc\\n'")["printf 'a\\nb\\n\\nc\\n'"];

        StringAssert.StartsWith(lines[0], "+ printf");
        CollectionAssert.AreEqual(new[] { "a", "b", "", "c" }, lines.Skip(1).ToList());
    }

    [TestMethod]
    public void Stdout_and_stderr_lines_keep_the_order_they_were_written_in()
    {
        const string command = "set +x; for i in $(seq 1 200); do echo out$i; echo err$i >&2; done";

        var lines = Run(command)[command];

        var expected = new List<string> { "+ set +x" };
        for (var i = 1; i <= 200; i++)
            expected.AddRange([$"out{i}", $"err{i}"]);
        CollectionAssert.AreEqual(expected, lines);
    }

    [TestMethod]
    public void The_trace_on_stderr_interleaves_with_the_output_on_stdout()
    {
        const string command = "echo out1; echo err1 >&2; echo out2";

        var lines = Run(command)[command];

        CollectionAssert.AreEqual(new[] { "+ echo out1", "out1", "+ echo err1", "err1", "+ echo out2", "out2" }, lines);
    }

    [TestMethod]
    public void Results_are_keyed_by_command_in_input_order()
    {
        string[] commands = ["echo c", "echo a", "echo b", "echo 0"];

        var result = Run(commands);

        CollectionAssert.AreEqual(commands, result.Keys.ToList());
        var json = JsonSerializer.Serialize(result);
        var positions = commands.Select(c => json.IndexOf(JsonSerializer.Serialize(c) + ":", StringComparison.Ordinal)).ToList();
        Assert.IsTrue(positions.All(p => p >= 0), json);
        CollectionAssert.AreEqual(positions.Order().ToList(), positions, json);
    }

    [TestMethod]
    public void A_duplicate_command_runs_again_and_its_lines_are_appended_under_the_same_key()
    {
        var result = Run("echo dup", "echo other", "echo dup");

        CollectionAssert.AreEqual(new[] { "echo dup", "echo other" }, result.Keys.ToList());
        CollectionAssert.AreEqual(new[] { "+ echo dup", "dup", "+ echo dup", "dup" }, result["echo dup"]);
    }

    [TestMethod]
    public void Quotes_variables_and_special_characters_reach_bash_unchanged()
    {
        const string command = """X='a  b'; echo "$X" 'single $X' "double \"q\"" 'semi;colon|pipe&amp<>' \$HOME `echo back` héllo✓ 'back\slash'""";

        var lines = Run(command)[command];

        Assert.AreEqual("""a  b single $X double "q" semi;colon|pipe&amp<> $HOME back héllo✓ back\slash""", lines[^1], string.Join("\n", lines));
    }

    [TestMethod]
    public void Standard_input_is_empty_so_a_reading_command_does_not_wait()
    {
        const string command = "read -r line; echo \"read returned $?\"";

        var lines = Run(command)[command];

        Assert.AreEqual("read returned 1", lines[^1]);
    }

    [TestMethod]
    public void The_temporary_script_exists_while_it_runs_and_is_deleted_afterwards()
    {
        const string command = "test -f \"$0\" && echo \"script=$0\"";

        var lines = Run(command)[command];

        var script = lines.Single(l => l.StartsWith("script=", StringComparison.Ordinal))["script=".Length..];
        StringAssert.StartsWith(script, Path.GetTempPath());
        Assert.IsFalse(File.Exists(script), script);
    }

    [TestMethod]
    public void A_command_that_outlives_the_budget_is_killed_with_its_children_and_the_rest_are_not_run()
    {
        const string slow = "echo \"script=$0\"; echo \"shell $$\"; sleep 30 & echo \"child $!\"; wait";
        var oneSecondLeftForCommands = new FakeLambadaContext(512, Limits.ReplyMargin + TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();

        var result = new ShellFunctions().RunCommands([slow, "echo after"], oneSecondLeftForCommands);

        clock.Stop();
        Assert.IsTrue(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
        Assert.IsTrue(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"took {clock.Elapsed}");
        var lines = result[slow];
        StringAssert.StartsWith(lines[^1], StatusLines.TimedOutPrefix);
        CollectionAssert.AreEqual(new[] { StatusLines.NotRun }, result["echo after"]);
        foreach (var label in new[] { "shell", "child" })
        {
            var pid = int.Parse(lines.Select(l => Pid().Match(l)).Single(m => m.Success && m.Groups[1].Value == label).Groups[2].Value);
            Assert.IsTrue(IsGoneSoon(pid), $"{label} process {pid} still runs");
        }
        Assert.IsFalse(File.Exists(lines.Single(l => l.StartsWith("script=", StringComparison.Ordinal))["script=".Length..]));
    }

    [TestMethod]
    public void Nothing_runs_when_the_time_is_already_up()
    {
        var lessThanTheReplyMargin = new FakeLambadaContext(512, Limits.ReplyMargin / 2);

        var result = new ShellFunctions().RunCommands(["echo one", "echo two"], lessThanTheReplyMargin);

        CollectionAssert.AreEqual(new[] { StatusLines.NotRun }, result["echo one"]);
        CollectionAssert.AreEqual(new[] { StatusLines.NotRun }, result["echo two"]);
    }

    [GeneratedRegex(@"^(shell|child) (\d+)$")]
    private static partial Regex Pid();

    // A killed process whose parent died may linger as a zombie until init reaps it; that is gone too.
    private static bool IsGoneSoon(int pid)
    {
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(3); Thread.Sleep(50))
        {
            string stat;
            try
            {
                stat = File.ReadAllText($"/proc/{pid}/stat");
            }
            catch (IOException)
            {
                return true;
            }
            var state = stat[(stat.LastIndexOf(')') + 2)..][0];
            if (state is 'Z' or 'X')
                return true;
        }
        return false;
    }
}
