using Lambada.Testing;

namespace Lambada.Tests.Deployment;

/// <summary>A fresh class library with annotated methods, built with <c>-p:LambadaDeploy=true</c> against a <see cref="DeployFixture"/>.</summary>
internal sealed class DeployProject(DeployFixture aws, string name, string source) : IDisposable
{
    private readonly FixtureProject _project = new(name, new Dictionary<string, string> { ["Functions.cs"] = source });

    public FixtureProject Project => _project;

    public string PackageHash => File.ReadAllText(Path.Combine(_project.Directory, "obj", "Debug", "net10.0", "lambada", name + ".zip.sha256")).Trim();

    public void Rewrite(string source) => File.WriteAllText(_project.SourcePath("Functions.cs"), source);

    public ProcessResult Deploy(params string[] arguments) => _project.Build(aws.BuildEnvironment, ["-p:LambadaDeploy=true", .. arguments]);

    public ProcessResult Plan(params string[] arguments) => _project.Build(aws.BuildEnvironment, ["-p:LambadaPlan=true", .. arguments]);

    public void Dispose() => _project.Dispose();
}
