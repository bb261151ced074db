using System.IO.Compression;
using System.Reflection.Metadata;
using System.Xml.Linq;

namespace Lambada.Tests.Consumer;

/// <summary>What is inside the packed packages: layout, metadata, one version, symbols with sources.</summary>
[TestClass]
public sealed class PackageLayoutTests
{
    private static readonly Guid EmbeddedSource = new("0E8A571B-6926-466E-B4AD-8AB04611F5FE");
    private static PackedFeed Feed => PackedFeed.Shared;

    [TestMethod]
    public void Lambada_Build_is_a_development_dependency_with_its_task_under_tasks_and_none_of_MSBuilds_assemblies()
    {
        var entries = Entries("Lambada.Build");
        var nuspec = Nuspec("Lambada.Build");

        Assert.AreEqual("true", Element(nuspec, "developmentDependency"));
        CollectionAssert.IsSubsetOf(new[] { "tasks/net8.0/Lambada.Build.dll", "tasks/net8.0/Mono.Cecil.dll", "tasks/net8.0/AWSSDK.Core.dll",
            "tasks/net8.0/AWSSDK.SecurityToken.dll", "tasks/net8.0/AWSSDK.S3.dll", "build/Lambada.Build.props", "build/Lambada.Build.targets", "build/LambadaMain.cs" }, entries);
        Assert.IsFalse(entries.Any(e => Path.GetFileName(e).StartsWith("Microsoft.Build", StringComparison.Ordinal)), string.Join(", ", entries));
        Assert.IsFalse(entries.Any(e => e.StartsWith("lib/", StringComparison.Ordinal)), "no assembly flows into the user's compile or runtime");
        Assert.IsFalse(nuspec.Descendants().Any(e => e.Name.LocalName == "dependency"), "its dependencies travel inside tasks/, not as package dependencies");
    }

    [TestMethod]
    public void The_Lambada_package_brings_the_three_at_the_same_version_and_imports_the_build_logic()
    {
        var nuspec = Nuspec("Lambada");
        var dependencies = nuspec.Descendants().Where(e => e.Name.LocalName == "dependency")
            .Select(e => $"{e.Attribute("id")!.Value} {e.Attribute("version")!.Value}").Distinct().Order().ToArray();

        CollectionAssert.AreEqual(new[] { "Attributes", "Build", "Runtime" }.Select(p => $"Lambada.{p} {Feed.Version}").ToArray(), dependencies);
        CollectionAssert.IsSubsetOf(new[] { "build/Lambada.props", "build/Lambada.targets", "README.md" }, Entries("Lambada"));
    }

    [TestMethod]
    public void Every_package_carries_licence_readme_repository_description_and_tags()
    {
        foreach (var id in new[] { "Lambada", "Lambada.Attributes", "Lambada.Runtime", "Lambada.Build" })
        {
            var nuspec = Nuspec(id);
            Assert.AreEqual("MIT", Element(nuspec, "license"), id);
            Assert.AreEqual("README.md", Element(nuspec, "readme"), id);
            Assert.IsFalse(string.IsNullOrWhiteSpace(Element(nuspec, "description")), id);
            StringAssert.Contains(Element(nuspec, "tags"), "lambda", id);
            Assert.IsNotNull(nuspec.Descendants().SingleOrDefault(e => e.Name.LocalName == "repository")?.Attribute("url"), id);
            Assert.AreEqual(Feed.Version, Element(nuspec, "version"), id);
        }
    }

    [TestMethod]
    public void The_library_packages_have_symbol_packages_whose_PDBs_embed_the_sources()
    {
        using var symbols = ZipFile.OpenRead(Path.Combine(Feed.FeedPath, $"Lambada.Runtime.{Feed.Version}.snupkg"));
        using var pdb = new MemoryStream();
        using (var stream = symbols.GetEntry("lib/net10.0/Lambada.Runtime.pdb")!.Open())
            stream.CopyTo(pdb);
        pdb.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
        var reader = provider.GetMetadataReader();

        var embedded = reader.Documents.Where(d => reader.GetCustomDebugInformation(d)
                .Any(c => reader.GetGuid(reader.GetCustomDebugInformation(c).Kind) == EmbeddedSource))
            .Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        Assert.IsTrue(embedded.Any(name => name.EndsWith("LambadaHost.cs", StringComparison.Ordinal)), string.Join(", ", embedded));
        Assert.IsTrue(File.Exists(Path.Combine(Feed.FeedPath, $"Lambada.Attributes.{Feed.Version}.snupkg")));
    }

    private static string[] Entries(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(Feed.FeedPath, $"{id}.{Feed.Version}.nupkg"));
        return package.Entries.Select(e => e.FullName).ToArray();
    }

    private static XDocument Nuspec(string id)
    {
        using var package = ZipFile.OpenRead(Path.Combine(Feed.FeedPath, $"{id}.{Feed.Version}.nupkg"));
        using var stream = package.GetEntry(id + ".nuspec")!.Open();
        return XDocument.Load(stream);
    }

    private static string Element(XDocument nuspec, string name) =>
        nuspec.Descendants().First(e => e.Name.LocalName == name).Value;
}
