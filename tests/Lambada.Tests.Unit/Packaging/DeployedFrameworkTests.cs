using Lambada.Build.Manifest;

namespace Lambada.Tests.Packaging;

[TestClass]
public sealed class DeployedFrameworkTests
{
    [TestMethod]
    [DataRow("net10.0", "", "", "net10.0")]
    [DataRow("net8.0", "net8.0;net10.0", "", "net10.0")]
    [DataRow("net10.0", "net10.0;net8.0", "", "net10.0")]
    [DataRow("net8.0", " net8.0 ; net10.0 ", "", "net10.0")]
    [DataRow("net8.0", "net8.0;net10.0", "net8.0", "net8.0")]
    [DataRow("net8.0", "netstandard2.0;net8.0", "", "net8.0")]
    public void A_multi_targeting_project_deploys_the_named_or_the_newest_framework(string current, string all, string named, string expected) =>
        Assert.AreEqual(expected, TargetFrameworks.DeployedFramework(current, all, named));
}
