using Lambada.Testing;

namespace Lambada.Tests.Consumer;

/// <summary>
/// The four Lambada packages packed from this repo into a folder feed, under a version no other run uses, so a package
/// cached from an earlier run can never stand in for the code under test. Packages restore into a private folder;
/// everything else comes from the machine's package cache.
/// </summary>
public sealed class PackedFeed : IDisposable
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
        Version = $"0.1.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}.{Environment.ProcessId}";
        Directory.CreateDirectory(FeedPath);
        foreach (var project in Projects)
        {
            var pack = ProcessRunner.Run("dotnet", ["pack", Path.Combine(RepoPaths.Root, project, project + ".csproj"), "-c", "Release",
                "-o", FeedPath, $"-p:Version={Version}", "-nologo", "-nodeReuse:false", "-tl:off"], environment: Quiet);
            Assert.AreEqual(0, pack.ExitCode, pack.ToString());
        }
    }

    public string Version { get; }
    public string FeedPath => Path.Combine(_root.Path, "feed");
    public string PackagesPath => Path.Combine(_root.Path, "packages");

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
