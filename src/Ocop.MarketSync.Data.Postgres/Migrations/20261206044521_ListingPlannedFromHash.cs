using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.MarketSync.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListingPlannedFromHash : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "planned_from_hash",
                schema: "marketsync",
                table: "listings",
                type: "text",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "planned_from_hash",
                schema: "marketsync",
                table: "listings");
        }
    }
}
