using Lambada.Build.Aws.Configuration;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>The region of <c>LambadaProfile</c>, read from a temporary config file; these tests change process environment variables.</summary>
[TestClass]
[DoNotParallelize]
public sealed class ProfileRegionTests
{
    private const string Config = """
        [default]
        region = us-west-1

        [profile lambada-deploy]
        region = eu-central-2
        """;

    [TestMethod]
    public void The_profiles_region_comes_after_the_variables_and_before_the_sdk_chain()
    {
        using var files = new AwsConfigFiles(config: Config);

        Assert.AreEqual("eu-central-2", RegionResolver.Resolve(null, "lambada-deploy", Environment.GetEnvironmentVariable, () => "us-west-2"));
    }

    [TestMethod]
    public void AWS_DEFAULT_REGION_wins_over_the_profiles_region()
    {
        using var files = new AwsConfigFiles(config: Config).Set(("AWS_DEFAULT_REGION", "eu-west-2"));

        var region = RegionResolver.Resolve(null, "lambada-deploy", Environment.GetEnvironmentVariable, () => "us-west-2");

        Assert.AreEqual("eu-west-2", region);
    }

    [TestMethod]
    public void A_profile_without_a_region_falls_through_to_the_sdk_chain()
    {
        using var files = new AwsConfigFiles(config: "[profile no-region]\noutput = json\n");

        Assert.AreEqual("us-west-2", RegionResolver.Resolve(null, "no-region", Environment.GetEnvironmentVariable, () => "us-west-2"));
    }

    [TestMethod]
    public void A_typo_in_the_profiles_region_is_refused_naming_the_profile()
    {
        using var files = new AwsConfigFiles(config: "[profile typo]\nregion = eu-wset-1\n");

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() =>
            RegionResolver.Resolve(null, "typo", Environment.GetEnvironmentVariable, () => "us-west-2"));

        Assert.AreEqual(AwsConfigurationProblem.UnknownRegion, error.Problem);
        StringAssert.Contains(error.Message, "'eu-wset-1' (from the region of profile 'typo' (LambadaProfile)) is not an AWS region; did you mean eu-west-1?");
    }

    [TestMethod]
    public void A_list_in_the_profiles_region_is_refused()
    {
        using var files = new AwsConfigFiles(config: "[profile two]\nregion = us-east-1,eu-west-1\n");

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() =>
            RegionResolver.Resolve(null, "two", Environment.GetEnvironmentVariable, () => "us-west-2"));

        Assert.AreEqual(AwsConfigurationProblem.SeveralRegions, error.Problem);
        StringAssert.Contains(error.Message, "(from the region of profile 'two' (LambadaProfile)) looks like a list");
    }
}
