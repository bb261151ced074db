namespace Lambada.Tests.Deployment.Faults;

/// <summary>What moto holds for a function beyond its configuration, read with boto3: reserved concurrency, versions, aliases, tags.</summary>
internal static class StepReads
{
    public static int? Concurrency(FaultFixture aws, string name) =>
        aws.Boto3.Call("lambda", "get_function_concurrency", new { FunctionName = name }) is { } answer
        && answer.TryGetProperty("ReservedConcurrentExecutions", out var value) ? value.GetInt32() : null;

    public static IReadOnlyList<string> Versions(FaultFixture aws, string name) =>
        aws.Boto3.Call("lambda", "list_versions_by_function", new { FunctionName = name })!.Value.GetProperty("Versions")
            .EnumerateArray().Select(v => v.GetProperty("Version").GetString()!).ToList();

    /// <summary>The version the alias points at, or null when there is no such alias.</summary>
    public static string? AliasVersion(FaultFixture aws, string name, string alias) =>
        aws.Boto3.Call("lambda", "get_alias", new { FunctionName = name, Name = alias })?.GetProperty("FunctionVersion").GetString();

    public static IReadOnlyDictionary<string, string> Tags(FaultFixture aws, string name)
    {
        var arn = aws.Read(name)[name]!.Value.GetProperty("FunctionArn").GetString()!;
        return aws.Boto3.Call("lambda", "list_tags", new { Resource = arn })!.Value.GetProperty("Tags")
            .EnumerateObject().ToDictionary(t => t.Name, t => t.Value.GetString()!);
    }
}
