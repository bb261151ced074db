using System.Net;
using System.Net.Sockets;

namespace Lambada.Testing;

/// <summary>A 127.0.0.1 port nothing listens on right now, for a server a test starts (the OS picks it).</summary>
internal static class FreePort
{
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
