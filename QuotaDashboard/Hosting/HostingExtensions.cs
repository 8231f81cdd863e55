using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Shared;
using QuotaDashboard.Features;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using QuotaDashboard.Api;
using QuotaDashboard.Components;
using QuotaDashboard.Components.Account;
using QuotaDashboard.Features.Access;
using Microsoft.AspNetCore.Identity;
using QuotaDashboard.Data;
using QuotaDashboard.Data.Seeding;
using QuotaDashboard.Features.Dashboard;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Features.Store;
using StackExchange.Redis;

namespace QuotaDashboard.Hosting;

public static class HostingExtensions
{
    public const string NoIllustrativeDataFlag = "--no-illustrative-data";
    public const string ReadyTag = "ready";
    public static readonly CultureInfo[] SupportedCultures = [.. AccountLanguages.Offered.Select(c => new CultureInfo(c))];

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
        services.AddApiDocuments();

        var dataDirectory = builder.Configuration[$"{SeedOptions.Section}:{nameof(SeedOptions.DataDirectory)}"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.Environment.ContentRootPath)
            : Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, "..", "data"));
        services.Configure<SeedOptions>(builder.Configuration.GetSection(SeedOptions.Section));
        services.Configure<AdminOptions>(builder.Configuration.GetSection(AdminOptions.Section));
        services.AddOptions<ReportingOptions>()
            .Bind(builder.Configuration.GetSection(ReportingOptions.Section))
            .Validate(o => o.IsValid, $"{ReportingOptions.Section}:{nameof(ReportingOptions.EarliestMonth)} must be a month written yyyy-MM, such as 2019-01.")
            .ValidateOnStart();
        services.AddQuotaDashboardAuth();
        var development = builder.Environment.IsDevelopment();
        services.PostConfigure<SeedOptions>(o =>
        {
            o.DataDirectory = dataDirectory;
            // Only where asked for: Development (as dotnet run starts it), or Seed:DemoAccounts=true set on purpose.
            o.DemoAccounts = development || o.DemoAccounts;
        });

        var store = StoreFrom(builder.Configuration, dataDirectory);
        services.AddQuotaDashboardCore(store);
        var health = services.AddHealthChecks().AddDbContextCheck<QuotaDbContext>("store", tags: [ReadyTag]);
        services.AddChangeBroadcast(store, builder.Configuration, health);
        services.AddQuotaDashboardMetrics();
        if (!development)
        {
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
            // Every cookie (sign-in, antiforgery, language) travels over HTTPS only; a proxy in front says the scheme was HTTPS.
            services.Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.Always);
            var proxies = TrustedProxies.From(builder.Configuration);
            services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, proxies));
        }
        return builder;
    }

    /// <summary>
    /// Instances that share Redis (<c>Redis:Configuration</c>) tell each other of changes through it, whatever the store, and share
    /// their cached views in it; without Redis, instances on one PostgreSQL store use its own channel; on SQLite an instance is alone.
    /// </summary>
    private static void AddChangeBroadcast(this IServiceCollection services, StoreSettings store, IConfiguration configuration, IHealthChecksBuilder health)
    {
        if (RedisSettings.From(configuration) is { } redis)
        {
            services.AddSingleton(redis);
            // One connection for the channel, the second-level cache and the readiness check.
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis.Options()));
            services.AddStackExchangeRedisCache(o => o.InstanceName = redis.InstanceName);
            services.AddOptions<RedisCacheOptions>().Configure<IServiceProvider>((o, sp) =>
                o.ConnectionMultiplexerFactory = () => Task.FromResult(sp.GetRequiredService<IConnectionMultiplexer>()));
            services.AddSingleton(new ChangeBroadcast($"Redis {redis.Channel}"));
            services.AddSingleton<RedisChangeTransport>();
            services.AddHostedService(sp => sp.GetRequiredService<RedisChangeTransport>());
            health.AddRedis(sp => sp.GetRequiredService<IConnectionMultiplexer>(), "redis", tags: [ReadyTag]);
            health.AddCheck<RedisChangeTransport>("notifications", tags: [ReadyTag]);
            return;
        }
        if (store.Provider != StoreProvider.PostgreSQL)
        {
            return;
        }
        services.AddSingleton(new ChangeBroadcast("PostgreSQL"));
        services.AddSingleton<PostgreSqlChangeTransport>();
        services.AddHostedService(sp => sp.GetRequiredService<PostgreSqlChangeTransport>());
        health.AddCheck<PostgreSqlChangeTransport>("notifications", tags: [ReadyTag]);
    }

    /// <summary>SQLite in <c>data/</c> unless configured otherwise; PostgreSQL needs its connection string.</summary>
    private static StoreSettings StoreFrom(IConfiguration configuration, string dataDirectory)
    {
        var provider = configuration[StoreSettings.ProviderKey] is { Length: > 0 } named
            ? Enum.TryParse<StoreProvider>(named, ignoreCase: true, out var p) ? p
                : throw new InvalidOperationException($"{StoreSettings.ProviderKey} must be {string.Join(" or ", Enum.GetNames<StoreProvider>())}, not '{named}'.")
            : StoreProvider.Sqlite;
        return configuration.GetConnectionString("QuotaDashboard") is { Length: > 0 } cs
            ? new StoreSettings(provider, cs)
            : provider == StoreProvider.Sqlite
                ? StoreSettings.SqliteFile(Path.Combine(dataDirectory, "quota-dashboard.db"))
                : throw new InvalidOperationException("ConnectionStrings:QuotaDashboard must name the PostgreSQL database.");
    }

    /// <summary>The store on SQLite and the services that read and write it, without the web front.</summary>
    public static IServiceCollection AddQuotaDashboardCore(this IServiceCollection services, string connectionString,
        Action<DbContextOptionsBuilder>? configureStore = null) =>
        services.AddQuotaDashboardCore(new StoreSettings(StoreProvider.Sqlite, connectionString), configureStore);

    /// <summary>The store and the services that read and write it, without the web front.</summary>
    public static IServiceCollection AddQuotaDashboardCore(this IServiceCollection services, StoreSettings store,
        Action<DbContextOptionsBuilder>? configureStore = null)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddSingleton(store);
        // Pooled: a computed view runs a few sub-millisecond queries, and building a new context for each cost about as much as they do.
        if (store.Provider == StoreProvider.PostgreSQL)
        {
            services.AddPooledDbContextFactory<PostgreSqlQuotaDbContext>(o =>
            {
                o.UseNpgsql(store.ConnectionString);
                configureStore?.Invoke(o);
            });
            // Everything asks for the store by its common type; PostgreSQL's own type only carries its migrations.
            services.AddSingleton<IDbContextFactory<QuotaDbContext>>(sp => new StoreFactory<PostgreSqlQuotaDbContext>(sp.GetRequiredService<IDbContextFactory<PostgreSqlQuotaDbContext>>()));
        }
        else
        {
            services.AddPooledDbContextFactory<QuotaDbContext>(o =>
            {
                o.UseSqlite(store.ConnectionString);
                configureStore?.Invoke(o);
            });
        }
        var keys = services.AddDataProtection().SetApplicationName("QuotaDashboard");
        if (store.Provider == StoreProvider.PostgreSQL)
        {
            // One key ring in the database: a cookie issued by one instance is read by every other instance on it. SQLite keeps
            // the default folder of keys: a key made while a save holds SQLite's one write lock would wait for that save.
            keys.PersistKeysToDbContext<QuotaDbContext>();
        }
        // Identity's stores want a scoped context; it comes from the same factory.
        services.TryAddScoped(sp => sp.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContext());
        services.AddIdentityCore<ApplicationUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddErrorDescriber<LocalizedIdentityErrors>()
            .AddEntityFrameworkStores<QuotaDbContext>()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<QuotaClaimsPrincipalFactory>();
        services.AddTransient<AccountSeeder>();
        services.AddScoped<ApiTokenService>();
        services.AddSingleton<AccountLanguages>();
        services.AddScoped<AccountAdministration>();
        services.AddScoped<AuditQueries>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DataChangeNotifier>();
        services.TryAddSingleton(new ChangeBroadcast());
        services.AddHybridCache();
        services.AddSingleton<DashboardCache>();
        services.AddSingleton<QuotaDashboard.Features.Reference.ReferenceNames>();
        services.AddTransient<DatabaseSeeder>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<DataQualityQueries>();
        services.AddSingleton<ReportingMonths>();
        services.AddScoped<ReportCommands>();
        services.AddScoped<ReviewCommands>();
        services.AddScoped<QuotaDashboard.Features.Export.ExportService>();
        services.AddScoped<ReportUploads>();
        services.AddScoped<ReportQueries>();
        services.AddScoped<ApprovalQueries>();
        services.AddScoped<QuotaDashboard.Features.Releases.ReleaseCommands>();
        services.AddScoped<QuotaDashboard.Features.Releases.ReleaseQueries>();
        services.AddSingleton<QuotaDashboard.Features.Releases.ReleaseTextReader>();
        services.AddScoped<QuotaDashboard.Features.Quota.QuotaCommands>();
        services.AddScoped<QuotaDashboard.Features.Quota.QuotaQueries>();
        services.AddScoped<QuotaDashboard.Features.Quota.AllocationCommands>();
        services.AddScoped<QuotaDashboard.Features.Quota.AllocationQueries>();
        services.AddSingleton<QuotaDashboard.Features.Quota.UseThresholdSettings>();
        services.AddScoped<UseQueries>();
        services.AddScoped<QuotaDashboard.Features.Store.StoreBackup>();
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
            var folder = db.Database.IsSqlite() ? Path.GetDirectoryName(db.Database.GetDbConnection().DataSource) : null;
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
            await db.Database.MigrateAsync();
        }
        // Instances that start together on one PostgreSQL database seed one after the other: each adds only what it finds missing.
        await using var gate = await factory.CreateDbContextAsync();
        var postgreSql = gate.Database.IsNpgsql();
        if (postgreSql)
        {
            await gate.Database.OpenConnectionAsync();
            await gate.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({SeedingLock})");
        }
        try
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseSeeder>().SeedAsync();
            await scope.ServiceProvider.GetRequiredService<AccountSeeder>().SeedAsync();
        }
        finally
        {
            if (postgreSql)
            {
                await gate.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({SeedingLock})");
            }
        }
    }

    private const long SeedingLock = 0x51_D05E_ED;

    public static WebApplication UseQuotaDashboard(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseForwardedHeaders();
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
            app.UseCookiePolicy();
        }
        // The API answers with its own status codes and problem details; only people get the not-found page.
        app.UseWhen(context => !context.Request.Path.StartsWithSegments("/api"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        // The providers keep their default order: the query string, then the cookie (the reader's choice, or their account's once
        // they sign in), and the browser's Accept-Language only on a first visit.
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(SupportedCultures[0]);
            o.SupportedCultures = SupportedCultures;
            o.SupportedUICultures = SupportedCultures;
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapHealthChecks("/health").AllowAnonymous();
        // Live: the process answers. Ready: every dependency it needs to serve answers too.
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        app.MapCultureEndpoint();
        app.MapAccountEndpoints();
        app.MapReadApi();
        app.MapApiDocuments();
        app.MapReportCsv();
        app.MapStoreBackup();
        app.MapQuotaDashboardMetrics();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    private static void MapCultureEndpoint(this WebApplication app) =>
        app.MapGet("/culture/set", async (string culture, string? redirectUri, HttpContext http, AccountLanguages languages,
            IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            if (!AccountLanguages.IsOffered(culture))
            {
                return ProblemResults.Of(text, StatusCodes.Status400BadRequest, text["The language was not changed."],
                    [new Problem("culture", "language.unknown", culture, string.Join(", ", AccountLanguages.Offered))]);
            }
            if (http.User.Identity?.IsAuthenticated == true && !http.User.IsApiToken() && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId)
            {
                await languages.SetAsync(userId, culture, ct);
            }
            http.Response.AppendCultureCookie(culture);
            // Only a local path: an absolute address here would make the endpoint an open redirect.
            var target = redirectUri is { Length: > 0 } uri && uri.StartsWith('/') && !uri.StartsWith("//", StringComparison.Ordinal) ? uri : "/";
            return Results.LocalRedirect(target);
        }).AllowAnonymous();

    private sealed class StoreFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<QuotaDbContext> where TContext : QuotaDbContext
    {
        public QuotaDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<QuotaDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => await inner.CreateDbContextAsync(cancellationToken);
    }

    /// <summary>The cookie that carries the reader's language from request to request.</summary>
    public static void AppendCultureCookie(this HttpResponse response, string culture) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
}
