using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.MarketSync.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class StaffConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reason_codes",
                table: "write_backs",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "declined_price_vnd",
                table: "listings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "held_price_vnd",
                table: "listings",
                type: "INTEGER",
                nullable: true);

            // Held prices already in the desired state's JSON, copied to the column the attention queue queries.
            migrationBuilder.Sql("UPDATE listings SET held_price_vnd = json_extract(desired, '$.heldPriceVnd') WHERE json_extract(desired, '$.heldPriceVnd') IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "staff_actions",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    listing_id = table.Column<long>(type: "INTEGER", nullable: true),
                    registry_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_actions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_actions_at",
                table: "staff_actions",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_staff_actions_listing_id_id",
                table: "staff_actions",
                columns: new[] { "listing_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_actions_registry_id_id",
                table: "staff_actions",
                columns: new[] { "registry_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_actions");

            migrationBuilder.DropColumn(
                name: "reason_codes",
                table: "write_backs");

            migrationBuilder.DropColumn(
                name: "declined_price_vnd",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "held_price_vnd",
                table: "listings");
        }
    }
}
