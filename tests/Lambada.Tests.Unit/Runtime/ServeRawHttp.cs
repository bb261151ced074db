using System.Net.Sockets;
using System.Text;

namespace Lambada.Tests.Runtime;

/// <summary>One HTTP/1.1 exchange written by hand on a socket, for what HttpClient will not send (a header line twice).</summary>
internal static class RawHttp
{
    public static async Task<string> SendAsync(int port, string request)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request));
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
