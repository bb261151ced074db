// The floor: GET next → POST the event back as the response, forever. What anyone would write by hand.
var api = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")
          ?? throw new InvalidOperationException("AWS_LAMBDA_RUNTIME_API is not set");
var root = $"http://{api}/2018-06-01/runtime/invocation/";
using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
var next = new Uri(root + "next");
while (true)
{
    using var invocation = await http.GetAsync(next);
    var requestId = invocation.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").First();
    var body = await invocation.Content.ReadAsByteArrayAsync();
    using var response = await http.PostAsync(root + requestId + "/response", new ByteArrayContent(body));
}
