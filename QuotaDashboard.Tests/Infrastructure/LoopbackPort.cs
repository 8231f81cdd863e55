using System.Net;
using System.Net.Sockets;

namespace QuotaDashboard.Tests.Infrastructure;

public static class LoopbackPort
{
    /// <summary>A loopback port nothing listens on: one the system just handed out and took back.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
