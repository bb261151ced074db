namespace Lambada.Testing;

/// <summary>
/// A brand-new SDK project in a temp folder that uses Lambada's real props, targets and task, built with
/// the real <c>dotnet build</c>.
/// </summary>
internal sealed class FixtureProject : IDisposable
{
    private readonly TempDirectory _directory;

    public FixtureProject(string name, IReadOnlyDictionary<string, string> sources, string extraProperties = "")
    {
        _directory = new TempDirectory(name);
        Name = name;
        foreach (var (file, text) in sources)
            File.WriteAllText(Path.Combine(_directory.Path, file), text);
        File.WriteAllText(ProjectFile, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <LambadaTaskAssembly>{RepoPaths.TaskAssembly}</LambadaTaskAssembly>
                <LambadaTaskHost>true</LambadaTaskHost>
                {extraProperties}
              </PropertyGroup>
              <Import Project="{RepoPaths.BuildProps}" />
              <ItemGroup>
                <Reference Include="{RepoPaths.AttributesAssembly}" />
                <Reference Include="{RepoPaths.RuntimeAssembly}" />
              </ItemGroup>
              <Import Project="{RepoPaths.BuildTargets}" />
            </Project>
            """);
    }

    public string Name { get; }
    public string Directory => _directory.Path;
    public string ProjectFile => Path.Combine(_directory.Path, Name + ".csproj");
    public string ManifestPath => Path.Combine(_directory.Path, "obj", "Debug", "net10.0", "lambada", "functions.json");
    public string SourcePath(string file) => Path.Combine(_directory.Path, file);

    public ProcessResult Build(params string[] arguments) => DotnetBuild.Run(ProjectFile, arguments);

    /// <summary>A build with extra environment variables, e.g. a moto server's endpoint and dummy credentials.</summary>
    public ProcessResult Build(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        DotnetBuild.Run(ProjectFile, environment, arguments);

    public void Dispose() => _directory.Dispose();
}

/// <summary><c>dotnet build</c> with no reused nodes (so no task assembly stays loaded between builds) and plain console output.</summary>
internal static class DotnetBuild
{
    public static ProcessResult Run(string project, params string[] arguments) =>
        Run(project, new Dictionary<string, string?>(), arguments);

    public static ProcessResult Run(string project, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var all = new Dictionary<string, string?>(environment)
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            ["DOTNET_NOLOGO"] = "1",
        };
        return ProcessRunner.Run("dotnet", ["build", project, "-nodeReuse:false", "-tl:off", "-clp:NoSummary", .. arguments], environment: all);
    }
}
