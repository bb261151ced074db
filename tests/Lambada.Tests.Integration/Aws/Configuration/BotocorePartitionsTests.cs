using System.Text.Json;
using Lambada.Build.Aws.Configuration;
using Lambada.Testing;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>
/// <see cref="AwsPartitions"/> against the installed botocore's partitions.json and endpoints.json, read by python3:
/// when botocore learns a region or a partition changes its pattern, these fail until the table is brought up to date.
/// </summary>
[TestClass]
public sealed class BotocorePartitionsTests
{
    // Prints {"partition id": {"pattern": ..., "regions": [...]}} from both files; a pattern they disagree on is kept twice.
    private const string Script = """
        import json, os, re, botocore
        data = os.path.join(os.path.dirname(botocore.__file__), "data")
        out = {}
        for part in json.load(open(os.path.join(data, "partitions.json")))["partitions"]:
            entry = out.setdefault(part["id"], {"patterns": [], "regions": [], "pseudo": []})
            entry["patterns"].append(part["regionRegex"])
            for region in part["regions"]:
                (entry["regions"] if re.match(part["regionRegex"], region) else entry["pseudo"]).append(region)
        for part in json.load(open(os.path.join(data, "endpoints.json")))["partitions"]:
            entry = out.setdefault(part["partition"], {"patterns": [], "regions": [], "pseudo": []})
            entry["patterns"].append(part["regionRegex"])
            entry["regions"].extend(part["regions"])
        print(json.dumps({"version": botocore.__version__, "partitions": out}))
        """;

    private static JsonElement _botocore;

    [ClassInitialize]
    public static void ReadBotocore(TestContext _)
    {
        using var script = new TempDirectory("botocore-partitions");
        File.WriteAllText(script.File("partitions.py"), Script);
        var result = ProcessRunner.Run("python3", [script.File("partitions.py")]);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        _botocore = JsonDocument.Parse(result.Output).RootElement.Clone();
    }

    private static JsonElement Partitions => _botocore.GetProperty("partitions");

    [TestMethod]
    public void The_table_has_botocores_partitions_with_botocores_patterns()
    {
        var theirs = Partitions.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetProperty("patterns").EnumerateArray().Select(e => e.GetString()).Distinct().ToList());

        CollectionAssert.AreEquivalent(theirs.Keys.ToList(), AwsPartitions.All.Select(p => p.Id).ToList(), Version);
        foreach (var partition in AwsPartitions.All)
            CollectionAssert.AreEqual(new[] { partition.RegionPattern }, theirs[partition.Id], $"{partition.Id}, {Version}");
    }

    [TestMethod]
    public void The_table_knows_exactly_botocores_regions()
    {
        foreach (var partition in AwsPartitions.All)
        {
            var theirs = Partitions.GetProperty(partition.Id).GetProperty("regions").EnumerateArray().Select(e => e.GetString()!).Distinct().Order().ToList();
            CollectionAssert.AreEqual(theirs, partition.Regions.Order().ToList(), $"{partition.Id}, {Version}");
        }
    }

    [TestMethod]
    public void Every_region_botocore_knows_is_accepted()
    {
        var regions = Partitions.EnumerateObject().SelectMany(p => p.Value.GetProperty("regions").EnumerateArray()).Select(e => e.GetString()!).Distinct().ToList();

        Assert.IsGreaterThan(30, regions.Count, Version);
        foreach (var region in regions)
            Assert.AreEqual(region, RegionCheck.Check(region, "LambadaRegion"));
    }

    [TestMethod]
    public void Only_botocores_global_pseudo_regions_are_left_out_and_they_are_refused()
    {
        var pseudo = Partitions.EnumerateObject().SelectMany(p => p.Value.GetProperty("pseudo").EnumerateArray()).Select(e => e.GetString()!).ToList();

        Assert.IsNotEmpty(pseudo, Version);
        foreach (var region in pseudo)
        {
            StringAssert.EndsWith(region, "-global");
            Assert.ThrowsExactly<AwsConfigurationException>(() => RegionCheck.Check(region, "LambadaRegion"));
        }
    }

    private static string Version => "botocore " + _botocore.GetProperty("version").GetString();
}
