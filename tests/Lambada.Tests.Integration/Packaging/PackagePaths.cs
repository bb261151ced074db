using Lambada.Testing;

namespace Lambada.Tests.Packaging;

internal static class PackagePaths
{
    public static string Zip(FixtureProject project) =>
        Path.Combine(project.Directory, "obj", "Debug", "net10.0", "lambada", project.Name + ".zip");

    public static string Hash(FixtureProject project) => Zip(project) + ".sha256";

    public const int Regular = 0b110_100_100;       // 0644
    public const int Executable = 0b111_101_101;    // 0755
    public const int RegularFileType = 0x8000;      // S_IFREG
    public const int Unix = 3;
}
