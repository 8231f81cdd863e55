using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace QuotaDashboard.Data;

/// <summary>The same store on PostgreSQL. Its own type only so that its migrations, under <c>Data/Migrations/PostgreSql</c>, are kept apart.</summary>
public sealed class PostgreSqlQuotaDbContext(DbContextOptions<PostgreSqlQuotaDbContext> options) : QuotaDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Every time is UTC by name (…AtUtc) and read back as SQLite reads it: a plain timestamp, whatever kind the writer's value had.
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp without time zone").HaveConversion<PlainTimestamp>();
    }

    private sealed class PlainTimestamp() : ValueConverter<DateTime, DateTime>(
        v => DateTime.SpecifyKind(v, DateTimeKind.Unspecified), v => v);
}
