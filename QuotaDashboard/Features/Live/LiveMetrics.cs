using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry.Metrics;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;

namespace QuotaDashboard.Features.Live;

/// <summary>
/// The product's one meter: open circuits and dashboards, saves, how long the last open page waited to be told of a save, and how
/// long each cached view took to compute. Prometheus reads them at <see cref="ScrapePath"/>.
/// </summary>
public sealed class LiveMetrics
{
    public const string MeterName = "QuotaDashboard";
    public const string ScrapePath = "/metrics";
    public const string KindTag = "kind";
    public const string ViewTag = "view";

    // OpenTelemetry's default buckets are meant for milliseconds; these are the HTTP conventions' buckets for seconds.
    private static readonly InstrumentAdvice<double> Seconds = new() { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10] };

    private readonly Meter _meter;
    private long _circuits;
    private readonly Counter<long> _saves;
    private readonly Histogram<double> _queries;

    public LiveMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(MeterName);
        // Observed rather than added to: it shows at zero from the first scrape, whenever the exporter began to listen.
        _meter.CreateObservableUpDownCounter("quota_dashboard.circuits.open", () => Interlocked.Read(ref _circuits), "{circuit}",
            "Interactive sessions (Blazor circuits) open on this instance.");
        _saves = _meter.CreateCounter<long>("quota_dashboard.saves", "{save}", "Committed writes of this instance, by the kind of change.");
        FanOut = _meter.CreateHistogram("quota_dashboard.fan_out.duration", "s",
            "From a change being published to the last page open at that moment having handled it.", tags: null, Seconds);
        _queries = _meter.CreateHistogram("quota_dashboard.query.duration", "s", "Time to compute a cached view, by view.", tags: null, Seconds);
    }

    internal Histogram<double> FanOut { get; }

    /// <summary>The notifier hands over its count of pages listening for changes when it is made.</summary>
    internal void ObserveOpenDashboards(Func<int> count) =>
        _meter.CreateObservableUpDownCounter("quota_dashboard.dashboards.open", count, "{dashboard}", "Pages open on this instance that listen for changes.");

    internal void CircuitOpened() => Interlocked.Increment(ref _circuits);

    internal void CircuitClosed() => Interlocked.Decrement(ref _circuits);

    internal void Saved(DataChange change) => _saves.Add(1, new KeyValuePair<string, object?>(KindTag, change.Kind?.ToString() ?? "Anything"));

    internal async ValueTask<T> TimeAsync<T>(string view, Func<CancellationToken, ValueTask<T>> compute, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            return await compute(ct);
        }
        finally
        {
            _queries.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>(ViewTag, view));
        }
    }
}

/// <summary>Counts the circuits of this instance as they open and close.</summary>
internal sealed class OpenCircuits(LiveMetrics metrics) : CircuitHandler
{
    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitOpened();
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        metrics.CircuitClosed();
        return Task.CompletedTask;
    }
}

public static class LiveMetricsExtensions
{
    /// <summary>The product's meter and ASP.NET Core's, exported for Prometheus.</summary>
    public static IServiceCollection AddQuotaDashboardMetrics(this IServiceCollection services)
    {
        services.AddSingleton<LiveMetrics>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, OpenCircuits>());
        services.AddOpenTelemetry().WithMetrics(b => b.AddMeter(LiveMetrics.MeterName).AddAspNetCoreInstrumentation().AddPrometheusExporter());
        return services;
    }

    /// <summary><c>/metrics</c>, for administrators signed in and for scrapers on this machine.</summary>
    public static WebApplication MapQuotaDashboardMetrics(this WebApplication app)
    {
        // Made now, so that the first scrape shows the open dashboards even before anyone opened one.
        app.Services.GetRequiredService<DataChangeNotifier>();
        // Anonymous to the authorization middleware, which would turn away a scraper on this machine: the gate in the branch decides.
        app.MapPrometheusScrapingEndpoint(LiveMetrics.ScrapePath, meterProvider: null, branch => branch.Use(OnlyOperators), optionsName: null)
            .AllowAnonymous();
        return app;
    }

    /// <summary>
    /// An administrator signed in (never a token), or a scraper on this machine: after the forwarded headers, a browser behind the
    /// proxy is not on this machine. Anyone else signed in is refused; someone not signed in is asked to sign in, as on other
    /// administrators' addresses.
    /// </summary>
    private static Task OnlyOperators(HttpContext http, RequestDelegate next)
    {
        if (IsLoopback(http.Connection.RemoteIpAddress) || IsAdministratorInPerson(http.User))
        {
            return next(http);
        }
        if (http.User.Identity?.IsAuthenticated == true)
        {
            // A bare status: the not-found page would say something untrue.
            if (http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            {
                pages.Enabled = false;
            }
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        return http.ChallengeAsync();
    }

    private static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static bool IsAdministratorInPerson(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) && !user.IsApiToken();
}
