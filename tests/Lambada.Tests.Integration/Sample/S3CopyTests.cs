using Amazon;
using Amazon.Runtime;
using Lambada.Testing;
using LambdaShell;

namespace Lambada.Tests.Sample;

/// <summary>
/// <c>!aws s3 cp</c> lines of <c>lb_runCommand</c> against a real moto_server, configured only through the
/// standard AWS environment variables and read back with the AWS CLI. The process environment is shared,
/// hence no parallel runs.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class S3CopyTests
{
    private const string Bucket = "lambada-sample";
    private static MotoServer _moto = null!;
    private readonly EnvironmentScope _environment = new();
    private TempDirectory? _temp;

    [ClassInitialize]
    public static void StartMoto(TestContext _) => _moto = MotoServer.Start();

    [ClassCleanup]
    public static void StopMoto() => _moto?.Dispose();

    [TestInitialize]
    public void FreshServer()
    {
        _moto.Reset();
        var created = _moto.Aws("s3api", "create-bucket", "--bucket", Bucket);
        Assert.AreEqual(0, created.ExitCode, created.ToString());
        _temp = new TempDirectory("lambdashell-s3");
        // The base for every test: this server, dummy keys, and no profile files of the developer's.
        SetEnvironment(_moto.ClientEnvironment);
    }

    [TestCleanup]
    public void Restore()
    {
        _environment.Dispose();
        FallbackRegionFactory.Reset();
        _temp?.Dispose();
    }

    [TestMethod]
    public void A_file_is_uploaded_byte_identical_through_AWS_ENDPOINT_URL()
    {
        var file = RandomFile("payload.bin", 300_000);
        var command = $"!aws s3 cp {file} s3://{Bucket}/dir/key.bin";

        var result = Run(command);

        CollectionAssert.AreEqual(new[] { $"upload: {file} to s3://{Bucket}/dir/key.bin (300000 bytes)" }, result[command], _moto.Log);
        CollectionAssert.AreEqual(File.ReadAllBytes(file), Download("dir/key.bin"));
    }

    [TestMethod]
    public void The_S3_specific_endpoint_variable_and_AWS_DEFAULT_REGION_alone_are_enough()
    {
        SetEnvironment(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_ENDPOINT_URL_S3"] = _moto.Endpoint,
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = "eu-west-3",
        });
        var file = RandomFile("second.bin", 12_345);
        var command = $"!aws s3 cp {file} s3://{Bucket}/folder/";

        var result = Run(command);

        CollectionAssert.AreEqual(new[] { $"upload: {file} to s3://{Bucket}/folder/second.bin (12345 bytes)" }, result[command], _moto.Log);
        CollectionAssert.AreEqual(File.ReadAllBytes(file), Download("folder/second.bin"));
    }

    [TestMethod]
    public void Each_malformed_or_failing_aws_line_gives_one_error_line_and_the_other_commands_still_run()
    {
        var file = RandomFile("small.bin", 10);
        string[] bad =
        [
            "!aws s3 ls s3://lambada-sample",
            "!aws s3 cp",
            $"!aws s3 cp {file} /tmp/elsewhere.bin",
            $"!aws s3 cp {_temp!.File("missing.bin")} s3://{Bucket}/k",
            $"!aws s3 cp {file} s3://no-such-bucket/k",
        ];
        var good = $"!aws s3 cp {file} s3://{Bucket}/ok.bin";

        var result = Run([bad[0], "echo between", .. bad[1..], good]);

        foreach (var command in bad)
        {
            Assert.HasCount(1, result[command], command);
            StringAssert.StartsWith(result[command][0], StatusLines.ErrorPrefix, command);
        }
        StringAssert.Contains(result[bad[3]][0], "does not exist");
        StringAssert.Contains(result[bad[4]][0], "NoSuchBucket");
        CollectionAssert.AreEqual(new[] { "+ echo between", "between" }, result["echo between"]);
        CollectionAssert.AreEqual(new[] { $"upload: {file} to s3://{Bucket}/ok.bin (10 bytes)" }, result[good]);
    }

    [TestMethod]
    public void An_endpoint_override_forces_path_style_and_keeps_the_fallback_region_for_signing()
    {
        SetEnvironment(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1",
            ["AWS_ENDPOINT_URL_S3"] = null,
            ["AWS_REGION"] = null,
            ["AWS_DEFAULT_REGION"] = "eu-west-3",
        });

        var config = S3ConfigFactory.Create();

        Assert.AreEqual("http://127.0.0.1:1/", config.ServiceURL);
        Assert.IsTrue(config.ForcePathStyle);
        Assert.AreEqual("eu-west-3", config.AuthenticationRegion);
    }

    [TestMethod]
    public void Without_an_endpoint_AWS_REGION_wins_and_AWS_DEFAULT_REGION_is_the_fallback()
    {
        SetEnvironment(new Dictionary<string, string?>
        {
            ["AWS_ENDPOINT_URL"] = null,
            ["AWS_ENDPOINT_URL_S3"] = null,
            ["AWS_REGION"] = "ap-south-1",
            ["AWS_DEFAULT_REGION"] = "eu-west-3",
        });
        var withRegion = S3ConfigFactory.Create();
        SetEnvironment(new Dictionary<string, string?> { ["AWS_REGION"] = null });
        var withDefaultOnly = S3ConfigFactory.Create();

        Assert.AreEqual(RegionEndpoint.APSouth1, withRegion.RegionEndpoint);
        Assert.AreEqual(RegionEndpoint.EUWest3, withDefaultOnly.RegionEndpoint);
        Assert.IsNull(withDefaultOnly.ServiceURL);
        Assert.IsFalse(withDefaultOnly.ForcePathStyle);
    }

    private void SetEnvironment(IReadOnlyDictionary<string, string?> variables)
    {
        _environment.Set(variables);
        // AWSSDK.Core caches the region it resolved for the whole process.
        FallbackRegionFactory.Reset();
    }

    private static Dictionary<string, List<string>> Run(params string[] commands) =>
        new ShellFunctions().RunCommands([.. commands], new FakeLambadaContext(512, TimeSpan.FromMinutes(5)));

    private string RandomFile(string name, int size)
    {
        var path = _temp!.File(name);
        var bytes = new byte[size];
        Random.Shared.NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private byte[] Download(string key)
    {
        var target = _temp!.File("downloaded-" + Guid.NewGuid().ToString("N"));
        var copied = _moto.Aws("s3", "cp", $"s3://{Bucket}/{key}", target);
        Assert.AreEqual(0, copied.ExitCode, copied.ToString());
        return File.ReadAllBytes(target);
    }
}
