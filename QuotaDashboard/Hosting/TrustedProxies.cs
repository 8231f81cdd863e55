using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using IPNetwork = System.Net.IPNetwork;

namespace QuotaDashboard.Hosting;

/// <summary>
/// Which proxies may say what the browser's scheme and address were (<c>X-Forwarded-Proto</c>, <c>X-Forwarded-For</c>).
/// A proxy on the same machine always may; one on another machine only when <c>ForwardedHeaders:KnownProxies</c> names its
/// address or network (<c>10.0.0.5</c>, <c>10.0.0.0/24</c>), as a list or separated by commas. Anyone else could otherwise claim
/// HTTPS, or claim to call from loopback, where the metrics are open.
/// </summary>
public static class TrustedProxies
{
    public const string Key = "ForwardedHeaders:KnownProxies";

    public static IReadOnlyList<IPNetwork> From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Key);
        var written = section.Value is { } single ? single.Split(',') : section.GetChildren().Select(c => c.Value ?? "");
        return [.. written.Select(w => w.Trim()).Where(w => w.Length > 0).Select(Parse)];
    }

    private static IPNetwork Parse(string written) =>
        IPAddress.TryParse(written, out var address) && !written.Contains('/')
            ? new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)
            : IPNetwork.TryParse(written, out var network)
                ? network
                : throw new InvalidOperationException(
                    $"{Key} lists addresses or networks such as 10.0.0.5 or 10.0.0.0/24, not '{written}'.");

    public static void Configure(ForwardedHeadersOptions options, IReadOnlyList<IPNetwork> proxies)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var proxy in proxies)
        {
            options.KnownIPNetworks.Add(proxy);
        }
    }
}
