using Lambada;

namespace LambdaShell;

public sealed class ShellFunctions
{
    [LambadaFunction(Name = "lb_runCommand", MemorySize = 512, Timeout = 300, Role = "*/lambda_s3_full")]
    public Dictionary<string, List<string>> RunCommands(List<string> commands, CancellationToken cancellation)
    {
        return commands.ToDictionary(c => c, c => new List<string> { c });
    }
}
