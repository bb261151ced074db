using Lambada.Build.Aws.Signing;

namespace Lambada.Tests.Aws.Signing;

[TestClass]
public sealed class AwsCredentialsTests
{
    [TestMethod]
    public void ToString_never_shows_the_secret_or_the_token()
    {
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        var token = "token-" + Guid.NewGuid().ToString("N");
        var credentials = new AwsCredentials("AKIAIOSFODNN7EXAMPLE", secret, token);

        foreach (var text in new[] { credentials.ToString(), $"{credentials}", new { credentials }.ToString()!, string.Join(",", [credentials]) })
        {
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", text);
        }
    }

    [TestMethod]
    public void ToString_says_whether_there_is_a_token()
    {
        Assert.Contains("SessionToken = none", new AwsCredentials("AKIAIOSFODNN7EXAMPLE", "s", null).ToString());
        Assert.Contains("SessionToken = ***", new AwsCredentials("AKIAIOSFODNN7EXAMPLE", "s", "t").ToString());
    }
}
