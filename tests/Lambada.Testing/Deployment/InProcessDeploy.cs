using System.IO.Compression;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Lambada.Build;
using Lambada.Build.Aws.Http;
using Lambada.Build.Deployment;
using Lambada.Build.Model;
using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary>Runs <see cref="FunctionDeploy"/> in the test process against a moto server: no <c>dotnet build</c>, so a test takes seconds.</summary>
internal sealed class InProcessDeploy : IDisposable
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

    /// <summary>Polled every few milliseconds, so a test waits for a function no longer than moto takes.</summary>
    public static WaitTimings FastWaits { get; } = new(TimeSpan.FromMilliseconds(10), TimeSpan.FromMilliseconds(20), TimeSpan.FromSeconds(30));

    /// <summary>
    /// One deploy in the test process through <see cref="FunctionDeploy"/>: clients from the given environment, fast waits. A deploy
    /// that stops as a whole throws what stopped it (its diagnostic is <see cref="FunctionDeploy.Outcome.Diagnostics"/>).
    /// </summary>
    public static async Task<DeployResult> RunAsync(Func<string, string?> environment, RetryPolicy policy, Action<AwsAttempt>? observer, IDeployLog log,
        string project, IReadOnlyList<FunctionDefinition> functions, string packagePath, string codeSha256, bool createRoles = false,
        Func<DeployOptions, DeployOptions>? configure = null, string targetFramework = "net10.0")
    {
        var options = new DeployOptions { Project = project, CreateRoles = createRoles };
        var outcome = await FunctionDeploy.RunAsync(new FunctionDeploy.Request
        {
            Manifest = new FunctionsManifest { Assembly = project, TargetFramework = targetFramework, Functions = functions },
            PackagePath = packagePath,
            CodeSha256 = codeSha256,
            Options = configure?.Invoke(options) ?? options,
            Environment = environment,
            Retry = policy,
            Attempts = observer,
            Waits = FastWaits,
        }, log, CancellationToken.None);
        if (outcome.Failure is { } failure)
            ExceptionDispatchInfo.Throw(failure);
        return outcome.Result!;
    }

    /// <summary>The deploy's whole outcome, diagnostics included, as the DeployFunctions task logs it.</summary>
    public FunctionDeploy.Outcome Report(IEnumerable<FunctionDefinition> functions, string? projectFile = null) =>
        FunctionDeploy.RunAsync(new FunctionDeploy.Request
        {
            Manifest = new FunctionsManifest { Assembly = Project, TargetFramework = "net10.0", Functions = functions.ToList() },
            PackagePath = PackagePath,
            CodeSha256 = CodeSha256,
            Options = new DeployOptions { Project = Project },
            Environment = Environment,
            ProjectFile = projectFile,
            Waits = FastWaits,
        }, Log, CancellationToken.None).GetAwaiter().GetResult();

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
