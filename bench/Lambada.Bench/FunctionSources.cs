using System.Globalization;
using System.Text;

namespace Lambada.Bench;

/// <summary>
/// Generates the C# of a project with many valid <c>[LambadaFunction]</c> methods, varied the way real ones
/// are: named and unnamed, different memory, timeout, role forms, aliases, architectures, explicit runtimes,
/// environment and tag companions, static and instance, sync and async, the event/context/token shapes —
/// spread over classes and files, beside ordinary methods, properties and DTOs that are not functions.
/// All of them ship in the assembly's one package, so they agree on what the package rules (LMB0201, LMB0204)
/// require: the assembly defaults to arm64, some functions repeat it, and explicit runtimes are all managed.
/// </summary>
public static class FunctionSources
{
    private static readonly int[] Memory = [0, 128, 256, 512, 1024, 1769, 3008, 10240];
    private static readonly int[] Timeouts = [0, 3, 15, 30, 60, 300, 900];
    private static readonly string?[] Roles =
    [
        null,
        "lambda_basic_execution",
        "*/lambda_s3_full",
        "arn:aws:iam::123456789012:role/service-role/orders-{0}",
        "orders_worker_{0}",
        "arn:aws:iam::*:role/team-?/reader",
    ];

    /// <summary>
    /// <paramref name="functions"/> functions in <paramref name="classes"/> classes over <paramref name="files"/> files.
    /// File names are keys; every function is valid for a net10.0 assembly.
    /// </summary>
    public static Dictionary<string, string> Generate(int functions, int classes, int files)
    {
        if (functions % classes != 0 || classes % files != 0)
            throw new ArgumentException("functions must divide evenly over classes, and classes over files");
        var perClass = functions / classes;
        var classesPerFile = classes / files;
        var sources = new Dictionary<string, string>();
        var index = 0;
        for (var file = 0; file < files; file++)
        {
            var text = new StringBuilder();
            text.AppendLine("""
                using System;
                using System.Collections.Generic;
                using System.IO;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Lambada;
                using Lambada.Runtime;
                """);
            if (file == 0)
                text.AppendLine("[assembly: LambadaDefaults(MemorySize = 256, Timeout = 20, Role = \"lambda_basic_execution\", Architecture = LambadaArchitecture.Arm64)]");
            text.AppendLine(CultureInfo.InvariantCulture, $"namespace Bench.Service{file:D2};");
            text.AppendLine();
            text.AppendLine(Dtos(file));
            for (var c = 0; c < classesPerFile; c++)
            {
                var classIndex = file * classesPerFile + c;
                var isStatic = classIndex % 5 == 4;
                text.AppendLine(CultureInfo.InvariantCulture, $"/// <summary>Handlers of area {classIndex}.</summary>");
                text.AppendLine(CultureInfo.InvariantCulture, $"public {(isStatic ? "static " : "")}class Area{classIndex:D2}Functions");
                text.AppendLine("{");
                if (!isStatic)
                {
                    text.AppendLine("    private readonly Dictionary<string, int> counters = new();");
                    text.AppendLine("    public int Calls { get; private set; }");
                    text.AppendLine();
                }
                for (var m = 0; m < perClass; m++)
                    text.AppendLine(Function(index++, classIndex, isStatic, file));
                text.AppendLine(Helpers(isStatic));
                text.AppendLine("}");
                text.AppendLine();
            }
            sources[$"Service{file:D2}.cs"] = text.ToString();
        }
        return sources;
    }

    private static string Dtos(int file) => $$"""
        public sealed record Order(string Id, decimal Amount, IReadOnlyList<string> Lines);
        public sealed record Receipt(string OrderId, bool Accepted, DateTimeOffset At);
        public sealed class Query
        {
            public string? Text { get; set; }
            public int Page { get; set; }
            public int PageSize { get; set; } = {{20 + file}};
        }
        """;

    private static string Helpers(bool isStatic) => isStatic
        ? """
              private static string Normalize(string value) => value.Trim().ToUpperInvariant();
              internal static int Score(Order order) => order.Lines.Count * 7 + (int)order.Amount;
          """
        : """
              private string Normalize(string value) { Calls++; return value.Trim().ToUpperInvariant(); }
              internal int Score(Order order) { counters[order.Id] = order.Lines.Count; return order.Lines.Count * 7 + (int)order.Amount; }
              public override string ToString() => $"{GetType().Name} ({Calls} calls)";
          """;

    private static string Function(int i, int classIndex, bool isStatic, int file)
    {
        var settings = new List<string>();
        if (i % 3 == 0)
            settings.Add($"Name = \"svc{file:D2}-area{classIndex:D2}_fn{i:D4}\"");
        if (Memory[i % Memory.Length] is var memory and > 0)
            settings.Add($"MemorySize = {memory}");
        if (Timeouts[i % Timeouts.Length] is var timeout and > 0)
            settings.Add($"Timeout = {timeout}");
        if (Roles[i % Roles.Length] is { } role)
            settings.Add($"Role = \"{string.Format(CultureInfo.InvariantCulture, role, classIndex)}\"");
        if (i % 4 == 1)
            settings.Add($"Description = \"Handles request kind {i} of area {classIndex}: validates, stores and acknowledges.\"");
        if (i % 10 == 2)
            settings.Add(i % 20 == 2 ? "Alias = \"live\"" : "Alias = \"v2-beta\"");
        if (i % 6 == 5)
            settings.Add("Architecture = LambadaArchitecture.Arm64");
        if (i % 25 == 7)
            settings.Add("Runtime = LambadaRuntime.Dotnet10");
        if (i % 9 == 4)
            settings.Add("EphemeralStorage = 2048");
        if (i % 17 == 3)
            settings.Add("ReservedConcurrency = 5");

        var text = new StringBuilder();
        // Long attribute lists are wrapped, as people write them.
        if (settings.Count > 4)
            text.AppendLine($"    [LambadaFunction(\n        {string.Join(",\n        ", settings)})]");
        else
            text.AppendLine($"    [LambadaFunction({string.Join(", ", settings)})]");
        for (var e = 0; e < i % 4; e++)
            text.AppendLine(e switch
            {
                0 => $"    [LambadaEnvironment(\"STAGE\", \"{(i % 2 == 0 ? "prod" : "dev")}\")]",
                1 => $"    [LambadaEnvironment(\"TABLE_NAME\", \"orders-{classIndex}\")]",
                _ => "    [LambadaEnvironment(\"LOG_LEVEL\", \"Information\")]",
            });
        if (i % 5 == 0)
            text.AppendLine($"    [LambadaTag(\"team\", \"area-{classIndex}\")]");
        if (i % 10 == 0)
            text.AppendLine("    [LambadaTag(\"cost-center\", \"CC-4711\")]");

        var modifiers = isStatic || i % 7 == 0 ? "public static" : "public";
        var helper = isStatic || i % 7 == 0 ? "" : "Normalize(\"x\"); ";
        var name = $"Handle{i:D4}";
        text.Append((i % 8) switch
        {
            0 => $"    {modifiers} string {name}(string input) {{ {helper}return input.ToUpperInvariant(); }}",
            1 => $$"""
                    {{modifiers}} async Task<Receipt> {{name}}(Order order, ILambadaContext context)
                    {
                        await Task.Yield();
                        {{helper}}return new Receipt(order.Id, order.Amount > 0, DateTimeOffset.UtcNow);
                    }
                """,
            2 => $"    {modifiers} void {name}() {{ {helper}}}",
            3 => $$"""
                    {{modifiers}} async Task {{name}}(Query query, CancellationToken cancellationToken)
                    {
                        await Task.Delay(1, cancellationToken);
                        {{helper}}_ = query.Text?.Length;
                    }
                """,
            4 => $"    {modifiers} Stream {name}(Stream input) {{ {helper}return input; }}",
            5 => $"    {modifiers} ValueTask<int> {name}(Order order) {{ {helper}return ValueTask.FromResult(order.Lines.Count); }}",
            6 => $$"""
                    {{modifiers}} Dictionary<string, List<string>> {{name}}(List<string> commands, ILambadaContext context)
                    {
                        {{helper}}return commands.ToDictionary(c => c, c => new List<string> { context.FunctionName, c });
                    }
                """,
            _ => $$"""
                    {{modifiers}} async Task<IReadOnlyList<Receipt>> {{name}}(IReadOnlyList<Order> orders)
                    {
                        var receipts = new List<Receipt>();
                        foreach (var order in orders)
                        {
                            await Task.Yield();
                            receipts.Add(new Receipt(order.Id, true, DateTimeOffset.UtcNow));
                        }
                        {{helper}}return receipts;
                    }
                """,
        });
        text.AppendLine();
        return text.ToString();
    }
}
