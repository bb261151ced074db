using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Signing;

namespace Lambada.Build.Aws.Lambda;

/// <summary>Lambda function URL configurations (API version 2021-10-31), on <c>$LATEST</c> (no qualifier).</summary>
internal sealed class FunctionUrlClient(AwsHttpClient aws)
{
    /// <summary>The most URL configurations one ListFunctionUrlConfigs page holds (MaxItems 1..50).</summary>
    public const int PageSize = 50;

    private readonly LambdaCalls _calls = new(aws);

    /// <summary>The function's URL configuration, or null on 404 (none).</summary>
    public async Task<FunctionUrlConfig?> GetAsync(string function, CancellationToken cancellation)
    {
        try
        {
            return await _calls.CallAsync<FunctionUrlConfig>("GetFunctionUrlConfig", "GET", Url(function), cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            return null;
        }
    }

    /// <summary>CreateFunctionUrlConfig: AuthType, InvokeMode and the CORS when there is one.</summary>
    public Task<FunctionUrlConfig> CreateAsync(string function, FunctionUrlSettings settings, CancellationToken cancellation) =>
        _calls.CallAsync<FunctionUrlConfig>("CreateFunctionUrlConfig", "POST", Url(function), cancellation, settings, mutates: true);

    /// <summary>
    /// UpdateFunctionUrlConfig to exactly <paramref name="settings"/>: a null <see cref="FunctionUrlSettings.Cors"/> is sent as
    /// <c>"Cors":{}</c>, since Update leaves an omitted member as it was and the URL's old CORS would otherwise stay.
    /// </summary>
    public Task<FunctionUrlConfig> UpdateAsync(string function, FunctionUrlSettings settings, CancellationToken cancellation) =>
        _calls.CallAsync<FunctionUrlConfig>("UpdateFunctionUrlConfig", "PUT", Url(function), cancellation,
            settings with { Cors = settings.Cors ?? new FunctionUrlCors() }, mutates: true);

    public Task DeleteAsync(string function, CancellationToken cancellation) =>
        _calls.SendAsync("DeleteFunctionUrlConfig", "DELETE", Url(function), cancellation, mutates: true);

    /// <summary>Every URL configuration of the function (its aliases' too), following <c>NextMarker</c>.</summary>
    public async Task<IReadOnlyList<FunctionUrlConfig>> ListAsync(string function, CancellationToken cancellation)
    {
        var all = new List<FunctionUrlConfig>();
        string? marker = null;
        do
        {
            var query = $"MaxItems={PageSize}" + (marker is null ? "" : "&Marker=" + UriEncoding.Encode(marker));
            var page = await _calls.CallAsync<ListPage>("ListFunctionUrlConfigs", "GET", $"{Function(function)}/urls", cancellation, query: query)
                .ConfigureAwait(false);
            all.AddRange(page.FunctionUrlConfigs ?? []);
            marker = string.IsNullOrEmpty(page.NextMarker) ? null : page.NextMarker;
        }
        while (marker is not null);
        return all;
    }

    private static string Function(string name) => $"/2021-10-31/functions/{UriEncoding.Encode(name)}";

    private static string Url(string name) => Function(name) + "/url";

    private sealed record ListPage(IReadOnlyList<FunctionUrlConfig>? FunctionUrlConfigs, string? NextMarker);
}
