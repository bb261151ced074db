using Lambada.Testing;

namespace Lambada.Tests.Validation;

/// <summary>Every handler shape the runtime accepts passes validation untouched.</summary>
[TestClass]
public sealed class HandlerShapeTests
{
    [TestMethod]
    [DataRow("[LambadaFunction] public void A() { }")]
    [DataRow("[LambadaFunction] public static string A(string input) => input;")]
    [DataRow("[LambadaFunction] public int A(Dictionary<string, int> input, ILambadaContext context) => input.Count;")]
    [DataRow("[LambadaFunction] public Task A(CancellationToken token) => Task.CompletedTask;")]
    [DataRow("[LambadaFunction] public async Task<string> A(string input, CancellationToken token) { await Task.Delay(1, token); return input; }")]
    [DataRow("[LambadaFunction] public ValueTask<int> A(int input) => new(input);")]
    [DataRow("[LambadaFunction] public ValueTask A(ILambadaContext context) => default;")]
    [DataRow("[LambadaFunction] public Stream A(Stream input) => input;")]
    [DataRow("[LambadaFunction] public void A(ILambadaContext context, CancellationToken token) { }")]
    [DataRow("public static class Tools { [LambadaFunction] public static int A(int x) => x; }")]
    [DataRow("public abstract class Base { [LambadaFunction] public static int A(int x) => x; }")]
    [DataRow("public struct Value { [LambadaFunction] public int A(int x) => x; }")]
    [DataRow("public class Outer { public class Inner { [LambadaFunction] public void A() { } } }")]
    public void Accepted_shape_gives_no_diagnostic(string members)
    {
        var outcome = FixtureScan.Run(FixtureScan.ClassWith(members));

        Assert.IsTrue(outcome.Succeeded, string.Join("; ", outcome.Diagnostics));
        Assert.AreEqual(0, outcome.Diagnostics.Count);
        Assert.AreEqual(1, outcome.Manifest.Functions.Count);
    }
}
