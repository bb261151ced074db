namespace Lambada;

/// <summary>The Lambda runtime a function runs on.</summary>
public enum LambadaRuntime
{
    /// <summary>Inferred from the project: net8.0 → dotnet8, net10.0 → dotnet10, self-contained or Native AOT → provided.al2023.</summary>
    Default = 0,

    /// <summary>The managed .NET 8 runtime (<c>dotnet8</c>).</summary>
    Dotnet8 = 1,

    /// <summary>The managed .NET 10 runtime (<c>dotnet10</c>).</summary>
    Dotnet10 = 2,

    /// <summary>The OS-only runtime (<c>provided.al2023</c>) running an executable <c>bootstrap</c>.</summary>
    ProvidedAl2023 = 3,
}
