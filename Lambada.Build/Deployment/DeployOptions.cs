namespace Lambada.Build.Deployment;

/// <summary>The deploy settings MSBuild passes in (the <c>Lambada*</c> properties).</summary>
internal sealed record DeployOptions
{
    /// <summary>Value of the <c>lambada:project</c> tag that marks the functions this project owns.</summary>
    public required string Project { get; init; }
    public string? Region { get; init; }
    public string? Profile { get; init; }
    public string? S3Bucket { get; init; }
    public string S3Prefix { get; init; } = "";
    public bool PlanOnly { get; init; }
    public bool Prune { get; init; }
    public bool CreateRoles { get; init; }
    public bool Publish { get; init; }

    /// <summary>
    /// <c>LambadaFullRead</c>: read every function's URL and policy and the API's routes, integrations and stages even when the
    /// settings digest says nothing changed, so hand-made drift (a statement or route removed in the console) is seen and repaired.
    /// </summary>
    public bool FullRead { get; init; }
    /// <summary>Functions deployed at once; also the functions read at once when the deploy reads them one by one (<see cref="RemoteReader"/>).</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>The clock AWS's runtime blocks (LMB0164/0165) are judged by; tests pin it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
