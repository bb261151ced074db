using System.Text.Json.Serialization;
using Lambada.Runtime.Http;

namespace Lambada.Runtime.Api;

/// <summary>
/// Source-generated JSON for the bodies Lambada itself reads and writes: no reflection metadata to build on the way to
/// an error report, and an init error can be reported by a Native AOT binary too. The HTTP event and answer (payload
/// format 2.0) go through it as well, so an HTTP function's envelope needs nothing from the package's generated context.
/// </summary>
[JsonSerializable(typeof(FunctionError))]
[JsonSerializable(typeof(LambadaHttpRequest))]
[JsonSerializable(typeof(LambadaHttpResponse))]
[JsonSerializable(typeof(HttpMessage))]
internal sealed partial class LambadaJsonContext : JsonSerializerContext;
