using System.Globalization;

namespace Lambada.Build.Model;

/// <summary>
/// The three dates of AWS's runtime deprecation policy for one managed runtime: from <see cref="Deprecated"/> it gets no more
/// patches, from <see cref="CreateBlocked"/> Lambda refuses to create functions on it, from <see cref="UpdateBlocked"/> to update them.
/// Null means AWS has not scheduled that date.
/// </summary>
internal sealed record RuntimeRetirement(string Runtime, DateOnly? Deprecated, DateOnly? CreateBlocked, DateOnly? UpdateBlocked, string? MoveTo)
{
    public bool IsDeprecatedOn(DateOnly day) => Deprecated <= day;

    /// <summary>The date from which Lambda refuses a create (or an update) of a function on this runtime, if that date is not after <paramref name="day"/>.</summary>
    public DateOnly? BlockedOn(DateOnly day, bool create) => (create ? CreateBlocked : UpdateBlocked) is { } from && from <= day ? from : null;

    /// <summary>"dotnet10 (target net10.0)", or a generic hint when AWS names no successor Lambada can deploy.</summary>
    public string MoveToText => MoveTo ?? "a runtime AWS still supports";
}

/// <summary>
/// When AWS retires each runtime Lambada deploys to. Source: cfn-lint 1.51.0, <c>cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json</c>,
/// which carries the dates of AWS's runtime deprecation policy (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html,
/// "Supported runtimes"); the dotnet8 row is also the one the Lambda developer guide's .NET page shows
/// (https://docs.aws.amazon.com/lambda/latest/dg/csharp-dev-env.html). cfn-lint names dotnet9 as dotnet8's successor, but Lambda offers
/// .NET 9 only as a container image, so Lambada moves to dotnet10. cfn-lint 1.51 has no dates for dotnet10 yet.
/// Refresh this table (and "Runtimes AWS is retiring" in docs/attributes.md) when AWS publishes new dates.
/// </summary>
internal static class RuntimeLifecycle
{
    public static IReadOnlyList<RuntimeRetirement> All { get; } =
    [
        new(RuntimeNames.Dotnet8, new(2026, 11, 10), new(2026, 12, 10), new(2027, 1, 11), $"{RuntimeNames.Dotnet10} (target net10.0)"),
        new(RuntimeNames.Dotnet10, null, null, null, null),
        new(RuntimeNames.ProvidedAl2023, new(2029, 6, 30), new(2029, 7, 31), new(2029, 8, 31), null),
    ];

    /// <summary>The dates of <paramref name="runtime"/>; an unknown runtime has none.</summary>
    public static RuntimeRetirement Of(string runtime) =>
        All.FirstOrDefault(r => r.Runtime == runtime) ?? new RuntimeRetirement(runtime, null, null, null, null);

    /// <summary>ISO 8601 (2026-11-10), as AWS's table and docs/attributes.md write the dates.</summary>
    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "a date AWS has not set";

    /// <summary>AWS's dates are UTC days.</summary>
    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}
