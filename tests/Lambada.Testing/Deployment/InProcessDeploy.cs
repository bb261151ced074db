using System.IO.Compression;
using System.Security.Cryptography;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws;
using Lambada.Build.Deployment;
using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary>Runs <see cref="Deployer"/> in the test process against a moto server: no <c>dotnet build</c>, so a test takes seconds.</summary>
public sealed class InProcessDeploy : IDisposable
{
    private readonly TempDirectory _directory = new("in-process-deploy");

    public InProcessDeploy(MotoServer moto, string project)
    {
        Moto = moto;
        Project = project;
        PackagePath = Path.Combine(_directory.Path, "package.zip");
        using (var archive = ZipFile.Open(PackagePath, ZipArchiveMode.Create))
            archive.CreateEntry("bootstrap");
    }

    public MotoServer Moto { get; }
    public string Project { get; }
    public string PackagePath { get; }
    public string CodeSha256 => Convert.ToBase64String(SHA256.HashData(File.ReadAllBytes(PackagePath)));
    public ListDeployLog Log { get; } = new();
    public IReadOnlyList<string> Warnings => Log.Warnings;

    public DeployResult Run(IEnumerable<FunctionDefinition> functions, Func<string, string?>? environment = null, bool createRoles = false) =>
        RunAsync(environment ?? Environment, RetryPolicy.Default, observer: null, Log, Project, functions.ToList(), PackagePath, CodeSha256, createRoles)
            .GetAwaiter().GetResult();

    public string? Environment(string name) => Moto.ClientEnvironment.GetValueOrDefault(name);

    /// <summary>One deploy in the test process: clients from the given environment, waits polled every few milliseconds.</summary>
    public static async Task<DeployResult> RunAsync(Func<string, string?> environment, RetryPolicy policy, Action<AwsAttempt>? observer, IDeployLog log,
        string project, IReadOnlyList<FunctionDefinition> functions, string packagePath, string codeSha256, bool createRoles = false,
        Func<DeployOptions, DeployOptions>? configure = null)
    {
        using var aws = AwsClients.Create(null, null, environment, policy, observer);
        var waiter = new FunctionWaiter(aws.Lambda, log.Info, TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30));
        var manifest = new FunctionsManifest { Assembly = project, TargetFramework = "net10.0", Functions = functions };
        var options = new DeployOptions { Project = project, CreateRoles = createRoles };
        options = configure?.Invoke(options) ?? options;
        return await new Deployer(aws, options, waiter, log).RunAsync(manifest, packagePath, codeSha256, CancellationToken.None);
    }

    public static FunctionDefinition Function(string name, string role = "lambda_basic_execution", int memory = 512) => new()
    {
        Name = name,
        Method = "Ns.Functions::" + name,
        Handler = "Asm",
        MemorySize = memory,
        Timeout = 30,
        Role = role,
        Description = "",
        Runtime = "dotnet10",
        Architecture = "x86_64",
        EphemeralStorage = 512,
        Environment = new Dictionary<string, string>(),
        Tags = new Dictionary<string, string>(),
    };

    public void Dispose() => _directory.Dispose();
}
