using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuotaDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ReportApproval : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "DecidedAtUtc",
                table: "Revisions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DecidedBy",
                table: "Revisions",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReturnReason",
                table: "Revisions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "State",
                table: "Revisions",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "Accepted");

            // Before review existed every revision counted as it was saved: each stored one, current or history, is accepted by its author then.
            migrationBuilder.Sql("UPDATE \"Revisions\" SET \"DecidedBy\" = \"EnteredBy\", \"DecidedAtUtc\" = \"EnteredAtUtc\"");

            migrationBuilder.CreateIndex(
                name: "IX_Revisions_Submitted",
                table: "Revisions",
                column: "ReportId",
                filter: "\"State\" = 'Submitted'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Revisions_Submitted",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "DecidedAtUtc",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "DecidedBy",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "ReturnReason",
                table: "Revisions");

            migrationBuilder.DropColumn(
                name: "State",
                table: "Revisions");
        }
    }
}
