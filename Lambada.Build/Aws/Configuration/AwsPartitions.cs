using System.Text.RegularExpressions;

namespace Lambada.Build.Aws.Configuration;

/// <summary>An AWS partition: the pattern every region of it matches, and the regions known when the table was taken.</summary>
internal sealed record AwsPartition(string Id, string RegionPattern, IReadOnlyList<string> Regions)
{
    // ECMAScript: \w and \d mean ASCII only, as AWS region names are (in .NET they would otherwise match any letter or digit).
    private readonly Regex _pattern = new(RegionPattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant);

    public bool Matches(string region) => _pattern.IsMatch(region);
}

/// <summary>
/// The AWS partitions and their regions, copied from botocore 1.43.11 (botocore/data/partitions.json: <c>regionRegex</c>
/// and <c>regions</c> of each partition, without the <c>*-global</c> pseudo-regions; the same as endpoints.json's).
/// A test runs python3 against the installed botocore and fails when this table and botocore's files disagree.
/// </summary>
internal static class AwsPartitions
{
    public static IReadOnlyList<AwsPartition> All { get; } =
    [
        new("aws", @"^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$",
        [
            "af-south-1", "ap-east-1", "ap-east-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4", "ap-southeast-5", "ap-southeast-6", "ap-southeast-7",
            "ca-central-1", "ca-west-1", "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1",
            "eu-west-2", "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "mx-central-1", "sa-east-1", "us-east-1",
            "us-east-2", "us-west-1", "us-west-2",
        ]),
        new("aws-cn", @"^cn\-\w+\-\d+$", ["cn-north-1", "cn-northwest-1"]),
        new("aws-eusc", @"^eusc\-(de)\-\w+\-\d+$", ["eusc-de-east-1"]),
        new("aws-iso", @"^us\-iso\-\w+\-\d+$", ["us-iso-east-1", "us-iso-west-1"]),
        new("aws-iso-b", @"^us\-isob\-\w+\-\d+$", ["us-isob-east-1", "us-isob-west-1"]),
        new("aws-iso-e", @"^eu\-isoe\-\w+\-\d+$", ["eu-isoe-west-1"]),
        new("aws-iso-f", @"^us\-isof\-\w+\-\d+$", ["us-isof-east-1", "us-isof-south-1"]),
        new("aws-us-gov", @"^us\-gov\-\w+\-\d+$", ["us-gov-east-1", "us-gov-west-1"]),
    ];

    public static IEnumerable<string> KnownRegions => All.SelectMany(p => p.Regions);
}
