using Lambada.Build.Aws.Configuration;

namespace Lambada.Tests.Aws.Configuration;

/// <summary>Region precedence with an injected environment and SDK chain (no profile, so no file is read).</summary>
[TestClass]
public sealed class RegionResolverTests
{
    private static readonly Func<string?> NoSdkRegion = () => null;

    [TestMethod]
    public void LambadaRegion_wins_over_everything()
    {
        var region = RegionResolver.Resolve("ap-south-1", null, Variables(("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "eu-west-2")), () => "us-west-2");

        Assert.AreEqual("ap-south-1", region);
    }

    [TestMethod]
    public void AWS_REGION_comes_next()
    {
        var region = RegionResolver.Resolve(null, null, Variables(("AWS_REGION", "eu-west-1"), ("AWS_DEFAULT_REGION", "eu-west-2")), () => "us-west-2");

        Assert.AreEqual("eu-west-1", region);
    }

    [TestMethod]
    public void AWS_DEFAULT_REGION_comes_after_AWS_REGION()
    {
        var region = RegionResolver.Resolve(" ", null, Variables(("AWS_REGION", ""), ("AWS_DEFAULT_REGION", "eu-west-2")), () => "us-west-2");

        Assert.AreEqual("eu-west-2", region);
    }

    [TestMethod]
    public void The_sdk_chain_is_the_last_resort()
    {
        Assert.AreEqual("us-west-2", RegionResolver.Resolve(null, null, Variables(), () => "us-west-2"));
    }

    [TestMethod]
    public void The_sdk_chain_is_not_asked_when_a_region_is_set()
    {
        var asked = false;

        RegionResolver.Resolve("eu-north-1", null, Variables(), () => { asked = true; return "us-west-2"; });

        Assert.IsFalse(asked);
    }

    [TestMethod]
    public void Values_are_trimmed()
    {
        Assert.AreEqual("eu-west-3", RegionResolver.Resolve(null, null, Variables(("AWS_REGION", " eu-west-3\n")), NoSdkRegion));
    }

    [TestMethod]
    public void No_region_anywhere_is_an_error_that_says_how_to_set_one()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => RegionResolver.Resolve(null, "  ", Variables(), NoSdkRegion));

        Assert.AreEqual(AwsConfigurationProblem.MissingRegion, error.Problem);
        StringAssert.Contains(error.Message, "LambadaRegion");
        StringAssert.Contains(error.Message, "AWS_REGION");
        StringAssert.Contains(error.Message, "profile");
    }

    [TestMethod]
    public void LambadaRegion_with_spaces_around_it_is_trimmed_and_accepted()
    {
        Assert.AreEqual("us-east-1", RegionResolver.Resolve(" us-east-1 ", null, Variables(), NoSdkRegion));
    }

    [TestMethod]
    [DataRow("LambadaRegion")]
    [DataRow("AWS_REGION")]
    [DataRow("AWS_DEFAULT_REGION")]
    public void A_typo_is_refused_naming_where_the_value_came_from(string source)
    {
        var variables = source == "LambadaRegion" ? Variables() : Variables((source, "us-esat-1"));

        var error = Assert.ThrowsExactly<AwsConfigurationException>(() =>
            RegionResolver.Resolve(source == "LambadaRegion" ? "us-esat-1" : null, null, variables, NoSdkRegion));

        Assert.AreEqual(AwsConfigurationProblem.UnknownRegion, error.Problem);
        StringAssert.Contains(error.Message, $"'us-esat-1' (from {source}) is not an AWS region; did you mean us-east-1?");
    }

    [TestMethod]
    public void The_sdk_chains_region_is_checked_too()
    {
        var error = Assert.ThrowsExactly<AwsConfigurationException>(() => RegionResolver.Resolve(null, null, Variables(), () => "us-east-1;eu-west-1"));

        Assert.AreEqual(AwsConfigurationProblem.SeveralRegions, error.Problem);
        StringAssert.Contains(error.Message, "(from AWSSDK.Core's region chain");
    }

    [TestMethod]
    public void A_list_in_AWS_REGION_is_refused_even_when_a_later_source_is_good()
    {
        var error = Assert.ThrowsExactly<AwsConfigurationException>(() =>
            RegionResolver.Resolve(null, null, Variables(("AWS_REGION", "us-east-1;eu-west-1"), ("AWS_DEFAULT_REGION", "eu-west-2")), NoSdkRegion));

        Assert.AreEqual(AwsConfigurationProblem.SeveralRegions, error.Problem);
        StringAssert.Contains(error.Message, "'us-east-1;eu-west-1' (from AWS_REGION) looks like a list; one region is expected");
    }

    private static Func<string, string?> Variables(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();
}
