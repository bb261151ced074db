namespace LambdaShell;

/// <summary>What <c>lb_describeRuntime</c> should include beyond the basics.</summary>
public sealed class RuntimeQuery
{
    /// <summary>Also list the names (never the values) of the environment variables.</summary>
    public bool IncludeEnvironmentVariableNames { get; set; }

    /// <summary>When listing names, only those starting with this prefix (ordinal, case-sensitive).</summary>
    public string? EnvironmentVariablePrefix { get; set; }
}
