using Lambada.Build.Model;

namespace Lambada.Build.Packaging;

/// <summary>How the one package of an assembly is published, decided from its manifest.</summary>
internal sealed record PublishSettings(string RuntimeIdentifier, bool SelfContained)
{
    /// <summary>
    /// Null when the manifest has no function. Validation (LMB0201, LMB0204) has already made every function
    /// agree on architecture and on managed versus provided runtime, so the first function speaks for all.
    /// </summary>
    public static PublishSettings? From(FunctionsManifest manifest)
    {
        if (manifest.Functions.Count == 0)
            return null;
        var first = manifest.Functions[0];
        return new PublishSettings(RuntimeIdentifierOf(first.Architecture), first.Runtime == RuntimeNames.ProvidedAl2023);
    }

    public static string RuntimeIdentifierOf(string architecture) => architecture switch
    {
        ArchitectureNames.Arm64 => "linux-arm64",
        _ => "linux-x64",
    };
}
