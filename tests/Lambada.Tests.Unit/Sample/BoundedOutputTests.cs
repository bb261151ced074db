using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LambdaShell;

namespace Lambada.Tests.Sample;

/// <summary>A command's output kept within its share of the reply: the first and last part, and a count of what was cut.</summary>
[TestClass]
public sealed partial class BoundedOutputTests
{
    private const int Limit = 64 * 1024;

    [TestMethod]
    public void Output_within_the_limit_comes_back_line_by_line_as_it_was()
    {
        var lines = Collect(Limit, "a\nb\r\n\nlast without a line break");

        CollectionAssert.AreEqual(new[] { "a", "b", "", "last without a line break" }, lines);
    }

    [TestMethod]
    public void A_final_line_break_does_not_add_an_empty_line_and_no_output_is_no_lines()
    {
        CollectionAssert.AreEqual(new[] { "one" }, Collect(Limit, "one\n"));
        Assert.IsEmpty(Collect(Limit, ""));
    }

    [TestMethod]
    public void Output_split_across_many_appends_is_joined_again()
    {
        var output = new BoundedOutput(Limit);
        foreach (var b in Encoding.UTF8.GetBytes("héllo\nwörld\n"))
            output.Append([b]);

        CollectionAssert.AreEqual(new[] { "héllo", "wörld" }, output.ToLines());
    }

    [TestMethod]
    public void Long_output_keeps_whole_first_and_last_lines_and_counts_every_byte_between()
    {
        var text = string.Concat(Enumerable.Range(1, 100_000).Select(i => $"line {i}\n"));

        var lines = Collect(Limit, text);

        var marker = lines.FindIndex(l => l.StartsWith(StatusLines.CutPrefix, StringComparison.Ordinal));
        Assert.IsGreaterThan(0, marker);
        Assert.AreEqual("line 1", lines[0]);
        Assert.AreEqual("line 100000", lines[^1]);
        var kept = lines.Take(marker).Concat(lines.Skip(marker + 1)).ToList();
        Assert.IsTrue(kept.All(l => Regex.IsMatch(l, @"^line \d+$")), "no line is cut in the middle");
        Assert.AreEqual(Encoding.UTF8.GetByteCount(text), kept.Sum(l => l.Length + 1) + CutBytes(lines[marker]));
        var after = int.Parse(lines[marker + 1]["line ".Length..]);
        CollectionAssert.AreEqual(Enumerable.Range(1, marker).Select(i => $"line {i}").ToList(), lines.Take(marker).ToList());
        CollectionAssert.AreEqual(Enumerable.Range(after, 100_000 - after + 1).Select(i => $"line {i}").ToList(), lines.Skip(marker + 1).ToList());
    }

    [TestMethod]
    public void One_line_longer_than_the_limit_keeps_its_start_and_end_around_the_marker()
    {
        var lines = Collect(Limit, new string('x', 1_000_000));

        Assert.HasCount(3, lines);
        Assert.AreEqual(new string('x', Limit / 2), lines[0]);
        Assert.AreEqual(StatusLines.Cut(1_000_000 - Limit), lines[1]);
        Assert.AreEqual(new string('x', Limit / 2), lines[2]);
    }

    [TestMethod]
    public void A_cut_inside_a_line_never_splits_a_character()
    {
        var lines = Collect(Limit + 1, string.Concat(Enumerable.Repeat("é✓𝄞", 50_000)));

        Assert.IsFalse(lines.Any(l => l.Contains('\uFFFD')), string.Join("\n", lines.Select(l => l[..Math.Min(40, l.Length)])));
        Assert.HasCount(3, lines);
    }

    [TestMethod]
    public void The_kept_lines_fit_the_limit_as_json_whatever_the_bytes()
    {
        var random = new Random(10);
        var bytes = new byte[4_000_000];
        random.NextBytes(bytes);
        var output = new BoundedOutput(Limit);

        output.Append(bytes);

        var lines = output.ToLines();
        var json = JsonSerializer.SerializeToUtf8Bytes(lines);
        var marker = lines.Single(l => l.StartsWith(StatusLines.CutPrefix, StringComparison.Ordinal));
        // The marker is escaped too (… as \u2026), and a line break at either cut may be missing: a few bytes more.
        Assert.IsLessThanOrEqualTo(Limit + 2 * Encoding.UTF8.GetByteCount(marker) + 16, json.Length);
        Assert.IsGreaterThan(Limit / 4, json.Length, "most of the share is used");
    }

    [TestMethod]
    public void A_hundred_megabytes_pass_through_buffers_no_larger_than_the_limit()
    {
        var output = new BoundedOutput(Limits.CommandOutputBytes);
        var chunk = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("y\n", 32 * 1024)));
        var largest = 0;

        for (long sent = 0; sent < 100_000_000; sent += chunk.Length)
        {
            output.Append(chunk);
            largest = Math.Max(largest, output.BufferedBytes);
        }

        Assert.IsLessThanOrEqualTo(Limits.CommandOutputBytes + TailWindow.SlackBytes, largest);
        var lines = output.ToLines();
        Assert.AreEqual("y", lines[0]);
        Assert.AreEqual("y", lines[^1]);
        Assert.AreEqual(1, lines.Count(l => l.StartsWith(StatusLines.CutPrefix, StringComparison.Ordinal)));
    }

    [TestMethod]
    public void Many_small_reads_share_buffers_so_memory_stays_bounded()
    {
        var output = new BoundedOutput(Limit);
        var largest = 0;

        for (var i = 0; i < 1_000_000; i++)
        {
            output.Append("ab\n"u8);
            largest = Math.Max(largest, output.BufferedBytes);
        }

        Assert.IsLessThanOrEqualTo(Limit + TailWindow.SlackBytes, largest);
        var lines = output.ToLines();
        Assert.IsTrue(lines.All(l => l == "ab" || CutCount().IsMatch(l)));
        Assert.AreEqual(3_000_000, (lines.Count - 1) * 3 + CutBytes(lines.Single(l => CutCount().IsMatch(l))));
    }

    [TestMethod]
    public void A_zero_limit_keeps_only_the_count()
    {
        CollectionAssert.AreEqual(new[] { StatusLines.Cut(6) }, Collect(0, "hello\n"));
    }

    [TestMethod]
    public void Bytes_after_the_end_are_ignored()
    {
        var output = new BoundedOutput(Limit);
        output.Append("first\n"u8);
        var lines = output.ToLines();

        output.Append("late\n"u8);

        CollectionAssert.AreEqual(new[] { "first" }, lines);
        CollectionAssert.AreEqual(new[] { "first" }, output.ToLines());
    }

    [TestMethod]
    public void Each_byte_costs_at_least_what_json_escaping_makes_of_it()
    {
        for (var b = 0; b < 0x80; b++)
        {
            var text = ((char)b).ToString();
            // A line break is not written: it ends one JSON string and starts the next (two quotes and a comma).
            var escaped = b == '\n' ? 3 : JsonEncodedText.Encode(text).EncodedUtf8Bytes.Length;
            Assert.IsGreaterThanOrEqualTo(escaped, JsonCost.Of((byte)b), $"byte 0x{b:X2}");
        }
        Assert.AreEqual(6, JsonCost.Of(0x80));
        var random = new byte[100_000];
        new Random(7).NextBytes(random);
        Assert.AreEqual(random.Sum(b => (long)JsonCost.Of(b)), JsonCost.Of(random.AsSpan()), "many bytes at once cost what they cost one by one");
        Assert.AreEqual(1, JsonCost.Of((byte)'a'));
    }

    private static List<string> Collect(int limit, string text)
    {
        var output = new BoundedOutput(limit);
        output.Append(Encoding.UTF8.GetBytes(text));
        return output.ToLines();
    }

    private static long CutBytes(string marker) => long.Parse(CutCount().Match(marker).Groups[1].Value);

    [GeneratedRegex(@"^… (\d+) bytes cut …$")]
    private static partial Regex CutCount();
}
