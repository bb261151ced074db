namespace Lambada.Build.Deployment;

/// <summary>Where the deploy tells the user what it is doing: the MSBuild log in a build, a list in tests.</summary>
public interface IDeployLog
{
    void Info(string message);
    void Warning(string code, string function, string message);
}
