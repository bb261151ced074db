using Lambada.Testing;

namespace Lambada.Tests.Integration;

/// <summary>A project with its own Main turns the generated one off and hands over with one call.</summary>
[TestClass]
public sealed class OwnMainTests
{
    [TestMethod]
    public void An_own_Main_hands_over_to_LambadaHost_with_one_call()
    {
        using var project = new FixtureProject("ownmain", new Dictionary<string, string>
        {
            ["Program.cs"] = """
                using Lambada;

                public static class Program
                {
                    public static async Task<int> Main(string[] args)
                    {
                        Console.Error.WriteLine("own start-up code ran");
                        return await Lambada.Runtime.LambadaHost.RunAsync(args);
                    }

                    [LambadaFunction(Name = "shout")]
                    public static string Shout(string text) => text.ToUpperInvariant();
                }
                """,
        }, "<OutputType>Exe</OutputType><LambadaGenerateMain>false</LambadaGenerateMain>");

        var build = project.Build();
        Assert.AreEqual(0, build.ExitCode, build.ToString());
        Assert.IsFalse(CompiledTypes(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "ownmain.dll")).Contains("LambadaGeneratedMain"), "the generated Main is not compiled in");

        var run = ProcessRunner.Run("dotnet", [Path.Combine(project.Directory, "bin", "Debug", "net10.0", "ownmain.dll"), "shout", "\"hey\""]);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "own start-up code ran");
        StringAssert.Contains(run.Output, "\"HEY\"");
    }

    [TestMethod]
    public void An_own_Main_packaged_for_Native_AOT_gets_the_generated_binding_too()
    {
        using var project = new FixtureProject("ownaot", new Dictionary<string, string>
        {
            ["Program.cs"] = """
                using System.Diagnostics.CodeAnalysis;
                using Lambada;

                public sealed record Words(string Text, int Count);

                public static class Program
                {
                    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Lambada's package build compiles its binding in.")]
                    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "Lambada's package build compiles its binding in.")]
                    public static async Task<int> Main(string[] args)
                    {
                        Console.Error.WriteLine("own start-up code ran");
                        return await Lambada.Runtime.LambadaHost.RunAsync(args);
                    }

                    [LambadaFunction(Name = "shout")]
                    public static Words Shout(Words words) => words with { Text = words.Text.ToUpperInvariant(), Count = words.Count + 1 };
                }
                """,
        }, "<OutputType>Exe</OutputType><LambadaGenerateMain>false</LambadaGenerateMain><PublishAot>true</PublishAot><TreatWarningsAsErrors>true</TreatWarningsAsErrors>");

        var package = project.Build("-t:LambadaPackage");
        Assert.AreEqual(0, package.ExitCode, package.ToString());
        using var extracted = new TempDirectory("ownaot-package");
        System.IO.Compression.ZipFile.ExtractToDirectory(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "lambada", "ownaot.zip"), extracted.Path);
        Assert.IsFalse(Directory.EnumerateFiles(extracted.Path, "*.dll").Any(), "a native executable, no IL");

        // Local invoke from the native binary: the function list and the JSON both come through the binding.
        var run = ProcessRunner.Run(Path.Combine(extracted.Path, "ownaot"), ["shout", """{"text":"hey","count":1}"""]);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "own start-up code ran");
        StringAssert.Contains(run.Output, """{"Text":"HEY","Count":2}""");
    }

    private static string[] CompiledTypes(string assembly)
    {
        using var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(assembly));
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        return metadata.TypeDefinitions.Select(t => metadata.GetString(metadata.GetTypeDefinition(t).Name)).ToArray();
    }
}
