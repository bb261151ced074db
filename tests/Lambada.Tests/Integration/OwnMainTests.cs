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
        Assert.IsFalse(File.Exists(Path.Combine(project.Directory, "obj", "Debug", "net10.0", "lambada", "LambadaMain.g.cs")));

        var run = ProcessRunner.Run("dotnet", [Path.Combine(project.Directory, "bin", "Debug", "net10.0", "ownmain.dll"), "shout", "\"hey\""]);

        Assert.AreEqual(0, run.ExitCode, run.ToString());
        StringAssert.Contains(run.Output, "own start-up code ran");
        StringAssert.Contains(run.Output, "\"HEY\"");
    }
}
