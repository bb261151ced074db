namespace Lambada.Build.Aws.Configuration;

/// <summary>
/// Refuses a region no request could reach, before any request is made: a list, a name outside every partition's pattern,
/// or a name that fits a pattern but uses a word no AWS region uses (a typo such as <c>us-esat-1</c>). A new region in
/// the usual shape (<c>ap-southeast-9</c>) is accepted: AWS opens regions faster than this table is updated.
/// </summary>
internal static class RegionCheck
{
    private static readonly char[] ListSeparators = [';', ',', '|'];

    private static readonly HashSet<string> Known = new(AwsPartitions.KnownRegions, StringComparer.Ordinal);

    // The word before the number: east, west, northeast, central, ... A typo there is the mistake a pattern cannot see.
    private static readonly HashSet<string> KnownDirections = new(AwsPartitions.KnownRegions.Select(Direction), StringComparer.Ordinal);

    /// <summary>The region as given, or an <see cref="AwsConfigurationException"/> naming <paramref name="source"/>.</summary>
    public static string Check(string region, string source)
    {
        if (region.IndexOfAny(ListSeparators) >= 0 || region.Any(char.IsWhiteSpace))
            throw new AwsConfigurationException(AwsConfigurationProblem.SeveralRegions,
                $"The AWS region '{region}' (from {source}) looks like a list; one region is expected, such as {First(region)}. " +
                "To deploy to several regions, build once per region with -p:LambadaRegion=<region>.");
        if (IsPlausible(region))
            return region;
        var lower = region.ToLowerInvariant();
        var hint = lower != region && IsPlausible(lower)
            ? $"region names are lowercase: did you mean {lower}?"
            : $"did you mean {Nearest(lower)}?";
        throw new AwsConfigurationException(AwsConfigurationProblem.UnknownRegion,
            $"The AWS region '{region}' (from {source}) is not an AWS region; {hint} " +
            "'aws account list-regions' lists the regions of your account.");
    }

    private static bool IsPlausible(string region) =>
        Known.Contains(region) || (AwsPartitions.All.Any(p => p.Matches(region)) && KnownDirections.Contains(Direction(region)));

    private static string Direction(string region)
    {
        var parts = region.Split('-');
        return parts.Length >= 2 ? parts[^2] : "";
    }

    private static string First(string list)
    {
        var first = list.Split([.. ListSeparators, ' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return IsPlausible(first) ? first : "us-east-1";
    }

    /// <summary>The known region fewest edits away (a swap of two neighbouring letters is one edit); the table's order breaks ties.</summary>
    private static string Nearest(string region) =>
        AwsPartitions.KnownRegions.MinBy(known => EditDistance(region, known))!;

    private static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
            d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++)
            d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
