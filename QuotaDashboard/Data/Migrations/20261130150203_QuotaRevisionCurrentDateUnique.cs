using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuotaDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class QuotaRevisionCurrentDateUnique : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_QuotaRevisions_Year_EffectiveFrom_Current",
                table: "QuotaRevisions",
                columns: new[] { "Year", "EffectiveFrom" },
                unique: true,
                filter: "\"IsCurrent\"");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_QuotaRevisions_Year_EffectiveFrom_Current",
                table: "QuotaRevisions");
        }
    }
}
