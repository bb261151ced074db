namespace Lambada.Build.Diagnostics;

/// <summary>
/// Every LMB code Lambada reports. Each message says what is wrong, then (after " — ") how to fix it.
/// The diagnostics table in docs/diagnostics.md is this file in prose; keep them together.
/// </summary>
internal static class DiagnosticCatalogue
{
    // 00xx: Lambada itself or the assembly as a whole
    public static readonly DiagnosticDescriptor InternalError = new("LMB0001", Severity.Error, "Internal error",
        "Lambada failed unexpectedly: {0} — rebuild with -v:detailed and report the log at the Lambada issue tracker");
    public static readonly DiagnosticDescriptor UnreadableAssembly = new("LMB0002", Severity.Error, "Assembly cannot be read",
        "Cannot read the assembly '{0}': {1} — make sure the build produced a valid .NET assembly");
    public static readonly DiagnosticDescriptor UnresolvedAttribute = new("LMB0003", Severity.Error, "Attribute arguments cannot be read",
        "Cannot read the arguments of [{0}] on {1}: {2} — make sure the project references Lambada.Attributes directly");
    public static readonly DiagnosticDescriptor FrameworkMSBuild = new("LMB0004", Severity.Error, "Lambada needs the .NET SDK's MSBuild",
        "This build runs in the .NET Framework MSBuild (Visual Studio's MSBuild.exe, or msbuild on Mono), which cannot load Lambada's tasks: they are built for .NET 8 and run only in the .NET SDK's MSBuild — build with 'dotnet build' (or 'dotnet msbuild'); to build in Visual Studio without Lambada, set LambadaEnabled to false when MSBuildRuntimeType is Full");

    // 01xx: function settings
    public static readonly DiagnosticDescriptor InvalidName = new("LMB0101", Severity.Error, "Invalid function name",
        "Function name '{0}' {1} — use 1–64 characters of A–Z, a–z, 0–9, '_' and '-'");
    public static readonly DiagnosticDescriptor DuplicateName = new("LMB0102", Severity.Error, "Duplicate function name",
        "Function name '{0}' is declared twice in this assembly (also by {1}) — give each [LambadaFunction] its own Name");
    public static readonly DiagnosticDescriptor MemorySizeOutOfRange = new("LMB0103", Severity.Error, "MemorySize out of range",
        "MemorySize {0} MB is outside 128–10240 — set MemorySize between 128 and 10240, or leave it 0 for the default");
    public static readonly DiagnosticDescriptor TimeoutOutOfRange = new("LMB0104", Severity.Error, "Timeout out of range",
        "Timeout {0} s is outside 1–900 — set Timeout between 1 and 900 seconds, or leave it 0 for the default");
    public static readonly DiagnosticDescriptor DescriptionTooLong = new("LMB0105", Severity.Error, "Description too long",
        "Description is {0} characters long, Lambda allows 256 — shorten the Description");
    public static readonly DiagnosticDescriptor EphemeralStorageOutOfRange = new("LMB0106", Severity.Error, "EphemeralStorage out of range",
        "EphemeralStorage {0} MB is outside 512–10240 — set EphemeralStorage between 512 and 10240, or leave it 0 for the default");
    public static readonly DiagnosticDescriptor NegativeReservedConcurrency = new("LMB0107", Severity.Error, "ReservedConcurrency negative",
        "ReservedConcurrency {0} is negative — reserve a positive number of concurrent executions, or leave it 0 to reserve none");
    public static readonly DiagnosticDescriptor UnknownEnumValue = new("LMB0108", Severity.Error, "Unknown enum value",
        "{0} = {1} is not a member of {2} — use one of the named {2} values");

    // 011x: environment variables
    public static readonly DiagnosticDescriptor InvalidEnvironmentKey = new("LMB0110", Severity.Error, "Invalid environment variable name",
        "Environment variable name '{0}' is not valid — start with an ASCII letter and use A–Z, a–z, 0–9 and '_' (at least 2 characters)");
    public static readonly DiagnosticDescriptor ReservedEnvironmentKey = new("LMB0111", Severity.Error, "Reserved environment variable",
        "Environment variable '{0}' is reserved by Lambda and cannot be set — choose another name");
    public static readonly DiagnosticDescriptor LambadaEnvironmentKey = new("LMB0112", Severity.Error, "LAMBADA_ environment variable",
        "Environment variable '{0}' is in the LAMBADA_ namespace that Lambada sets itself — choose another name");
    public static readonly DiagnosticDescriptor EnvironmentTooLarge = new("LMB0113", Severity.Error, "Environment too large",
        "The environment takes {0} bytes (with Lambada's LAMBADA_HANDLER and LAMBADA_SETTINGS), Lambda allows 4096 — shorten the values or read large settings at run time (S3, Parameter Store)");
    public static readonly DiagnosticDescriptor DuplicateEnvironmentKey = new("LMB0114", Severity.Error, "Duplicate environment variable",
        "Environment variable '{0}' is set more than once — keep one [LambadaEnvironment] per name");

    // 012x: tags
    public static readonly DiagnosticDescriptor InvalidTagKey = new("LMB0120", Severity.Error, "Invalid tag key",
        "Tag key '{0}' {1} — use 1–128 letters, digits and spaces (of any script) and _ . : / = + - @, not starting with 'aws:' or 'lambada:'");
    public static readonly DiagnosticDescriptor TagValueTooLong = new("LMB0121", Severity.Error, "Tag value too long",
        "The value of tag '{0}' is {1} characters long, Lambda allows 256 — shorten it");
    public static readonly DiagnosticDescriptor DuplicateTagKey = new("LMB0122", Severity.Error, "Duplicate tag",
        "Tag '{0}' is set more than once — keep one [LambadaTag] per key");
    public static readonly DiagnosticDescriptor InvalidTagValue = new("LMB0166", Severity.Error, "Invalid tag value",
        "The value of tag '{0}' contains {1} — use letters, digits and spaces (of any script) and _ . : / = + - @");
    public static readonly DiagnosticDescriptor TooManyTags = new("LMB0123", Severity.Error, "Too many tags",
        "The function has {0} tags, at most 49 are allowed (Lambda's 50 less Lambada's ownership tag) — remove some [LambadaTag]s");

    // 013x: role and alias
    public static readonly DiagnosticDescriptor InvalidRole = new("LMB0130", Severity.Error, "Invalid role",
        "Role '{0}' {1} — use a role ARN (arn:aws:iam::123456789012:role/name or …:role/path/name), a role name of A–Z, a–z, 0–9 and '+=,.@_-' (lambda_basic_execution) or a pattern (*/lambda_s3_full)");
    public static readonly DiagnosticDescriptor InvalidAlias = new("LMB0131", Severity.Error, "Invalid alias",
        "Alias '{0}' {1} — use 1–128 characters of A–Z, a–z, 0–9, '_' and '-', not only digits");

    // 014x: handler method shape
    public static readonly DiagnosticDescriptor HandlerNotPublic = new("LMB0140", Severity.Error, "Handler not public",
        "{0} is not reachable: {1} — make the method and every type around it public");
    public static readonly DiagnosticDescriptor HandlerGeneric = new("LMB0141", Severity.Error, "Generic handler",
        "{0} is generic or declared in a generic type — Lambda cannot choose type arguments; use a non-generic method on a non-generic type");
    public static readonly DiagnosticDescriptor HandlerAsyncVoid = new("LMB0142", Severity.Error, "async void handler",
        "{0} is async void, so the runtime cannot wait for it to finish — return Task (or Task<T>) instead");
    public static readonly DiagnosticDescriptor HandlerTooManyParameters = new("LMB0143", Severity.Error, "Too many parameters",
        "{0} has {1} parameters — a handler takes at most 2: the event, and an ILambadaContext or CancellationToken");
    public static readonly DiagnosticDescriptor HandlerByRefParameter = new("LMB0144", Severity.Error, "ref/out/in parameter",
        "Parameter '{1}' of {0} is passed by reference — take the event by value");
    public static readonly DiagnosticDescriptor HandlerParameterKind = new("LMB0145", Severity.Error, "Unsupported parameter",
        "Parameter '{1}' of {0} {2} — a handler takes the event first (any JSON type or Stream), then optionally an ILambadaContext or CancellationToken");
    public static readonly DiagnosticDescriptor HandlerTypeAbstract = new("LMB0146", Severity.Error, "Abstract declaring type",
        "{0} is declared in {1} {2}, which cannot be instantiated — move it to a non-abstract class, or make it static");
    public static readonly DiagnosticDescriptor HandlerNoConstructor = new("LMB0147", Severity.Error, "No parameterless constructor",
        "{0} is an instance method but {1} has no public parameterless constructor — add one, or make the method static");
    public static readonly DiagnosticDescriptor HandlerTooLong = new("LMB0148", Severity.Error, "Handler too long",
        "The handler '{0}' is {1} characters long, Lambda's .NET runtimes keep 127 — shorten the namespace, type or method name");
    public static readonly DiagnosticDescriptor HandlerOverloaded = new("LMB0149", Severity.Error, "Overloaded handler",
        "{0} is declared by more than one [LambadaFunction] method — a handler is found by name, so give the methods different names");
    public static readonly DiagnosticDescriptor HandlerReturnType = new("LMB0150", Severity.Error, "Unsupported return type",
        "{0} returns {1}, a reference the host cannot send — return the value itself: void, a JSON-serialisable value, Stream, Task, Task<T>, ValueTask or ValueTask<T>");
    public static readonly DiagnosticDescriptor HandlerStackOnlyType = new("LMB0151", Severity.Error, "Ref struct or pointer in the signature",
        "{0}: {1}, which cannot be boxed, so the host can neither pass nor return it — use an array, Memory<T> or ReadOnlyMemory<T>, or Stream for raw bytes");
    public static readonly DiagnosticDescriptor HandlerDelegate = new("LMB0152", Severity.Error, "Delegate in the signature",
        "{0}: {1}, which JSON cannot carry (an event and a result are data, not code) — pass data such as a name or an enum, and choose the code inside the handler");
    public static readonly DiagnosticDescriptor HandlerAsyncEnumerableResult = new("LMB0153", Severity.Error, "IAsyncEnumerable result",
        "{0}: {1}, which the host cannot write as its one response (System.Text.Json writes it only asynchronously) — collect the items and return Task<List<T>> or Task<T[]>");
    public static readonly DiagnosticDescriptor HandlerAbstractEvent = new("LMB0154", Severity.Error, "Event type JSON cannot create",
        "{0}: {1}, which System.Text.Json cannot create from the event — take a concrete type, a collection interface it fills (IEnumerable<T>, IList<T>, IReadOnlyList<T>, IDictionary<TKey, TValue>, …), Stream for the raw payload, or give the type [JsonDerivedType] or [JsonConverter]");
    public static readonly DiagnosticDescriptor HandlerUnawaitedAwaitable = new("LMB0155", Severity.Error, "Awaitable the host does not await",
        "{0}: {1}, which the host does not await, so it would send the awaitable object itself as the result — await it inside the handler and return Task<T> or ValueTask<T> of the value");
    public static readonly DiagnosticDescriptor HandlerNotJson = new("LMB0156", Severity.Error, "Type System.Text.Json refuses",
        "{0}: {1}, which System.Text.Json refuses to read or write — pass what identifies it instead: a name as a string, a number, a jagged array T[][]");
    public static readonly DiagnosticDescriptor HandlerStreamSubclassEvent = new("LMB0157", Severity.Error, "Stream subclass event",
        "{0}: {1}, but the host hands the raw payload only to a parameter declared as Stream and reads any other type as JSON — declare the parameter as Stream");

    // 016x: project
    public static readonly DiagnosticDescriptor UnsupportedTargetFramework = new("LMB0160", Severity.Error, "No Lambda runtime for the target framework",
        "{0} targets '{1}', for which Lambda has no managed runtime — target net8.0 or net10.0, or publish self-contained with Runtime = LambadaRuntime.ProvidedAl2023");
    public static readonly DiagnosticDescriptor InvalidProperty = new("LMB0162", Severity.Error, "MSBuild property is not a number",
        "The MSBuild property {0} is '{1}', which is not a whole number — set it to a number such as 512, or remove it");
    public static readonly DiagnosticDescriptor RuntimeMismatch = new("LMB0161", Severity.Error, "Runtime does not match the target framework",
        "{0} asks for runtime {1}, but the assembly targets '{2}' — use Runtime = {3} or leave Runtime unset to infer it");
    public static readonly DiagnosticDescriptor RuntimeDeprecated = new("LMB0163", Severity.Warning, "Runtime deprecated by AWS",
        "{0} runs on {1}, which AWS deprecated on {2}; Lambda refuses to create functions on it from {3} and to update them from {4} — move to {5}");
    public static readonly DiagnosticDescriptor RuntimeCreateBlocked = new("LMB0164", Severity.Error, "Lambda no longer creates functions on this runtime",
        "{0}: {1} — move the function to that runtime (a net10.0 project deploys to dotnet10); docs/attributes.md, 'Runtimes AWS is retiring', lists the dates, and a newer Lambada carries them if AWS moves them");
    public static readonly DiagnosticDescriptor RuntimeUpdateBlocked = new("LMB0165", Severity.Error, "Lambda no longer updates functions on this runtime",
        "{0}: {1} — move the function to that runtime (a net10.0 project deploys to dotnet10; Lambda lets a function leave a blocked runtime); until then it keeps running the code last deployed");

    // 017x–018x: HTTP triggers ([LambadaUrl], [LambadaHttp])
    public static readonly DiagnosticDescriptor InvalidRoute = new("LMB0170", Severity.Error, "Invalid route",
        "Route '{0}' {1} — write a method (GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS or ANY), one space and a path such as /orders/{{id}}: '/'-separated segments, each literal or one whole {{name}}, a greedy {{name+}} only as the last; or $default alone");
    public static readonly DiagnosticDescriptor RouteParameterUnbound = new("LMB0171", Severity.Error, "Route parameter not bound",
        "Route '{0}' has the parameter '{1}', but {2} has no parameter of that name — add a parameter named {1} (a string, number, bool, Guid, date, time or enum), list it in the route's Ignore (Ignore = [\"{1}\"]), or take a LambadaHttpRequest and read request.PathParameters yourself");
    public static readonly DiagnosticDescriptor IgnoredNotInRoute = new("LMB0172", Severity.Error, "Ignore names no route parameter",
        "Route '{0}' lists '{1}' in Ignore, but the route has no parameter of that name (its parameters: {2}) — remove it from Ignore, or correct its spelling");
    public static readonly DiagnosticDescriptor DuplicateRoute = new("LMB0173", Severity.Error, "Route declared by two functions",
        "Route '{0}' is also declared by {1} — an HTTP API sends a route to one function: keep it on one method (routes that differ only in their parameters' names are the same route)");
    public static readonly DiagnosticDescriptor RouteRepeated = new("LMB0174", Severity.Error, "Route declared twice on one function",
        "Route '{0}' is declared more than once on {1} (as {2}) — keep one [LambadaHttp] per route");
    public static readonly DiagnosticDescriptor InvalidHttpApiName = new("LMB0175", Severity.Error, "Invalid HTTP API name",
        "The HTTP API name '{0}' is {1} characters long — set LambadaHttpApiName to 1–128 characters (it defaults to the project's name)");
    public static readonly DiagnosticDescriptor InvalidCorsOrigin = new("LMB0176", Severity.Error, "Invalid CORS origin",
        "CorsOrigins {0} — write '*' or an origin such as 'https://example.com' or 'http://localhost:3000' (scheme, host and optional port, no path); at most 100 origins, each 1–253 characters");
    public static readonly DiagnosticDescriptor InvalidCorsMethod = new("LMB0177", Severity.Error, "Invalid CORS method",
        "CorsMethods {0} — list at most 6 of GET, POST, PUT, PATCH, DELETE, HEAD and * (in capitals; AWS takes methods of up to 6 characters, and answers OPTIONS preflights itself)");
    public static readonly DiagnosticDescriptor InvalidCorsHeader = new("LMB0178", Severity.Error, "Invalid CORS header",
        "{0} {1} — list at most 100 header names, each 1–1024 characters without spaces or control characters");
    public static readonly DiagnosticDescriptor CorsMaxAgeOutOfRange = new("LMB0179", Severity.Error, "CorsMaxAge out of range",
        "CorsMaxAge {0} is outside 0–86400 — set the seconds a browser may cache a preflight answer between 0 and 86400, or leave it 0");
    public static readonly DiagnosticDescriptor ResponseStreamUnsupported = new("LMB0180", Severity.Error, "Response streaming not supported",
        "{0} asks for InvokeMode = LambadaInvokeMode.ResponseStream, but the Lambada host does not stream responses yet — leave InvokeMode unset (Buffered, answers up to 6 MB)");
    public static readonly DiagnosticDescriptor CorsCredentialsWithAnyOrigin = new("LMB0181", Severity.Error, "CORS credentials with the origin *",
        "CorsAllowCredentials is true with the origin '*', which browsers refuse for requests with credentials — list the origins that may send credentials instead of '*', or leave CorsAllowCredentials false");
    public static readonly DiagnosticDescriptor SeveralBodyParameters = new("LMB0182", Severity.Error, "More than one body parameter",
        "{0} has more than one parameter that reads the request body ({1}) — a request has one body: keep one JSON parameter (or one Stream), and take the other values from the route or the query string as strings, numbers, bools, Guids, dates, times or enums");
    public static readonly DiagnosticDescriptor HttpParameterNotBindable = new("LMB0183", Severity.Error, "HTTP parameter cannot be bound",
        "Parameter '{1}' of {0} {2} — an HTTP function takes a LambadaHttpRequest, an ILambadaContext, a CancellationToken, a Stream (the raw body), values by name from the route or query (string, numbers, bool, Guid, dates, times, enums and their nullables) and one JSON body, each at most once");
    public static readonly DiagnosticDescriptor TriggerWithoutFunction = new("LMB0184", Severity.Error, "Trigger attribute without [LambadaFunction]",
        "{0} has [{1}] but no [LambadaFunction], so it is not deployed and the trigger would call nothing — add [LambadaFunction] to the method, or remove [{1}]");

    // 02xx: packaging
    public static readonly DiagnosticDescriptor ArchitectureMismatch = new("LMB0201", Severity.Error, "Functions disagree on architecture",
        "Architecture is {0} here but {1} for {2} — all functions of one assembly share one package; give them the same Architecture (or set it once with [assembly: LambadaDefaults])");
    public static readonly DiagnosticDescriptor PackageTooLarge = new("LMB0202", Severity.Error, "Package too large",
        "The package of {0} is {1} MB unzipped, Lambda allows 250 MB — remove unused dependencies, trim the publish output or move data to S3 or a layer");
    public static readonly DiagnosticDescriptor PackageNeedsS3 = new("LMB0203", Severity.Warning, "Package needs an S3 bucket",
        "The package of {0} is {1} MB zipped, above the 50 MB Lambda accepts in a direct upload — set LambadaS3Bucket so the deploy uploads it through S3");
    public static readonly DiagnosticDescriptor RuntimeKindMismatch = new("LMB0204", Severity.Error, "Functions disagree on managed versus provided runtime",
        "Runtime is {0} here but {1} for {2} — all functions of one assembly share one package, either framework-dependent (dotnet8, dotnet10) or self-contained (provided.al2023); give them the same kind of runtime");
    /// <summary>Reported by Lambada.Build.targets (_LambadaRefuseUnboundPublish) with this exact text.</summary>
    public static readonly DiagnosticDescriptor UnboundTrimmedPublish = new("LMB0205", Severity.Error, "Trimmed or Native AOT publish outside the package build",
        "A trimmed or Native AOT publish of a Lambada project needs the generated binding that only the package build compiles in — build the package with 'dotnet build -t:LambadaPackage' (or deploy), or set LambadaGenerateMain=false and keep the handler types and a JsonSerializerContext yourself");

    public static readonly DiagnosticDescriptor FileLeftOutOfPackage = new("LMB0206", Severity.Warning, "File left out of the package",
        "{0} is not put in the package of {1}: {2} — nothing to do if it should stay on this machine; to ship it on purpose add <LambadaPackageInclude Include=\"{0}\" /> to the project");
    public static readonly DiagnosticDescriptor PackageIncludeUnmatched = new("LMB0207", Severity.Warning, "LambadaPackageInclude matches no file",
        "LambadaPackageInclude names '{0}', which is not in the publish output of {1} — write the file's path inside the package, as LMB0206 names it, and make sure the file is copied to the output");

    // 03xx: deploy. The message is composed where the problem is found; each says what changed and what did not.
    public static readonly DiagnosticDescriptor DeployAwsError = new("LMB0301", Severity.Error, "An AWS call failed",
        "{0}: {1} — AWS answered with the error code, message and HTTP status shown; fix what it names and build again — functions already deployed stay as they are");
    public static readonly DiagnosticDescriptor RoleNotFound = new("LMB0302", Severity.Error, "Role not found",
        "{0}: {1} — create the role, fix Role, or build with -p:LambadaCreateRoles=true to let Lambada create it with the basic execution policy");
    public static readonly DiagnosticDescriptor RoleAmbiguous = new("LMB0303", Severity.Error, "Role pattern matches several roles",
        "{0}: {1} — write a pattern or an ARN that names exactly one role");
    public static readonly DiagnosticDescriptor DeployNeedsS3 = new("LMB0304", Severity.Error, "Package too large to upload inline",
        "{0}: {1} — set LambadaS3Bucket (and optionally LambadaS3Prefix) so the deploy uploads the package through S3");
    public static readonly DiagnosticDescriptor FunctionNotReady = new("LMB0305", Severity.Error, "Function failed or never became ready",
        "{0}: {1} — look at the function with 'aws lambda get-function' or in the Lambda console, fix the cause, then build again");
    public static readonly DiagnosticDescriptor OwnedByAnotherProject = new("LMB0306", Severity.Error, "Function belongs to another project",
        "{0}: {1} — rename the function, or delete it in the other project first");
    public static readonly DiagnosticDescriptor FunctionAdopted = new("LMB0307", Severity.Warning, "Function taken over",
        "{0}: {1} — nothing to do if the function was yours; from now on it carries the lambada:project tag");
    public static readonly DiagnosticDescriptor AwsConfiguration = new("LMB0308", Severity.Error, "AWS credentials, region or endpoint missing",
        "{0}: {1} — set credentials (AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, AWS_PROFILE, LambadaProfile or 'aws sso login') and a region (LambadaRegion or AWS_REGION)");
    public static readonly DiagnosticDescriptor NoConnection = new("LMB0309", Severity.Error, "No connection to the AWS endpoint",
        "{0}: {1} — the request never reached AWS: check the endpoint and where it came from (AWS_ENDPOINT_URL_LAMBDA, AWS_ENDPOINT_URL, the region), that it is up and reachable from here (network, proxy, firewall), then build again");
    public static readonly DiagnosticDescriptor NoAnswer = new("LMB0310", Severity.Error, "No answer from the AWS endpoint",
        "{0}: {1} — the endpoint took the request but sent no answer in time; check that it is healthy and reachable, then build again: the next deploy reads what AWS has and does only what is still missing");
    public static readonly DiagnosticDescriptor EndpointUnreachable = new("LMB0311", Severity.Error, "Not sent: the AWS endpoint stopped answering",
        "{0}: {1} — another request of this deploy found the endpoint unreachable (its LMB0309 or LMB0310 error says why); fix that and build again to do what was left out");
    public static readonly DiagnosticDescriptor UnknownRegion = new("LMB0313", Severity.Error, "Not an AWS region",
        "{0}: {1} — set LambadaRegion (or AWS_REGION, AWS_DEFAULT_REGION, the profile's region) to an AWS region such as us-east-1");
    public static readonly DiagnosticDescriptor SeveralRegions = new("LMB0314", Severity.Error, "Several regions where one is expected",
        "{0}: {1} — a deploy goes to one region: set one region, and build once per region to deploy to several");
    public static readonly DiagnosticDescriptor OwnRoleWithoutPolicy = new("LMB0317", Severity.Error, "Lambada's role lacks its policy",
        "{0}: {1} — build with -p:LambadaCreateRoles=true to let Lambada attach it, or attach it yourself with 'aws iam attach-role-policy'; to keep the role without it, remove its lambada:project tag");

    public static readonly DiagnosticDescriptor HttpApiNotOwned = new("LMB0320", Severity.Error, "HTTP API of that name is not this project's",
        "{0}: {1} — set LambadaHttpApiName to another name, or tag the API lambada:project with this project's LambadaProjectTag if it is yours");
    public static readonly DiagnosticDescriptor TriggerLeftInPlace = new("LMB0321", Severity.Warning, "HTTP trigger left in place",
        "{0}: {1} — no attribute declares it any more; build with -p:LambadaPrune=true to remove it, or declare it again");
    public static readonly DiagnosticDescriptor UrlLeftInPlace = new("LMB0322", Severity.Warning, "Function URL left in place",
        "{0}: {1} — the function has no [LambadaUrl] any more but its URL still answers; build with -p:LambadaPrune=true to delete it (and its Lambada statements)");

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } = typeof(DiagnosticCatalogue)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToArray();
}
