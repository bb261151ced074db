using System.Text.Json;
using System.Text.Json.Serialization;
using Lambada.Build.Aws.Configuration;
using Lambada.Build.Aws.Http;

namespace Lambada.Build.Aws.Lambda;

/// <summary>
/// One Lambda rest-json call, as every Lambda client makes it (<see cref="LambdaClient"/>, the function URL and policy clients): PascalCase JSON with nulls left out, <c>{}</c> for a
/// POST/PUT without members, no body otherwise; success is any 2xx.
/// </summary>
internal sealed class LambdaCalls(AwsHttpClient aws)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = null,
        PropertyNameCaseInsensitive = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<T> CallAsync<T>(string operation, string method, string path, CancellationToken cancellation,
        object? body = null, bool mutates = false, string query = "")
    {
        var response = await SendAsync(operation, method, path, cancellation, body, mutates, query).ConfigureAwait(false);
        try
        {
            return (response.Body.Length == 0 ? default : JsonSerializer.Deserialize<T>(response.Body, Json))
                   ?? throw Malformed(operation, response, "an empty body");
        }
        catch (JsonException e)
        {
            throw Malformed(operation, response, $"a body that is not the expected JSON ({e.Message})");
        }
    }

    public Task<AwsResponse> SendAsync(string operation, string method, string path, CancellationToken cancellation,
        object? body = null, bool mutates = false, string query = "")
    {
        var request = new AwsRequest(operation, AwsService.Lambda, method, path)
        {
            Query = query,
            Mutates = mutates,
            Body = body is null ? (method is "POST" or "PUT" ? "{}"u8.ToArray() : []) : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), Json),
            ContentType = method is "POST" or "PUT" ? "application/json" : null,
        };
        return aws.SendAsync(request, cancellation);
    }

    private static AwsServiceException Malformed(string operation, AwsResponse response, string what) =>
        new(operation, "EmptyResponse", $"Lambda answered with {what}", response.StatusCode, response.Header("x-amzn-RequestId"));
}
