using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using QuotaDashboard.Api;
using QuotaDashboard.Components;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;

namespace QuotaDashboard.Hosting;

public static class HostingExtensions
{
    public const string NoIllustrativeDataFlag = "--no-illustrative-data";
    public static readonly CultureInfo[] SupportedCultures = [new("en"), new("ru")];

    /// <summary>The one flag that is not a configuration key: <c>--no-illustrative-data</c> starts without the illustrative regions.</summary>
    public static void AddStartupFlags(this ConfigurationManager configuration, string[] args)
    {
        if (args.Contains(NoIllustrativeDataFlag))
        {
            configuration.AddInMemoryCollection([new($"{SeedOptions.Section}:{nameof(SeedOptions.IllustrativeData)}", "false")]);
        }
    }

    public static WebApplicationBuilder AddQuotaDashboard(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddProblemDetails();
        services.AddReadApi();

        var dataDirectory = builder.Configuration[$"{SeedOptions.Section}:{nameof(SeedOptions.DataDirectory)}"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
            : Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "..", "data"));
        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        services.PostConfigure<SeedOptions>(o => o.DataDirectory = dataDirectory);

        var connectionString = builder.Configuration.GetConnectionString("QuotaDashboard") is { Length: > 0 } cs
            ? cs
            : $"Data Source={Path.Combine(dataDirectory, "quota-dashboard.db")}";
        services.AddQuotaDashboardCore(connectionString);
        services.AddHealthChecks().AddDbContextCheck<QuotaDbContext>();
        return builder;
    }

    /// <summary>The store and the services that read and write it, without the web front.</summary>
    public static IServiceCollection AddQuotaDashboardCore(this IServiceCollection services, string connectionString,
        Action<DbContextOptionsBuilder>? configureStore = null)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddDbContextFactory<QuotaDbContext>(o =>
        {
            o.UseSqlite(connectionString);
            configureStore?.Invoke(o);
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DataChangeNotifier>();
        services.AddTransient<DatabaseSeeder>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<DataQualityQueries>();
        services.AddScoped<ReportCommands>();
        return services;
    }

    /// <summary>Creates or upgrades the store and seeds what it lacks, before the first request is served.</summary>
    public static Task InitializeStoreAsync(this WebApplication app) => app.Services.InitializeStoreAsync();

    public static async Task InitializeStoreAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<QuotaDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            var folder = Path.GetDirectoryName(db.Database.GetDbConnection().DataSource);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            await db.Database.MigrateAsync();
        }
        await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
    }

    public static WebApplication UseQuotaDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
        });
        app.UseAntiforgery();

        app.MapStaticAssets();
        app.MapHealthChecks("/health");
        app.MapCultureEndpoint();
        app.MapReadApi();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static void MapCultureEndpoint(this WebApplication app) =>
        app.MapGet("/culture/set", (string culture, string? redirectUri, HttpContext http) =>
        {
            if (!SupportedCultures.Any(c => c.Name == culture))
            {
                return Results.Problem(statusCode: 400, title: "Unsupported language", detail: $"Language '{culture}' is not offered; use 'en' or 'ru'.");
            }
            http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            // Only a local path: an absolute address here would make the endpoint an open redirect.
            var target = redirectUri is { Length: > 0 } uri && uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal) ? uri : "/";
            return Results.LocalRedirect(target);
        });
}
