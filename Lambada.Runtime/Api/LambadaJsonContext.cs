using System.Text.Json.Serialization;
using Lambada.Runtime.Http;

namespace Lambada.Runtime.Api;

/// <summary>
/// Source-generated JSON for the bodies Lambada itself reads and writes: no reflection metadata to build on the way to
/// an error report, and an init error can be reported by a Native AOT binary too. The HTTP event and answer (payload
/// format 2.0) are here for whoever needs to write them (local serve, tests); the runtime itself reads events with
/// <see cref="HttpRequestReader"/> (the generated reader sets init-only members left out of the event to null, losing their
/// defaults) and writes answers with <see cref="HttpResultWriter"/>, which a cold start pays less for.
/// </summary>
[JsonSerializable(typeof(FunctionError))]
[JsonSerializable(typeof(LambadaHttpRequest))]
[JsonSerializable(typeof(LambadaHttpResponse))]
internal sealed partial class LambadaJsonContext : JsonSerializerContext;
