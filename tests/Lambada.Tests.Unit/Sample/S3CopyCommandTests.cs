using LambdaShell;

namespace Lambada.Tests.Sample;

/// <summary>The <c>!aws s3 cp</c> parser on its own.</summary>
[TestClass]
public sealed class S3CopyCommandTests
{
    [TestMethod]
    public void A_copy_line_gives_the_file_bucket_and_key()
    {
        var copy = S3CopyCommand.Parse("!aws s3 cp /tmp/x.txt s3://bucket/dir/key.txt");

        Assert.AreEqual(new S3CopyCommand("/tmp/x.txt", "bucket", "dir/key.txt"), copy);
        Assert.AreEqual("s3://bucket/dir/key.txt", copy.Destination);
    }

    [TestMethod]
    public void Quoted_words_may_hold_spaces_and_extra_whitespace_is_ignored()
    {
        var copy = S3CopyCommand.Parse("!aws  s3\tcp '/tmp/my file.txt'  \"s3://bucket/a b\" ");

        Assert.AreEqual(new S3CopyCommand("/tmp/my file.txt", "bucket", "a b"), copy);
    }

    [TestMethod]
    [DataRow("!aws s3 cp /tmp/x.txt s3://bucket/dir/", "dir/x.txt")]
    [DataRow("!aws s3 cp /tmp/x.txt s3://bucket/", "x.txt")]
    [DataRow("!aws s3 cp /tmp/x.txt s3://bucket", "x.txt")]
    public void A_key_that_is_empty_or_a_folder_gets_the_file_name_like_the_AWS_CLI(string line, string key)
    {
        Assert.AreEqual(key, S3CopyCommand.Parse(line).Key);
    }

    [TestMethod]
    [DataRow("!aws s3 ls s3://bucket", "only")]
    [DataRow("!aws lambda list-functions", "only")]
    [DataRow("!aws", "only")]
    [DataRow("!awss3 cp a s3://b/k", "only")]
    [DataRow("!aws s3 cp", "needs a file")]
    [DataRow("!aws s3 cp /tmp/x.txt", "needs a file")]
    [DataRow("!aws s3 cp /tmp/x.txt s3://b/k --acl public-read", "unexpected arguments")]
    [DataRow("!aws s3 cp /tmp/x.txt /tmp/y.txt", "not an s3:// URL")]
    [DataRow("!aws s3 cp /tmp/x.txt https://bucket/key", "not an s3:// URL")]
    [DataRow("!aws s3 cp /tmp/x.txt s3:///key", "names no bucket")]
    [DataRow("!aws s3 cp '/tmp/x.txt s3://b/k", "unterminated")]
    public void A_malformed_line_is_refused_with_the_reason(string line, string reason)
    {
        var e = Assert.ThrowsExactly<FormatException>(() => S3CopyCommand.Parse(line));

        StringAssert.Contains(e.Message, reason);
    }
}
