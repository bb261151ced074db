using System.Text.RegularExpressions;
using Lambada.Build.Diagnostics;
using Lambada.Testing;

namespace Lambada.Tests.Validation;

[TestClass]
public sealed class CatalogueTests
{
    [TestMethod]
    public void Codes_are_unique_well_formed_and_every_message_says_how_to_fix_it()
    {
        var all = DiagnosticCatalogue.All;
        Assert.AreEqual(all.Count, all.Select(d => d.Code).Distinct().Count());
        foreach (var d in all)
        {
            Assert.IsTrue(Regex.IsMatch(d.Code, @"^LMB\d{4}$"), d.Code);
            StringAssert.Contains(d.MessageFormat, " — ", d.Code);
        }
    }

    [TestMethod]
    public void The_diagnostics_page_lists_every_code()
    {
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics.md"));
        var missing = DiagnosticCatalogue.All.Where(d => !page.Contains($"| {d.Code} |", StringComparison.Ordinal)).Select(d => d.Code).ToArray();
        Assert.AreEqual(0, missing.Length, "docs/diagnostics.md lacks " + string.Join(", ", missing));
    }

    [TestMethod]
    public void The_code_the_targets_report_themselves_has_the_catalogue_text()
    {
        var targets = File.ReadAllText(Path.Combine(RepoPaths.Root, "Lambada.Build", "build", "Lambada.Build.targets"));
        var unbound = DiagnosticCatalogue.UnboundTrimmedPublish;

        StringAssert.Contains(targets, $"<Error Code=\"{unbound.Code}\"");
        StringAssert.Contains(targets, $"Text=\"{unbound.MessageFormat}\"");
    }
}
