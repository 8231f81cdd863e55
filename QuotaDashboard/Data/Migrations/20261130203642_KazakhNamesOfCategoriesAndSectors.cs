using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace QuotaDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class KazakhNamesOfCategoriesAndSectors : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "NameKk",
                table: "Sectors",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "NameKk",
                table: "Categories",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NameKk",
                table: "Sectors");

            migrationBuilder.DropColumn(
                name: "NameKk",
                table: "Categories");
        }
    }
}
