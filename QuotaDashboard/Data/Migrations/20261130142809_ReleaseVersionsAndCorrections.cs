using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuotaDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReleaseVersionsAndCorrections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Releases_AsOf",
                table: "Releases");

            migrationBuilder.DropIndex(
                name: "IX_Allocations_Year_RevisionSequence_RegionCode",
                table: "Allocations");

            migrationBuilder.AddColumn<string>(
                name: "Comment",
                table: "Releases",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnteredAtUtc",
                table: "Releases",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "Releases",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "seed (published record)");

            migrationBuilder.AddColumn<bool>(
                name: "IsCurrent",
                table: "Releases",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "Releases",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnteredAtUtc",
                table: "QuotaRevisions",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "QuotaRevisions",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "seed (published record)");

            migrationBuilder.AddColumn<bool>(
                name: "IsCurrent",
                table: "QuotaRevisions",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<long>(
                name: "LabourForce",
                table: "QuotaRevisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SupersedesSequence",
                table: "QuotaRevisions",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "EnteredAtUtc",
                table: "Allocations",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));

            migrationBuilder.AddColumn<string>(
                name: "EnteredBy",
                table: "Allocations",
                type: "TEXT",
                maxLength: 256,
                nullable: false,
                defaultValue: "seed (published record)");

            migrationBuilder.AddColumn<bool>(
                name: "IsCurrent",
                table: "Allocations",
                type: "INTEGER",
                nullable: false,
                defaultValue: true);

            migrationBuilder.CreateIndex(
                name: "IX_Releases_AsOf_Current",
                table: "Releases",
                column: "AsOf",
                unique: true,
                filter: "\"IsCurrent\"");

            migrationBuilder.CreateIndex(
                name: "IX_Releases_AsOf_Version",
                table: "Releases",
                columns: new[] { "AsOf", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_Year_RevisionSequence_RegionCode",
                table: "Allocations",
                columns: new[] { "Year", "RevisionSequence", "RegionCode" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Releases_AsOf_Current",
                table: "Releases");

            migrationBuilder.DropIndex(
                name: "IX_Releases_AsOf_Version",
                table: "Releases");

            migrationBuilder.DropIndex(
                name: "IX_Allocations_Year_RevisionSequence_RegionCode",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "Comment",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "EnteredAtUtc",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "IsCurrent",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "Releases");

            migrationBuilder.DropColumn(
                name: "EnteredAtUtc",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "IsCurrent",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "LabourForce",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "SupersedesSequence",
                table: "QuotaRevisions");

            migrationBuilder.DropColumn(
                name: "EnteredAtUtc",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "EnteredBy",
                table: "Allocations");

            migrationBuilder.DropColumn(
                name: "IsCurrent",
                table: "Allocations");

            migrationBuilder.CreateIndex(
                name: "IX_Releases_AsOf",
                table: "Releases",
                column: "AsOf",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Allocations_Year_RevisionSequence_RegionCode",
                table: "Allocations",
                columns: new[] { "Year", "RevisionSequence", "RegionCode" },
                unique: true);
        }
    }
}
