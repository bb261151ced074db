using System.Text.Json;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Signing;

namespace Lambada.Build.Aws.Lambda;

/// <summary>A function's resource-based policy: AddPermission, GetPolicy, RemovePermission (on <c>$LATEST</c>).</summary>
internal sealed class PolicyClient(AwsHttpClient aws)
{
    private readonly LambdaCalls _calls = new(aws);

    /// <summary>The policy, its <c>Policy</c> string parsed; null on 404 (the function has no policy).</summary>
    public async Task<FunctionPolicy?> GetPolicyAsync(string function, CancellationToken cancellation)
    {
        GetPolicyResult result;
        try
        {
            result = await _calls.CallAsync<GetPolicyResult>("GetPolicy", "GET", Policy(function), cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            return null;
        }
        try
        {
            return new FunctionPolicy(PolicyDocument.Statements(result.Policy), result.RevisionId);
        }
        catch (JsonException e)
        {
            throw new AwsServiceException("GetPolicy", "MalformedPolicy", $"the Policy string is not a JSON policy document ({e.Message})", 200, null);
        }
    }

    /// <summary>AddPermission with the request's members, nulls left out (PascalCase, as the CLI sends them).</summary>
    public Task AddPermissionAsync(string function, PermissionRequest permission, CancellationToken cancellation) =>
        _calls.SendAsync("AddPermission", "POST", Policy(function), cancellation, permission, mutates: true);

    public Task RemovePermissionAsync(string function, string statementId, CancellationToken cancellation) =>
        _calls.SendAsync("RemovePermission", "DELETE", $"{Policy(function)}/{UriEncoding.Encode(statementId)}", cancellation, mutates: true);

    private static string Policy(string name) => $"/2015-03-31/functions/{UriEncoding.Encode(name)}/policy";

    private sealed record GetPolicyResult(string? Policy, string? RevisionId);
}
