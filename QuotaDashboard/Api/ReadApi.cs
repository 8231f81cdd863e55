using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Export;
using QuotaDashboard.Features.Quota;

namespace QuotaDashboard.Api;

/// <summary>The dashboard's numbers as JSON, for tests and other systems.</summary>
public static class ReadApi
{
    public static IServiceCollection AddReadApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

    public static void MapReadApi(this WebApplication app)
    {
        // Every read is checked against the caller's role and region, whether a person's cookie or a system's token.
        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.CanRead(null) ? await next(context) : Forbidden("Your role does not allow reading this data."));

        api.MapGet("/dashboard", async (string? asOf, string? region, ClaimsPrincipal user, DashboardQueries queries, CancellationToken ct) =>
        {
            if (!TryParseMonth(asOf, out var month, out var problem))
            {
                return problem;
            }
            if (region is not null && await queries.FindRegionAsync(region, ct) is null)
            {
                return UnknownRegion(region);
            }
            if (!user.CanRead(region))
            {
                return RegionForbidden(region);
            }
            return Results.Ok(await queries.GetDashboardAsync(month, region, user, ct));
        });

        api.MapGet("/use", async (string? asOf, ClaimsPrincipal user, UseQueries use, CancellationToken ct) =>
        {
            if (!TryParseMonth(asOf, out var month, out var problem))
            {
                return problem;
            }
            return Results.Ok(await use.GetUseAsync(month, user, ct));
        });

        api.MapGet("/quota/{year}", async (string year, DashboardQueries queries, CancellationToken ct) =>
        {
            if (!TryParseYear(year, out var y, out var problem))
            {
                return problem;
            }
            var history = await queries.GetQuotaHistoryAsync(y, ct);
            return history.Count == 0
                ? NotFound("No quota", $"No quota is recorded for {y}.")
                : Results.Ok(new { year = y, revisions = history });
        });

        api.MapGet("/published", async (string? asOf, DashboardQueries queries, CancellationToken ct) =>
        {
            if (!TryParseMonth(asOf, out var month, out var problem))
            {
                return problem;
            }
            return await queries.GetPublishedAsync(month, ct) is { } release
                ? Results.Ok(release)
                : NotFound("No release", $"No national release is recorded for {month:yyyy-MM}.");
        });

        api.MapGet("/quota/{year}/allocations", async (string year, string? asOf, ClaimsPrincipal user, AllocationQueries allocations, CancellationToken ct) =>
        {
            if (!TryParseYear(year, out var y, out var problem) || !TryParseMonth(asOf, out var month, out problem))
            {
                return problem;
            }
            if (month.Year != y)
            {
                return BadRequest("asOf outside the year", $"asOf={month:yyyy-MM} is not a month of {y}.");
            }
            var inForce = await allocations.GetInForceAsync(y, month, user, ct);
            return inForce.RevisionSequence is null
                ? NotFound("No quota", $"No quota of {y} is in force on {month:yyyy-MM}.")
                : Results.Ok(inForce);
        });

        api.MapExportEndpoints();
        api.MapReleaseReader();
        api.MapReleaseWrites();

        api.MapGet("/series", async (string? region, ClaimsPrincipal user, DashboardQueries queries, CancellationToken ct) =>
            region is not null && await queries.FindRegionAsync(region, ct) is null ? UnknownRegion(region)
            : !user.CanRead(region) ? RegionForbidden(region)
            : Results.Ok(await queries.GetSeriesAsync(region, user, ct)));
    }

    /// <summary>Accepts a month as <c>yyyy-MM</c> or as its first day, <c>yyyy-MM-01</c>.</summary>
    public static bool TryParseMonth(string? value, out DateOnly month, out IResult problem)
    {
        month = default;
        problem = Results.Empty;
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = BadRequest("Missing asOf", "Give the month as asOf=yyyy-MM, e.g. asOf=2025-12.");
            return false;
        }
        if (DateOnly.TryParseExact(value, ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Day == 1)
        {
            month = date;
            return true;
        }
        problem = BadRequest("Bad asOf", $"'{value}' is not a month; reports describe the first day of a month: use yyyy-MM or yyyy-MM-01.");
        return false;
    }

    private static bool TryParseYear(string value, out int year, out IResult problem)
    {
        problem = Results.Empty;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out year) && QuotaRules.IsYear(year))
        {
            return true;
        }
        problem = BadRequest("Bad year", $"'{value}' is not a year; use four digits, e.g. 2025.");
        return false;
    }

    public static IResult UnknownRegion(string region) =>
        NotFound("Unknown region", $"There is no region with the code '{region}'. Use an ISO 3166-2:KZ code such as KZ-75.");

    public static IResult RegionForbidden(string? region) =>
        Forbidden($"Your account may read the national figures and its own region only, not {region}.");

    private static IResult Forbidden(string detail) => Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail);

    private static IResult BadRequest(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);

    private static IResult NotFound(string title, string detail) => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: title, detail: detail);
}
