using System.Text.Json.Serialization;

namespace Lambada.Runtime.Api;

/// <summary>
/// Source-generated JSON for the bodies Lambada itself writes: no reflection metadata to build on the way to
/// an error report, and an init error can be reported by a Native AOT binary too.
/// </summary>
[JsonSerializable(typeof(FunctionError))]
internal sealed partial class LambadaJsonContext : JsonSerializerContext;
