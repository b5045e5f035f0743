using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.MarketSync.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListingPlannedFromHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "planned_from_hash",
                table: "listings",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "planned_from_hash",
                table: "listings");
        }
    }
}
