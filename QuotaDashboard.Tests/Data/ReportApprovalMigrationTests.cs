using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Data;

/// <summary>A store written before reports were reviewed, migrated: what counted then counts now, and is said to be accepted.</summary>
public sealed class ReportApprovalMigrationTests
{
    private const string BeforeApproval = "20261130150203_QuotaRevisionCurrentDateUnique";

    [Fact]
    public async Task Every_stored_revision_becomes_accepted_by_its_author_when_it_was_entered_and_one_written_without_a_state_is_accepted()
    {
        var file = RepositoryPaths.NewDatabaseFile();
        try
        {
            var options = new DbContextOptionsBuilder<QuotaDbContext>().UseSqlite($"Data Source={file}").Options;
            await using (var db = new QuotaDbContext(options))
            {
                await db.GetService<IMigrator>().MigrateAsync(BeforeApproval);
                await db.Database.ExecuteSqlRawAsync("""
                    insert into Regions (Code, NameEn, NameRu, NameKk, Kind) values ('KZ-75', 'Almaty', 'Алматы', 'Алматы', 'City');
                    insert into Reports (Id, RegionCode, Month, IsIllustrative, CurrentRevisionId, Version) values (1, 'KZ-75', '2025-05-01', 0, null, 2);
                    insert into Revisions (Id, ReportId, Number, Total, EnteredBy, EnteredAtUtc) values (1, 1, 1, 100, 'first officer', '2025-06-02 10:00:00');
                    insert into Revisions (Id, ReportId, Number, Total, EnteredBy, EnteredAtUtc) values (2, 1, 2, 110, 'second officer', '2025-06-09 11:30:00');
                    update Reports set CurrentRevisionId = 2 where Id = 1;
                    """);

                await db.Database.MigrateAsync();

                // As a bulk import straight into the store does, naming no state.
                await db.Database.ExecuteSqlRawAsync(
                    "insert into Revisions (ReportId, Number, Total, EnteredBy, EnteredAtUtc) values (1, 3, 120, 'bulk import', '2025-06-10 08:00:00')");
            }

            await using (var db = new QuotaDbContext(options))
            {
                var revisions = await db.Revisions.AsNoTracking().OrderBy(v => v.Number).ToListAsync();
                Assert.All(revisions, v => Assert.Equal(RevisionState.Accepted, v.State));
                Assert.Equal(
                    [("first officer", new DateTime(2025, 6, 2, 10, 0, 0)), ("second officer", new DateTime(2025, 6, 9, 11, 30, 0))],
                    revisions.Take(2).Select(v => (v.DecidedBy!, v.DecidedAtUtc!.Value)));
                Assert.All(revisions, v => Assert.Null(v.ReturnReason));
                Assert.Equal(2, (await db.Reports.AsNoTracking().SingleAsync()).CurrentRevisionId);
            }
        }
        finally
        {
            RepositoryPaths.DeleteDatabase(file);
        }
    }
}
