namespace Lambada.Runtime.Local.Serve;

/// <summary>
/// One <c>[LambadaHttp]</c> route key, matched as API Gateway HTTP APIs match them: the method exactly or <c>ANY</c>, literal
/// segments exactly (case-sensitive), <c>{name}</c> one segment, a greedy <c>{name+}</c> (last only) one segment or more;
/// <c>$default</c> anything. <see cref="CompareSpecificity"/> orders them so the most specific match wins.
/// </summary>
internal sealed class RouteTemplate
{
    public const string Default = "$default";
    public const string AnyMethod = "ANY";

    private readonly Segment[] _segments;

    private RouteTemplate(string routeKey, string method, Segment[] segments)
    {
        RouteKey = routeKey;
        Method = method;
        _segments = segments;
    }

    /// <summary>The route key as declared: <c>GET /orders/{id}</c>, <c>$default</c>.</summary>
    public string RouteKey { get; }

    /// <summary><c>GET</c>, <c>POST</c>, …, <c>ANY</c>; <c>ANY</c> for <c>$default</c>.</summary>
    public string Method { get; }

    public bool IsDefault => RouteKey == Default;

    /// <summary>The path part (<c>/orders/{id}</c>); <c>/{proxy+}</c>-like for <c>$default</c>, which takes every path.</summary>
    public string Path => IsDefault ? "/*" : RouteKey[(RouteKey.IndexOf(' ', StringComparison.Ordinal) + 1)..];

    /// <summary>Reads a route key; null when it is not one (the build rejects those, so a served assembly has none).</summary>
    public static RouteTemplate? Parse(string routeKey)
    {
        if (routeKey == Default)
            return new RouteTemplate(routeKey, AnyMethod, []);
        var space = routeKey.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0 || space + 1 >= routeKey.Length || routeKey[space + 1] != '/')
            return null;
        var method = routeKey[..space];
        var parts = Split(routeKey[(space + 1)..]);
        var segments = new Segment[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (part.Length > 2 && part[0] == '{' && part[^1] == '}')
            {
                var greedy = part[^2] == '+';
                if (greedy && i != parts.Length - 1)
                    return null;
                segments[i] = new Segment(greedy ? SegmentKind.Greedy : SegmentKind.Parameter, part[1..(greedy ? ^2 : ^1)]);
            }
            else
            {
                segments[i] = new Segment(SegmentKind.Literal, part);
            }
        }
        return new RouteTemplate(routeKey, method, segments);
    }

    /// <summary>Whether <paramref name="method"/> and the raw path's segments match; the path parameters (decoded) when they do.</summary>
    public bool TryMatch(string method, string[] pathSegments, out Dictionary<string, string>? parameters)
    {
        parameters = null;
        if (Method != AnyMethod && !string.Equals(Method, method, StringComparison.Ordinal))
            return false;
        if (IsDefault)
            return true;
        var greedy = _segments.Length > 0 && _segments[^1].Kind == SegmentKind.Greedy;
        if (greedy ? pathSegments.Length < _segments.Length : pathSegments.Length != _segments.Length)
            return false;
        for (var i = 0; i < _segments.Length; i++)
        {
            var segment = _segments[i];
            switch (segment.Kind)
            {
                case SegmentKind.Literal when !string.Equals(segment.Text, pathSegments[i], StringComparison.Ordinal):
                    return false;
                case SegmentKind.Parameter:
                    (parameters ??= new(StringComparer.Ordinal))[segment.Text] = Uri.UnescapeDataString(pathSegments[i]);
                    break;
                case SegmentKind.Greedy:
                    (parameters ??= new(StringComparer.Ordinal))[segment.Text] = Uri.UnescapeDataString(string.Join('/', pathSegments[i..]));
                    break;
            }
        }
        return true;
    }

    /// <summary>
    /// Negative when <paramref name="a"/> is the more specific: <c>$default</c> last; then segment by segment, a literal before a
    /// <c>{param}</c> before a greedy <c>{param+}</c>; then the longer template; then an exact method before <c>ANY</c>.
    /// </summary>
    public static int CompareSpecificity(RouteTemplate a, RouteTemplate b)
    {
        if (a.IsDefault != b.IsDefault)
            return a.IsDefault ? 1 : -1;
        for (var i = 0; i < Math.Min(a._segments.Length, b._segments.Length); i++)
        {
            var byKind = a._segments[i].Kind.CompareTo(b._segments[i].Kind);
            if (byKind != 0)
                return byKind;
        }
        var byLength = b._segments.Length.CompareTo(a._segments.Length);
        if (byLength != 0)
            return byLength;
        return (a.Method == AnyMethod).CompareTo(b.Method == AnyMethod);
    }

    /// <summary>A raw path's segments: <c>/a/b</c> → a, b; <c>/</c> → none; a trailing slash adds nothing.</summary>
    public static string[] Split(string path)
    {
        var trimmed = path.Trim('/');
        return trimmed.Length == 0 ? [] : trimmed.Split('/');
    }

    private enum SegmentKind
    {
        Literal,
        Parameter,
        Greedy,
    }

    private readonly record struct Segment(SegmentKind Kind, string Text);
}
