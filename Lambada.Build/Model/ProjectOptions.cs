namespace Lambada.Build.Model;

/// <summary>What the project (MSBuild) says about its functions: overrides of the defaults and how it publishes.</summary>
internal sealed record ProjectOptions
{
    public static readonly ProjectOptions None = new();

    public int? DefaultMemorySize { get; init; }
    public int? DefaultTimeout { get; init; }
    public string? DefaultRole { get; init; }

    /// <summary>The HTTP API's name (<c>LambadaHttpApiName</c>, which defaults to the project's name).</summary>
    public string? HttpApiName { get; init; }

    /// <summary>The project publishes self-contained or Native AOT, so its functions run on <c>provided.al2023</c>.</summary>
    public bool SelfContained { get; init; }

    /// <summary>The clock the runtime lifecycle (LMB0163) is judged by; tests pin it.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
