using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Diagnostics;

namespace Lambada.Build.Deployment;

/// <summary>
/// Which descriptor a failed AWS call is reported under: AWS's refusal (a status and an AWS code) or what the network did;
/// and a configuration that cannot be worked out. Aws/ knows no catalogue: the mapping lives here.
/// </summary>
internal static class AwsFailures
{
    public static DiagnosticDescriptor Descriptor(AwsConfigurationException e) => e.Problem switch
    {
        AwsConfigurationProblem.UnknownRegion => DiagnosticCatalogue.UnknownRegion,
        AwsConfigurationProblem.SeveralRegions => DiagnosticCatalogue.SeveralRegions,
        _ => DiagnosticCatalogue.AwsConfiguration,
    };

    public static DiagnosticDescriptor Descriptor(AwsServiceException e) => e.Network switch
    {
        NetworkFailure.NoConnection => DiagnosticCatalogue.NoConnection,
        NetworkFailure.NoAnswer => DiagnosticCatalogue.NoAnswer,
        NetworkFailure.Unreachable => DiagnosticCatalogue.EndpointUnreachable,
        _ => DiagnosticCatalogue.DeployAwsError,
    };

    /// <summary>The message of a failure that stopped the whole deploy before any function was applied.</summary>
    public static string DeployMessage(AwsServiceException e) => $"{e.Summary}. {Consequence(e)}";

    /// <summary>What a failure before any function was changed leaves behind: nothing, unless the lost request asked for a change.</summary>
    public static string Consequence(AwsServiceException e) =>
        e.OutcomeUnknown ? $"Whether AWS carried out {e.Operation} is unknown; nothing else was changed." : "Nothing was changed.";
}
