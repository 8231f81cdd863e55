using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuotaDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class TranslationsOfTheRecordAndSeedAuthorCodes : Migration
    {
        // Frozen here as they were when this migration was written, whatever the constants become.
        private static readonly (string Code, string Former)[] SeedAuthors =
        [
            ("seed:illustrative", "seed (illustrative regional data)"), ("seed:published", "seed (published record)"),
        ];

        private static readonly (string Table, string Column)[] SeedAuthorColumns =
        [
            ("Revisions", "EnteredBy"), ("Revisions", "DecidedBy"), ("Releases", "EnteredBy"), ("QuotaRevisions", "EnteredBy"), ("Allocations", "EnteredBy"),
        ];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BasisKk",
                table: "QuotaRevisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BasisRu",
                table: "QuotaRevisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalActKk",
                table: "QuotaRevisions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalActRu",
                table: "QuotaRevisions",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PublishedWordingKk",
                table: "QuotaRevisions",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NoteKk",
                table: "PublishedFigures",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NoteRu",
                table: "PublishedFigures",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            // The seed's authors become codes worded for the reader; stores made before hold the English wording.
            foreach (var (table, column) in SeedAuthorColumns)
            {
                foreach (var (code, former) in SeedAuthors)
                {
                    migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = '{code}' WHERE \"{column}\" = '{former}'");
                }
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, column) in SeedAuthorColumns)
            {
                foreach (var (code, former) in SeedAuthors)
                {
                    migrationBuilder.Sql($"UPDATE \"{table}\" SET \"{column}\" = '{former}' WHERE \"{column}\" = '{code}'");
                }
            }

            migrationBuilder.DropColumn(
                name: "BasisKk",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "BasisRu",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "LegalActKk",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "LegalActRu",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "PublishedWordingKk",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "NoteKk",
                table: "PublishedFigures");

            migrationBuilder.DropColumn(
                name: "NoteRu",
                table: "PublishedFigures");
        }
    }
}
