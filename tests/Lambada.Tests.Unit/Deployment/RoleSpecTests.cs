using Lambada.Build.Deployment;

namespace Lambada.Tests.Deployment;

[TestClass]
public sealed class RoleSpecTests
{
    private const string Root = "arn:aws:iam::123456789012:role/lambda_s3_full";
    private const string UnderPath = "arn:aws:iam::123456789012:role/service/team/lambda_s3_full";

    [TestMethod]
    [DataRow("*/lambda_s3_full", Root, true)]
    [DataRow("*/lambda_s3_full", UnderPath, true)]
    [DataRow("*/lambda_s3_full", "arn:aws:iam::123456789012:role/lambda_s3_full_v2", false)]
    [DataRow("*/lambda_s3_*", "arn:aws:iam::123456789012:role/lambda_s3_read", true)]
    [DataRow("*:role/service/*", UnderPath, true)]
    [DataRow("*:role/service/*", Root, false)]
    [DataRow("*/lambda_s3_ful?", Root, true)]
    [DataRow("*/lambda.s3", "arn:aws:iam::123456789012:role/lambdaXs3", false)]
    [DataRow("lambda_s3_full", UnderPath, true)]
    [DataRow("lambda_s3_full", "arn:aws:iam::123456789012:role/other", false)]
    [DataRow(Root, Root, true)]
    [DataRow(Root, UnderPath, false)]
    public void A_spec_matches_whole_role_ARNs(string spec, string arn, bool matches) =>
        Assert.AreEqual(matches, new RoleSpec(spec).Matches(arn));

    [TestMethod]
    [DataRow("lambda_basic_execution", "lambda_basic_execution")]
    [DataRow("*/lambda_s3_full", "lambda_s3_full")]
    [DataRow("*/lambda_*", null)]
    [DataRow("*:role/service/x", null)]
    [DataRow(Root, null)]
    public void A_bare_name_or_star_slash_name_is_resolved_with_one_GetRole(string spec, string? name) =>
        Assert.AreEqual(name, new RoleSpec(spec).DirectName);
}
