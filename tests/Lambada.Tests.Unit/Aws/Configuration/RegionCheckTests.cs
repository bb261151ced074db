using Lambada.Build.Aws.Configuration;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>Every bad form of a region, and a good one from each partition, through <see cref="RegionCheck"/>.</summary>
[TestClass]
public sealed class RegionCheckTests
{
    [TestMethod]
    [DataRow("us-esat-1", "us-east-1")]
    [DataRow("us-east1", "us-east-1")]
    [DataRow("useast-1", "us-east-1")]
    [DataRow("eu-wset-2", "eu-west-2")]
    [DataRow("ap-southeast", "ap-southeast-1")]
    [DataRow("us-east-1a", "us-east-1")]
    [DataRow("cn-nrth-1", "cn-north-1")]
    [DataRow("us-gov-wset-1", "us-gov-west-1")]
    public void A_typo_is_refused_naming_the_nearest_known_region(string typo, string nearest)
    {
        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => RegionCheck.Check(typo, "LambadaRegion"));

        Assert.AreEqual(AwsConfigurationProblem.UnknownRegion, error.Problem);
        StringAssert.Contains(error.Message, $"The AWS region '{typo}' (from LambadaRegion) is not an AWS region; did you mean {nearest}?");
    }

    [TestMethod]
    [DataRow("us-east-1;eu-west-1")]
    [DataRow("us-east-1,eu-west-1")]
    [DataRow("us-east-1, eu-west-1")]
    [DataRow("us-east-1 eu-west-1")]
    [DataRow("us-east-1|eu-west-1")]
    public void A_list_is_refused_because_one_region_is_expected(string list)
    {
        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => RegionCheck.Check(list, "AWS_REGION"));

        Assert.AreEqual(AwsConfigurationProblem.SeveralRegions, error.Problem);
        StringAssert.Contains(error.Message, $"The AWS region '{list}' (from AWS_REGION) looks like a list; one region is expected, such as us-east-1.");
    }

    [TestMethod]
    public void An_uppercase_region_is_refused_with_its_lowercase_form()
    {
        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => RegionCheck.Check("US-EAST-1", "LambadaRegion"));

        Assert.AreEqual(AwsConfigurationProblem.UnknownRegion, error.Problem);
        StringAssert.Contains(error.Message, "region names are lowercase: did you mean us-east-1?");
    }

    [TestMethod]
    [DataRow("us-éast-1")]
    [DataRow("us-east-١")]
    [DataRow("us-east_x-1")]
    public void Letters_and_digits_outside_ASCII_or_words_no_region_uses_are_refused(string region)
    {
        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => RegionCheck.Check(region, "LambadaRegion"));

        Assert.AreEqual(AwsConfigurationProblem.UnknownRegion, error.Problem);
    }

    [TestMethod]
    [DataRow("us-east-1")]
    [DataRow("cn-northwest-1")]
    [DataRow("eusc-de-east-1")]
    [DataRow("us-iso-east-1")]
    [DataRow("us-isob-east-1")]
    [DataRow("eu-isoe-west-1")]
    [DataRow("us-isof-south-1")]
    [DataRow("us-gov-west-1")]
    public void A_region_of_each_partition_is_accepted(string region)
    {
        Assert.AreEqual(region, RegionCheck.Check(region, "LambadaRegion"));
    }

    [TestMethod]
    [DataRow("ap-southeast-9")]
    [DataRow("eu-central-3")]
    [DataRow("me-west-1")]
    public void A_region_in_the_usual_shape_that_the_table_does_not_know_yet_is_accepted(string region)
    {
        Assert.AreEqual(region, RegionCheck.Check(region, "LambadaRegion"));
    }

    [TestMethod]
    public void Every_region_of_the_table_matches_its_own_partitions_pattern()
    {
        foreach (var partition in AwsPartitions.All)
            foreach (var region in partition.Regions)
                Assert.IsTrue(partition.Matches(region), $"{region} does not match {partition.Id}'s {partition.RegionPattern}");
    }
}
