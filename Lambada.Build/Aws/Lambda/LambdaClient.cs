using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;
using Lambada.Build.Aws.Signing;

namespace Lambada.Build.Aws.Lambda;

/// <summary>The Lambda control-plane operations Lambada uses (rest-json, API version 2015-03-31).</summary>
internal sealed class LambdaClient(AwsHttpClient aws)
{
    private const string Functions = "/2015-03-31/functions";

    /// <summary>The most functions one ListFunctions page holds on AWS (MaxItems above it is capped).</summary>
    public const int PageSize = 50;

    private readonly LambdaCalls _calls = new(aws);

    public async Task<GetFunctionResult?> GetFunctionAsync(string name, CancellationToken cancellation)
    {
        try
        {
            return await CallAsync<GetFunctionResult>("GetFunction", "GET", Function(name), cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            return null;
        }
    }

    public Task<FunctionConfiguration> GetFunctionConfigurationAsync(string name, CancellationToken cancellation, string? qualifier = null) =>
        CallAsync<FunctionConfiguration>("GetFunctionConfiguration", "GET", Function(name) + "/configuration", cancellation,
            query: qualifier is null ? "" : "Qualifier=" + UriEncoding.Encode(qualifier));

    /// <summary>One function's configuration, or null when Lambda answers 404 ResourceNotFoundException (no such function).</summary>
    public async Task<FunctionConfiguration?> FindFunctionConfigurationAsync(string name, CancellationToken cancellation)
    {
        try
        {
            return await GetFunctionConfigurationAsync(name, cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            return null;
        }
    }

    /// <summary>Every function of the region, following <c>NextMarker</c> (the service returns at most 50 per page).</summary>
    public async Task<IReadOnlyList<FunctionConfiguration>> ListFunctionsAsync(CancellationToken cancellation)
    {
        var all = new List<FunctionConfiguration>();
        string? marker = null;
        do
        {
            var page = await ListFunctionsPageAsync(marker, cancellation).ConfigureAwait(false);
            all.AddRange(page.Functions ?? []);
            marker = page.NextMarker;
        }
        while (marker is not null);
        return all;
    }

    /// <summary>One page of ListFunctions (at most <see cref="PageSize"/> functions); <c>NextMarker</c> is null on the last page.</summary>
    public async Task<ListFunctionsResult> ListFunctionsPageAsync(string? marker, CancellationToken cancellation)
    {
        var query = $"MaxItems={PageSize}" + (marker is null ? "" : "&Marker=" + UriEncoding.Encode(marker));
        var page = await CallAsync<ListFunctionsResult>("ListFunctions", "GET", Functions, cancellation, query: query).ConfigureAwait(false);
        return string.IsNullOrEmpty(page.NextMarker) ? page with { NextMarker = null } : page;
    }

    /// <summary>The region's function count and limits (GetAccountSettings); <c>AccountUsage.FunctionCount</c> is per region.</summary>
    public Task<AccountSettingsResult> GetAccountSettingsAsync(CancellationToken cancellation) =>
        CallAsync<AccountSettingsResult>("GetAccountSettings", "GET", "/2016-08-19/account-settings/", cancellation);

    public Task<FunctionConfiguration> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellation) =>
        CallAsync<FunctionConfiguration>("CreateFunction", "POST", Functions, cancellation, request, mutates: true);

    public Task<FunctionConfiguration> UpdateFunctionConfigurationAsync(string name, UpdateFunctionConfigurationRequest request, CancellationToken cancellation) =>
        CallAsync<FunctionConfiguration>("UpdateFunctionConfiguration", "PUT", Function(name) + "/configuration", cancellation, request, mutates: true);

    public Task<FunctionConfiguration> UpdateFunctionCodeAsync(string name, UpdateFunctionCodeRequest request, CancellationToken cancellation) =>
        CallAsync<FunctionConfiguration>("UpdateFunctionCode", "PUT", Function(name) + "/code", cancellation, request, mutates: true);

    public Task<FunctionConfiguration> PublishVersionAsync(string name, PublishVersionRequest request, CancellationToken cancellation) =>
        CallAsync<FunctionConfiguration>("PublishVersion", "POST", Function(name) + "/versions", cancellation, request, mutates: true);

    public async Task<AliasConfiguration?> GetAliasAsync(string name, string alias, CancellationToken cancellation)
    {
        try
        {
            return await CallAsync<AliasConfiguration>("GetAlias", "GET", $"{Function(name)}/aliases/{UriEncoding.Encode(alias)}", cancellation).ConfigureAwait(false);
        }
        catch (AwsServiceException e) when (e.Code == "ResourceNotFoundException")
        {
            return null;
        }
    }

    public Task<AliasConfiguration> CreateAliasAsync(string name, string alias, string version, CancellationToken cancellation) =>
        CallAsync<AliasConfiguration>("CreateAlias", "POST", Function(name) + "/aliases", cancellation,
            new { Name = alias, FunctionVersion = version }, mutates: true);

    public Task<AliasConfiguration> UpdateAliasAsync(string name, string alias, string version, CancellationToken cancellation) =>
        CallAsync<AliasConfiguration>("UpdateAlias", "PUT", $"{Function(name)}/aliases/{UriEncoding.Encode(alias)}", cancellation,
            new { FunctionVersion = version }, mutates: true);

    public async Task<IReadOnlyDictionary<string, string>> ListTagsAsync(string arn, CancellationToken cancellation) =>
        (await CallAsync<ListTagsResult>("ListTags", "GET", Tags(arn), cancellation).ConfigureAwait(false)).Tags
        ?? new Dictionary<string, string>();

    public Task TagResourceAsync(string arn, IReadOnlyDictionary<string, string> tags, CancellationToken cancellation) =>
        SendAsync("TagResource", "POST", Tags(arn), cancellation, new { Tags = tags }, mutates: true);

    public Task UntagResourceAsync(string arn, IEnumerable<string> keys, CancellationToken cancellation) =>
        SendAsync("UntagResource", "DELETE", Tags(arn), cancellation, mutates: true,
            query: string.Join("&", keys.Select(k => "tagKeys=" + UriEncoding.Encode(k))));

    public Task DeleteFunctionAsync(string name, CancellationToken cancellation) =>
        SendAsync("DeleteFunction", "DELETE", Function(name), cancellation, mutates: true);

    public Task PutFunctionConcurrencyAsync(string name, int reserved, CancellationToken cancellation) =>
        SendAsync("PutFunctionConcurrency", "PUT", Concurrency(name), cancellation, new { ReservedConcurrentExecutions = reserved }, mutates: true);

    public Task DeleteFunctionConcurrencyAsync(string name, CancellationToken cancellation) =>
        SendAsync("DeleteFunctionConcurrency", "DELETE", Concurrency(name), cancellation, mutates: true);

    public async Task<InvokeResult> InvokeAsync(string name, byte[] payload, CancellationToken cancellation, string? qualifier = null)
    {
        var request = new AwsRequest("Invoke", AwsService.Lambda, "POST", Function(name) + "/invocations")
        {
            Body = payload,
            Query = qualifier is null ? "" : "Qualifier=" + UriEncoding.Encode(qualifier),
            Headers = [new("X-Amz-Invocation-Type", "RequestResponse")],
        };
        var response = await aws.SendAsync(request, cancellation).ConfigureAwait(false);
        return new InvokeResult(response.StatusCode, response.Header("X-Amz-Function-Error"), response.Header("X-Amz-Executed-Version"), response.Body);
    }

    private Task<T> CallAsync<T>(string operation, string method, string path, CancellationToken cancellation,
        object? body = null, bool mutates = false, string query = "") =>
        _calls.CallAsync<T>(operation, method, path, cancellation, body, mutates, query);

    private Task<AwsResponse> SendAsync(string operation, string method, string path, CancellationToken cancellation,
        object? body = null, bool mutates = false, string query = "") =>
        _calls.SendAsync(operation, method, path, cancellation, body, mutates, query);

    private static string Function(string name) => $"{Functions}/{UriEncoding.Encode(name)}";
    private static string Tags(string arn) => $"/2017-03-31/tags/{UriEncoding.Encode(arn)}";
    private static string Concurrency(string name) => $"/2017-10-31/functions/{UriEncoding.Encode(name)}/concurrency";
}
