using Lambada.Testing;

namespace Lambada.Tests.Consumer;

/// <summary>A fenced block of the README: its language word (<c>bash</c>, or empty) and its lines, list indentation removed.</summary>
public sealed record ReadmeBlock(string Language, string Text);

/// <summary>The README's "Zero to a deployed function in five steps", read as the fenced blocks it shows, in order.</summary>
public sealed class QuickStartReadme
{
    public const string Heading = "### Zero to a deployed function in five steps";

    private QuickStartReadme(IReadOnlyList<ReadmeBlock> blocks) => Blocks = blocks;

    public IReadOnlyList<ReadmeBlock> Blocks { get; }

    /// <summary>What a user types: every <c>bash</c> block, in the README's order.</summary>
    public IReadOnlyList<string> Commands => Blocks.Where(b => b.Language == "bash").Select(b => b.Text).ToArray();

    /// <summary>The first bash block that contains <paramref name="text"/>.</summary>
    public string Command(string text) => Commands.FirstOrDefault(c => c.Contains(text, StringComparison.Ordinal))
        ?? throw new AssertFailedException($"no bash block of the README's five steps contains '{text}'");

    /// <summary>The block that follows the bash block containing <paramref name="text"/>: the output the README shows for it.</summary>
    public string OutputOf(string text)
    {
        var index = Blocks.ToList().FindIndex(b => b.Language == "bash" && b.Text.Contains(text, StringComparison.Ordinal));
        Assert.IsTrue(index >= 0 && index + 1 < Blocks.Count && Blocks[index + 1].Language == "",
            $"the README shows no output block after the command with '{text}'");
        return Blocks[index + 1].Text;
    }

    public static QuickStartReadme Read()
    {
        var readme = File.ReadAllText(Path.Combine(RepoPaths.Root, "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var start = readme.IndexOf(Heading + "\n", StringComparison.Ordinal);
        Assert.IsTrue(start >= 0, "README.md has no heading " + Heading);
        var lines = readme[(start + Heading.Length)..].Split('\n');
        var blocks = new List<ReadmeBlock>();
        for (var i = 0; i < lines.Length && !lines[i].StartsWith('#'); i++)
        {
            var fence = lines[i].TrimStart(' ');
            if (!fence.StartsWith("```", StringComparison.Ordinal))
                continue;
            var indent = lines[i].Length - fence.Length;
            var body = new List<string>();
            for (i++; i < lines.Length && lines[i].Trim() != "```"; i++)
                body.Add(lines[i][Math.Min(indent, lines[i].Length - lines[i].TrimStart(' ').Length)..]);
            blocks.Add(new ReadmeBlock(fence[3..].Trim(), string.Join('\n', body) + "\n"));
        }
        return new QuickStartReadme(blocks);
    }
}
