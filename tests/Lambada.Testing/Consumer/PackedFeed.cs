using Lambada.Testing;

namespace Lambada.Tests.Consumer;

/// <summary>
/// The four Lambada packages packed from this repo into a folder feed. Their version is the repo's own (Nerdbank's
/// 0.1.N from git height) with a fourth part no other run uses: a working tree with uncommitted changes packs the
/// same 0.1.N as its commit, so a package a person packed and restored by hand could otherwise stand in for the code
/// under test. The fourth part keeps the version stable (no prerelease label), as <c>dotnet add package</c> without
/// <c>--version</c> needs. Packages restore into a private folder; everything else comes from the machine's cache.
/// </summary>
internal sealed class PackedFeed : IDisposable
{
    private static readonly string[] Projects = ["Lambada.Attributes", "Lambada.Runtime", "Lambada.Build", "Lambada"];
    private static readonly Lazy<PackedFeed> SharedFeed = new(() =>
    {
        var packed = new PackedFeed();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => packed.Dispose();
        return packed;
    });

    private readonly TempDirectory _root = new("lambada-feed");

    /// <summary>One feed for every test class: two packs of the same projects at once would fight over obj/Release.</summary>
    public static PackedFeed Shared => SharedFeed.Value;

    private PackedFeed()
    {
        RepoVersion = ReadRepoVersion();
        Version = $"{RepoVersion}.{(long)(DateTime.UtcNow - new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds}";
        Directory.CreateDirectory(FeedPath);
        foreach (var project in Projects)
        {
            var pack = ProcessRunner.Run("dotnet", ["pack", Path.Combine(RepoPaths.Root, project, project + ".csproj"), "-c", "Release",
                "-o", FeedPath, $"-p:LambadaPackageVersion={Version}", "-nologo", "-nodeReuse:false", "-tl:off"], environment: Quiet);
            Assert.AreEqual(0, pack.ExitCode, pack.ToString());
        }
    }

    /// <summary>The version a plain <c>dotnet pack</c> of this commit gives, e.g. <c>0.1.42</c>.</summary>
    public string RepoVersion { get; }

    /// <summary>The version of the packages in this feed: <see cref="RepoVersion"/> and a fourth part of this run's own.</summary>
    public string Version { get; }
    public string FeedPath => Path.Combine(_root.Path, "feed");
    public string PackagesPath => Path.Combine(_root.Path, "packages");

    private static string ReadRepoVersion()
    {
        var project = Path.Combine(RepoPaths.Root, "Lambada", "Lambada.csproj");
        var read = ProcessRunner.Run("dotnet", ["msbuild", project, "-restore", "-t:GetBuildVersion", "-getProperty:PackageVersion",
            "-nologo", "-nodeReuse:false", "-tl:off"], environment: Quiet);
        Assert.AreEqual(0, read.ExitCode, read.ToString());
        var version = read.Output.Trim().Split('\n')[^1].Trim();
        Assert.IsTrue(System.Text.RegularExpressions.Regex.IsMatch(version, @"^\d+\.\d+\.\d+$"), "the repo's package version is not major.minor.patch: " + read);
        return version;
    }

    public static IReadOnlyDictionary<string, string?> Quiet => new Dictionary<string, string?>
    {
        ["MSBUILDDISABLENODEREUSE"] = "1",
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
    };

    /// <summary>A nuget.config for a consumer: this feed first, packages into the private folder, the machine's cache as fallback.</summary>
    public string NuGetConfig => $"""
        <?xml version="1.0" encoding="utf-8"?>
        <configuration>
          <packageSources>
            <add key="lambada-under-test" value="{FeedPath}" />
          </packageSources>
          <config>
            <add key="globalPackagesFolder" value="{PackagesPath}" />
          </config>
          <fallbackPackageFolders>
            <add key="machine" value="{Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages")}" />
          </fallbackPackageFolders>
        </configuration>
        """;

    public void Dispose() => _root.Dispose();
}
