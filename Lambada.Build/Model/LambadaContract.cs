namespace Lambada.Build.Model;

/// <summary>
/// What a Lambada build writes on a function and the Lambada host reads back. This one file is compiled into both
/// Lambada.Build and Lambada.Runtime (a linked file), so the two cannot drift apart; constants only, so neither
/// assembly references the other.
/// </summary>
internal static class LambadaContract
{
    /// <summary>Names the method a deployed function runs, as <c>Namespace.Type::Method</c>.</summary>
    public const string HandlerVariable = "LAMBADA_HANDLER";

    /// <summary>Between the type and the method in <see cref="HandlerVariable"/>'s value.</summary>
    public const string HandlerSeparator = "::";

    /// <summary>Lambada's digest of the settings ListFunctions cannot show (tags, concurrency, alias, owner).</summary>
    public const string SettingsVariable = "LAMBADA_SETTINGS";

    /// <summary>Characters of <see cref="SettingsVariable"/>'s digest.</summary>
    public const int SettingsDigestLength = 16;

    /// <summary>The tag that marks the functions (and roles) a project owns; its value is the project's name.</summary>
    public const string OwnershipTag = "lambada:project";

    /// <summary>
    /// The build copies its manifest beside the assembly as <c>&lt;AssemblyName&gt;.lambada.json</c> (the last target of
    /// Lambada.Build.targets), so a local run reports the memory and timeout a deploy sets.
    /// </summary>
    public const string LocalManifestSuffix = ".lambada.json";

    /// <summary>Lambada's built-in memory size in MB: what a deploy sets when nothing else does, and what a local run without the manifest reports.</summary>
    public const int BuiltInMemorySize = 512;

    /// <summary>Lambada's built-in timeout in seconds, likewise.</summary>
    public const int BuiltInTimeout = 30;
}
