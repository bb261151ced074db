using System.IO.Compression;
using System.Security.Cryptography;
using Lambada.Build.Deployment;
using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary>A real deploy against moto that changes one function's Timeout and another's code: the report's two rows say which.</summary>
[TestClass]
public sealed class ReportedChangesTests
{
    private static DeployFixture? _fixture;

    private static DeployFixture Aws => _fixture!;

    [ClassInitialize]
    public static void Start(TestContext _) => _fixture = new DeployFixture();

    [ClassCleanup]
    public static void Stop() => _fixture?.Dispose();

    [TestMethod]
    public void A_Timeout_change_and_a_code_change_are_each_named_on_their_row_in_name_order()
    {
        using var deploy = new InProcessDeploy(Aws.Moto, "Reported");
        // Declared zulu first: the table still lists alpha first.
        var zulu = InProcessDeploy.Function("rc_zulu");
        var alpha = InProcessDeploy.Function("rc_alpha");
        Assert.IsTrue(deploy.Run([zulu, alpha]).Succeeded);
        // Someone else's code on rc_alpha alone, so only its CodeSha256 differs from the package.
        using var other = new TempDirectory("reported-other");
        var otherZip = Path.Combine(other.Path, "other.zip");
        using (var archive = ZipFile.Open(otherZip, ZipArchiveMode.Create))
            archive.CreateEntry("other");
        DeployFixture.Check(Aws.Moto.Aws("lambda", "update-function-code", "--function-name", "rc_alpha", "--zip-file", "fileb://" + otherZip));
        var otherHash = Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(otherZip)));

        var mark = MotoRequestLog.Mark(Aws.Moto);
        var result = deploy.Run([zulu with { Timeout = 45 }, alpha]);
        var mutations = MotoRequestLog.Since(Aws.Moto, mark).Where(r => r.Mutates).Select(r => $"{r.Method} {r.Path}").ToList();

        var lines = DeployReport.Format(result.Outcomes);
        var context = string.Join("\n", lines.Concat(mutations));
        Assert.IsTrue(result.Succeeded, context);
        Assert.HasCount(3, lines, context);
        StringAssert.StartsWith(lines[1], "rc_alpha  updated", context);
        StringAssert.EndsWith(lines[1], $"  code: {otherHash[..8]} -> new package", context);
        StringAssert.StartsWith(lines[2], "rc_zulu   updated", context);
        StringAssert.EndsWith(lines[2], "  Timeout: 30 -> 45", context);
        StringAssert.Contains(lines[2], " 45 s ", context);
        CollectionAssert.AreEquivalent(new[] { "PUT /2015-03-31/functions/rc_alpha/code", "PUT /2015-03-31/functions/rc_zulu/configuration" }, mutations, context);
        Assert.AreEqual(45, Aws.Configuration("rc_zulu").GetProperty("Timeout").GetInt32());
        Assert.AreEqual(deploy.CodeSha256, Aws.Configuration("rc_alpha").GetProperty("CodeSha256").GetString());
    }
}
