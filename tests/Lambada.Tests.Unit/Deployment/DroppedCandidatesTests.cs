using Lambada.Build.Aws.Lambda;
using Lambada.Build.Deployment;

namespace Lambada.Tests.Deployment;

/// <summary>Which recorded names a deploy must confirm with AWS before naming them as dropped.</summary>
[TestClass]
public sealed class DroppedCandidatesTests
{
    private static readonly HashSet<string> Declared = new(StringComparer.Ordinal) { "kept" };

    [TestMethod]
    public void Without_the_region_list_every_recorded_name_no_attribute_declares_is_a_candidate()
    {
        var candidates = DroppedFunctions.Candidates(["kept", "dropped", "deleted_by_hand", "dropped"], Declared, region: null);

        CollectionAssert.AreEqual(new[] { "dropped", "deleted_by_hand" }, candidates.ToArray());
    }

    [TestMethod]
    public void With_the_region_list_only_recorded_names_it_holds_with_LAMBADA_HANDLER_are_candidates()
    {
        FunctionConfiguration[] region =
        [
            new() { FunctionName = "kept", Environment = new EnvironmentSettings(new Dictionary<string, string> { ["LAMBADA_HANDLER"] = "A::B" }) },
            new() { FunctionName = "dropped", Environment = new EnvironmentSettings(new Dictionary<string, string> { ["LAMBADA_HANDLER"] = "A::C" }) },
            new() { FunctionName = "redeployed_by_hand" },
        ];

        var candidates = DroppedFunctions.Candidates(["kept", "dropped", "deleted_by_hand", "redeployed_by_hand"], Declared, region);

        CollectionAssert.AreEqual(new[] { "dropped" }, candidates.ToArray());
    }
}
