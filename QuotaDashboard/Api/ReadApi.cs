using System.Globalization;
using System.Security.Claims;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Export;
using QuotaDashboard.Features.Quota;
using QuotaDashboard.Features.Reference;

namespace QuotaDashboard.Api;

/// <summary>
/// The dashboard's numbers as JSON, for tests and other systems. The JSON is the same whatever language the caller reads: codes,
/// numbers, dates and structured sources, names in en, ru and kk, and problems that carry a code, a field and arguments.
/// </summary>
public static class ReadApi
{
    public static IServiceCollection AddReadApi(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

    public static void MapReadApi(this WebApplication app)
    {
        // Every read is checked against the caller's role and region, whether a person's cookie or a system's token.
        var api = app.MapGroup("/api").AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.CanRead(null)
                ? await next(context)
                : ApiProblem.Forbidden(null, "role.forbidden", [], "Your role does not allow reading this data."));
        var read = api.MapGroup("").WithTags("Read").ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);

        read.MapGet("/dashboard", async Task<Results<Ok<ApiDashboard>, ProblemHttpResult>> (string? asOf, string? region, ClaimsPrincipal user,
            DashboardQueries queries, ReferenceNames names, CancellationToken ct) =>
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
            return TypedResults.Ok((await queries.GetDashboardAsync(month, region, user, ct)).ToApi(await names.GetAsync(ct)));
        })
            .WithName("GetDashboard")
            .WithSummary("The dashboard of a month, nationally or for one region")
            .WithDescription("Workers, quota in force, use, employers, local staff, the breakdowns by category, OKED section and country, and the regions " +
                "ranked by use of their allocation, as of the month `asOf` (yyyy-MM or yyyy-MM-01). Nationally the published release of the month where " +
                "there is one, else the sum of the accepted regional reports; with `region` (ISO 3166-2:KZ) that region's latest accepted report. Every " +
                "figure names its source. An officer may read the nation and their own region only.");

        read.MapGet("/use", async Task<Results<Ok<ApiUse>, ProblemHttpResult>> (string? asOf, ClaimsPrincipal user, UseQueries use,
            ReferenceNames names, CancellationToken ct) =>
        {
            if (!TryParseMonth(asOf, out var month, out var problem))
            {
                return problem;
            }
            return TypedResults.Ok((await use.GetUseAsync(month, user, ct)).ToApi(await names.GetAsync(ct)));
        })
            .WithName("GetUse")
            .WithSummary("Use of the quota in a month, nationally and by region")
            .WithDescription("Accepted workers ÷ the units in force, the state against the thresholds, the year's forecast with the points it was " +
                "fitted to, and the revisions waiting for review; the regions the caller may read, highest use first.");

        read.MapGet("/quota/{year}", async Task<Results<Ok<ApiQuotaYear>, ProblemHttpResult>> (string year, DashboardQueries queries, CancellationToken ct) =>
        {
            if (!TryParseYear(year, out var y, out var problem))
            {
                return problem;
            }
            var history = await queries.GetQuotaHistoryAsync(y, ct);
            return history.Count == 0
                ? ApiProblem.NotFound("year", "quota.none", [y], $"No quota is recorded for {y}.")
                : TypedResults.Ok(new ApiQuotaYear(y, history));
        })
            .WithName("GetQuotaYear")
            .WithSummary("The quota of a year, as the history of its revisions")
            .WithDescription("Every revision in order: units, share of the labour force, the month or day from which it counts and whether that day " +
                "was published, the legal act and its sources.");

        read.MapGet("/published", async Task<Results<Ok<PublishedReleaseView>, ProblemHttpResult>> (string? asOf, DashboardQueries queries, CancellationToken ct) =>
        {
            if (!TryParseMonth(asOf, out var month, out var problem))
            {
                return problem;
            }
            return await queries.GetPublishedAsync(month, ct) is { } release
                ? TypedResults.Ok(release)
                : ApiProblem.NotFound("asOf", "release.none", [Month(month)], $"No national release is recorded for {Month(month)}.");
        })
            .WithName("GetPublishedRelease")
            .WithSummary("The national release of a month")
            .WithDescription("Every figure of the latest version of the ministry's release for the month, in the terms of releases.csv, with its sources.");

        read.MapGet("/quota/{year}/allocations", async Task<Results<Ok<ApiAllocations>, ProblemHttpResult>> (string year, string? asOf,
            ClaimsPrincipal user, AllocationQueries allocations, ReferenceNames names, CancellationToken ct) =>
        {
            if (!TryParseYear(year, out var y, out var problem) || !TryParseMonth(asOf, out var month, out problem))
            {
                return problem;
            }
            if (month.Year != y)
            {
                return ApiProblem.BadRequest("asOf", "month.outside-year", [Month(month), y], $"asOf={Month(month)} is not a month of {y}.");
            }
            var inForce = await allocations.GetInForceAsync(y, month, user, ct);
            return inForce.RevisionSequence is null
                ? ApiProblem.NotFound("asOf", "quota.none-in-force", [y, Month(month)], $"No quota of {y} is in force on {Month(month)}.")
                : TypedResults.Ok(inForce.ToApi(await names.GetAsync(ct)));
        })
            .WithName("GetAllocations")
            .WithSummary("The regional allocations in force in a month")
            .WithDescription("Each region's part of the quota under the revision in force on `asOf`, where it comes from (published, entered, " +
                "illustrative), what is allocated and the reserve left. An officer gets the national units, the reserve and their own region.");

        read.MapGet("/series", async Task<Results<Ok<TimelineSeries>, ProblemHttpResult>> (string? region, ClaimsPrincipal user,
            DashboardQueries queries, CancellationToken ct) =>
            region is not null && await queries.FindRegionAsync(region, ct) is null ? UnknownRegion(region)
            : !user.CanRead(region) ? RegionForbidden(region)
            : TypedResults.Ok(await queries.GetSeriesAsync(region, user, ct)))
            .WithName("GetSeries")
            .WithSummary("The timeline: published totals, sums of regional reports and quota steps")
            .WithDescription("Nationally, or for one region (its reports and allocation) with `region`.");

        api.MapExportEndpoints();
        api.MapReleaseReader();
        api.MapReleaseWrites();
    }

    /// <summary>Accepts a month as <c>yyyy-MM</c> or as its first day, <c>yyyy-MM-01</c>.</summary>
    public static bool TryParseMonth(string? value, out DateOnly month, out ProblemHttpResult problem)
    {
        month = default;
        problem = null!;
        if (string.IsNullOrWhiteSpace(value))
        {
            problem = ApiProblem.BadRequest("asOf", "month.missing", [], "Give the month as asOf=yyyy-MM, e.g. asOf=2025-12.");
            return false;
        }
        if (DateOnly.TryParseExact(value, ["yyyy-MM", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Day == 1)
        {
            month = date;
            return true;
        }
        problem = ApiProblem.BadRequest("asOf", "month.invalid", [value],
            $"'{value}' is not a month; reports describe the first day of a month: use yyyy-MM or yyyy-MM-01.");
        return false;
    }

    private static bool TryParseYear(string value, out int year, out ProblemHttpResult problem)
    {
        problem = null!;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out year) && QuotaRules.IsYear(year))
        {
            return true;
        }
        problem = ApiProblem.BadRequest("year", "year.invalid", [value], $"'{value}' is not a year; use four digits, e.g. 2025.");
        return false;
    }

    public static ProblemHttpResult UnknownRegion(string region) =>
        ApiProblem.NotFound("region", "region.unknown", [region], $"There is no region with the code '{region}'. Use an ISO 3166-2:KZ code such as KZ-75.");

    public static ProblemHttpResult RegionForbidden(string? region) =>
        ApiProblem.Forbidden("region", "region.forbidden", [region], $"Your account may read the national figures and its own region only, not {region}.");

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
