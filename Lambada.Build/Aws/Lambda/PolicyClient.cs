using Lambada.Build.Aws.Http;

namespace Lambada.Build.Aws.Lambda;

/// <summary>A function's resource-based policy: AddPermission, GetPolicy, RemovePermission (on <c>$LATEST</c>).</summary>
internal sealed class PolicyClient(AwsHttpClient aws)
{
    /// <summary>The policy, its <c>Policy</c> string parsed; null on 404 (the function has no policy).</summary>
    public Task<FunctionPolicy?> GetPolicyAsync(string function, CancellationToken cancellation) => throw new NotImplementedException(aws.GetType().Name);

    public Task AddPermissionAsync(string function, PermissionRequest permission, CancellationToken cancellation) => throw new NotImplementedException();

    public Task RemovePermissionAsync(string function, string statementId, CancellationToken cancellation) => throw new NotImplementedException();
}
