using System.Diagnostics;
using System.Text.Json;
using Lambada.Testing;

namespace Lambada.Tests.Deployment.Faults;

/// <summary>
/// One long-lived python3 + boto3 process talking straight to moto — an independent client for setting up roles and
/// reading back what a deploy did. Kept alive per fixture because starting boto3 costs seconds per call.
/// </summary>
internal sealed class Boto3Session : IDisposable
{
    private const string Script = """
        import boto3, botocore.exceptions, json, sys
        lam, iam = boto3.client("lambda"), boto3.client("iam")
        clients = {"lambda": lam, "iam": iam}
        trust = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
        for line in sys.stdin:
            command, *names = line.split()
            try:
                if command == "role":
                    answer = iam.create_role(RoleName=names[0], AssumeRolePolicyDocument=trust)["Role"]["Arn"]
                elif command == "call":
                    _, service, method, args = line.split(" ", 3)
                    clients.setdefault(service, boto3.client(service))
                    try:
                        answer = getattr(clients[service], method)(**json.loads(args))
                        answer.pop("ResponseMetadata", None)
                    except botocore.exceptions.ClientError as e:
                        if e.response["Error"]["Code"] not in ("NoSuchEntity", "ResourceNotFoundException"):
                            raise
                        answer = None
                else:
                    answer = {}
                    for name in names:
                        try:
                            answer[name] = lam.get_function_configuration(FunctionName=name)
                        except lam.exceptions.ResourceNotFoundException:
                            answer[name] = None
                print(json.dumps({"ok": answer}, default=str), flush=True)
            except Exception as e:
                print(json.dumps({"error": repr(e)}), flush=True)
        """;

    private readonly Process _process;

    public Boto3Session(MotoServer moto)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        foreach (var (key, value) in moto.ClientEnvironment)
            start.Environment[key] = value;
        _process = Process.Start(start)!;
    }

    public string CreateRole(string name) => Ask($"role {name}").GetString()!;

    /// <summary>Any boto3 call, e.g. <c>Call("iam", "list_attached_role_policies", new { RoleName = "r" })</c>; null when the answer is NoSuchEntity / ResourceNotFoundException.</summary>
    public JsonElement? Call(string service, string method, object arguments)
    {
        var answer = Ask($"call {service} {method} {JsonSerializer.Serialize(arguments)}");
        return answer.ValueKind == JsonValueKind.Null ? null : answer;
    }

    /// <summary>Each function's configuration as moto holds it (GetFunctionConfiguration), or null when it does not exist.</summary>
    public IReadOnlyDictionary<string, JsonElement?> Read(params string[] names) =>
        Ask("read " + string.Join(' ', names)).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? (JsonElement?)null : p.Value.Clone());

    private JsonElement Ask(string command)
    {
        lock (_process)
        {
            _process.StandardInput.WriteLine(command);
            _process.StandardInput.Flush();
            var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException($"boto3 helper exited ({command})");
            using var document = JsonDocument.Parse(line);
            if (document.RootElement.TryGetProperty("error", out var error))
                Assert.Fail($"boto3 '{command}' failed: {error.GetString()}");
            return document.RootElement.GetProperty("ok").Clone();
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5_000))
                _process.Kill();
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }
}
