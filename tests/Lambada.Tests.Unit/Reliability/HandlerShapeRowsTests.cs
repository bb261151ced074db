using Lambada.Testing;

namespace Lambada.Tests.Reliability;

/// <summary>
/// Issue 10's handler-shape probes: each shape built and packaged (or failed inside the generated binding) and then
/// failed, or silently misbehaved, at every invocation. Now each is an LMB error at its attribute's line, and the
/// package step is never reached. <c>HandlerShapeRowsBuildTests</c> (integration) proves it with a real package build.
/// </summary>
[TestClass]
[TestCategory("Reliability")]
public sealed class HandlerShapeRowsTests
{
    [TestMethod]
    public void Handler_taking_Span_of_byte_is_LMB0151() =>
        AssertRefused("LMB0151", "[LambadaFunction] public int A(Span<byte> data) => data.Length;");

    [TestMethod]
    public void Handler_taking_a_ref_struct_is_LMB0151() =>
        AssertRefused("LMB0151", "public ref struct Window { public int Start; } [LambadaFunction] public int A(Window window) => window.Start;");

    [TestMethod]
    public void Handler_returning_IAsyncEnumerable_is_LMB0153() =>
        AssertRefused("LMB0153", "[LambadaFunction] public async IAsyncEnumerable<int> A() { await Task.Yield(); yield return 1; }");

    [TestMethod]
    public void Handler_returning_a_delegate_is_LMB0152() =>
        AssertRefused("LMB0152", "[LambadaFunction] public Func<int> A() => () => 1;");

    [TestMethod]
    public void Handler_taking_an_abstract_type_is_LMB0154() =>
        AssertRefused("LMB0154", "public abstract class Order { public int Id { get; set; } } [LambadaFunction] public int A(Order order) => order.Id;");

    [TestMethod]
    public void Handler_taking_an_interface_is_LMB0154() =>
        AssertRefused("LMB0154", "public interface IOrder { int Id { get; } } [LambadaFunction] public int A(IOrder order) => order.Id;");

    [TestMethod]
    public void Handler_taking_a_delegate_is_LMB0152() =>
        AssertRefused("LMB0152", "[LambadaFunction] public int A(Func<int> next) => next();");

    [TestMethod]
    public void Handler_returning_Task_of_Task_of_int_is_LMB0155() =>
        AssertRefused("LMB0155", "[LambadaFunction] public Task<Task<int>> A() => Task.FromResult(Task.FromResult(1));");

    private static void AssertRefused(string code, string members)
    {
        var source = FixtureScan.ClassWith(members);
        var (outcome, binding) = FixtureScan.RunWithBinding(source);

        var diagnostic = outcome.Diagnostics.Single();
        Assert.AreEqual(code, diagnostic.Code, diagnostic.ToString());
        Assert.AreEqual(FixtureScan.LinesOf(source, "[LambadaFunction").Single(), diagnostic.Location?.Line, diagnostic.ToString());
        Assert.IsNull(binding, "no binding is written, so the package build never compiles one");
    }
}
