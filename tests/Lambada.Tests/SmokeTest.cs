namespace Lambada.Tests;

[TestClass]
public sealed class SmokeTest
{
    [TestMethod]
    public void Catalogue_codes_are_unique() =>
        Assert.AreEqual(Build.Validation.DiagnosticCatalogue.All.Count, Build.Validation.DiagnosticCatalogue.All.Select(d => d.Code).Distinct().Count());
}
