namespace Lambada.Testing;

/// <summary>Where the repository and the freshly built Lambada assemblies are.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string BuildProps => Path.Combine(Root, "Lambada.Build", "build", "Lambada.Build.props");
    public static string BuildTargets => Path.Combine(Root, "Lambada.Build", "build", "Lambada.Build.targets");

    /// <summary>The task assembly the tests were built against, with Mono.Cecil beside it.</summary>
    public static string TaskAssembly => Path.Combine(AppContext.BaseDirectory, "Lambada.Build.dll");
    public static string AttributesAssembly => Path.Combine(AppContext.BaseDirectory, "Lambada.Attributes.dll");
    public static string RuntimeAssembly => Path.Combine(AppContext.BaseDirectory, "Lambada.Runtime.dll");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lambada.sln")))
                return dir.FullName;
        throw new InvalidOperationException("Lambada.sln not found above " + AppContext.BaseDirectory);
    }
}
