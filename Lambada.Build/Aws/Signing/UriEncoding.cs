using System.Text;

namespace Lambada.Build.Aws.Signing;

/// <summary>RFC 3986 percent-encoding as AWS wants it: only <c>A-Z a-z 0-9 - _ . ~</c> stay as they are.</summary>
internal static class UriEncoding
{
    public static string Encode(string value, bool keepSlash = false)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (IsUnreserved(c) || (keepSlash && c == '/'))
                builder.Append(c);
            else
                builder.Append('%').Append(b.ToString("X2"));
        }
        return builder.ToString();
    }

    private static bool IsUnreserved(char c) =>
        c is >= 'A' and <= 'Z' or >= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_' or '.' or '~';
}
