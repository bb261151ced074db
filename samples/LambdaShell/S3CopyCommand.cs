using System.Text;

namespace LambdaShell;

/// <summary>
/// A parsed <c>!aws s3 cp &lt;file&gt; s3://bucket/key</c> line. Words are separated by whitespace; a word
/// with spaces can be quoted with <c>'…'</c> or <c>"…"</c>. As with the AWS CLI, a key that is empty or
/// ends with <c>/</c> gets the file's name appended.
/// </summary>
public sealed record S3CopyCommand(string File, string Bucket, string Key)
{
    public const string Usage = "!aws s3 cp <file> s3://<bucket>/<key>";
    private const string S3Scheme = "s3://";

    public string Destination => S3Scheme + Bucket + "/" + Key;

    /// <exception cref="FormatException">The line is not a copy of one local file to S3.</exception>
    public static S3CopyCommand Parse(string line)
    {
        var words = Split(line);
        if (words.Count < 3 || words[0] != "!aws" || words[1] != "s3" || words[2] != "cp")
            throw new FormatException($"only '{Usage}' is supported");
        if (words.Count < 5)
            throw new FormatException("'s3 cp' needs a file and an s3:// destination");
        if (words.Count > 5)
            throw new FormatException($"unexpected arguments after the destination: {string.Join(' ', words.Skip(5))}");

        var (file, destination) = (words[3], words[4]);
        if (!destination.StartsWith(S3Scheme, StringComparison.Ordinal))
            throw new FormatException($"the destination '{destination}' is not an s3:// URL");
        var path = destination[S3Scheme.Length..];
        var slash = path.IndexOf('/');
        var bucket = slash < 0 ? path : path[..slash];
        var key = slash < 0 ? "" : path[(slash + 1)..];
        if (bucket.Length == 0)
            throw new FormatException($"the destination '{destination}' names no bucket");
        if (key.Length == 0 || key.EndsWith('/'))
            key += Path.GetFileName(file);
        return new S3CopyCommand(file, bucket, key);
    }

    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        foreach (var c in line)
        {
            if (quote is not null)
            {
                if (c == quote)
                    quote = null;
                else
                    word.Append(c);
            }
            else if (c is '\'' or '"')
            {
                (quote, inWord) = (c, true);
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                (inWord, word) = (false, word.Clear());
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (quote is not null)
            throw new FormatException($"unterminated {quote} quote");
        if (inWord)
            words.Add(word.ToString());
        return words;
    }
}
