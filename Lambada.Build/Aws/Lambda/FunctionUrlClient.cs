using Lambada.Build.Aws.Http;

namespace Lambada.Build.Aws.Lambda;

/// <summary>Lambda function URL configurations (API version 2021-10-31), on <c>$LATEST</c> (no qualifier).</summary>
internal sealed class FunctionUrlClient(AwsHttpClient aws)
{
    /// <summary>The function's URL configuration, or null on 404 (none).</summary>
    public Task<FunctionUrlConfig?> GetAsync(string function, CancellationToken cancellation) => throw new NotImplementedException(aws.GetType().Name);

    public Task<FunctionUrlConfig> CreateAsync(string function, FunctionUrlSettings settings, CancellationToken cancellation) => throw new NotImplementedException();

    public Task<FunctionUrlConfig> UpdateAsync(string function, FunctionUrlSettings settings, CancellationToken cancellation) => throw new NotImplementedException();

    public Task DeleteAsync(string function, CancellationToken cancellation) => throw new NotImplementedException();

    /// <summary>Every URL configuration of the function (its aliases' too), following <c>NextMarker</c>.</summary>
    public Task<IReadOnlyList<FunctionUrlConfig>> ListAsync(string function, CancellationToken cancellation) => throw new NotImplementedException();
}
