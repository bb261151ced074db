using Lambada.Testing;

namespace Lambada.Tests.Consumer;

/// <summary>A brand-new <c>dotnet new classlib</c> in a temp folder with only <c>dotnet add package Lambada</c> from the packed feed.</summary>
internal sealed class ConsumerProject : IDisposable
{
    private readonly TempDirectory _directory;

    public ConsumerProject(PackedFeed feed, string name, IReadOnlyDictionary<string, string> sources, string? targetFrameworks = null)
    {
        _directory = new TempDirectory("consumer-" + name);
        Name = name;
        Run("dotnet", "new", "classlib", "-n", name, "-o", Directory, "-f", "net10.0");
        File.Delete(Path.Combine(Directory, "Class1.cs"));
        File.WriteAllText(Path.Combine(Directory, "nuget.config"), feed.NuGetConfig);
        if (targetFrameworks is not null)
        {
            var project = File.ReadAllText(ProjectFile).Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFrameworks>{targetFrameworks}</TargetFrameworks>");
            File.WriteAllText(ProjectFile, project);
        }
        Run("dotnet", "add", ProjectFile, "package", "Lambada", "--version", feed.Version);
        foreach (var (file, text) in sources)
            File.WriteAllText(Path.Combine(Directory, file), text);
    }

    public string Name { get; }
    public string Directory => _directory.Path;
    public string ProjectFile => Path.Combine(Directory, Name + ".csproj");

    public ProcessResult Build(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var all = new Dictionary<string, string?>(environment);
        foreach (var (key, value) in PackedFeed.Quiet)
            all[key] = value;
        return ProcessRunner.Run("dotnet", ["build", ProjectFile, "-nodeReuse:false", "-tl:off", "-clp:NoSummary", .. arguments],
            workingDirectory: Directory, environment: all, timeout: TimeSpan.FromMinutes(8));
    }

    public string PackagePath(string framework) => Path.Combine(Directory, "obj", "Debug", framework, "lambada", Name + ".zip");

    private void Run(string fileName, params string[] arguments)
    {
        var result = ProcessRunner.Run(fileName, arguments, workingDirectory: _directory.Path, environment: PackedFeed.Quiet, timeout: TimeSpan.FromMinutes(5));
        Assert.AreEqual(0, result.ExitCode, result.ToString());
    }

    public void Dispose() => _directory.Dispose();
}
