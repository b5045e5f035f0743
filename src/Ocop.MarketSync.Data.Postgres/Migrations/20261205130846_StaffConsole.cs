using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ocop.MarketSync.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StaffConsole : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "reason_codes",
                schema: "marketsync",
                table: "write_backs",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "declined_price_vnd",
                schema: "marketsync",
                table: "listings",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "held_price_vnd",
                schema: "marketsync",
                table: "listings",
                type: "bigint",
                nullable: true);

            // Held prices already in the desired state's JSON, copied to the column the attention queue queries.
            migrationBuilder.Sql("UPDATE marketsync.listings SET held_price_vnd = (desired->>'heldPriceVnd')::bigint WHERE desired->>'heldPriceVnd' IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "staff_actions",
                schema: "marketsync",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    user = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    channel_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    listing_id = table.Column<long>(type: "bigint", nullable: true),
                    registry_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    detail = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff_actions", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_staff_actions_at",
                schema: "marketsync",
                table: "staff_actions",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_staff_actions_listing_id_id",
                schema: "marketsync",
                table: "staff_actions",
                columns: new[] { "listing_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_actions_registry_id_id",
                schema: "marketsync",
                table: "staff_actions",
                columns: new[] { "registry_id", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "staff_actions",
                schema: "marketsync");

            migrationBuilder.DropColumn(
                name: "reason_codes",
                schema: "marketsync",
                table: "write_backs");

            migrationBuilder.DropColumn(
                name: "declined_price_vnd",
                schema: "marketsync",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "held_price_vnd",
                schema: "marketsync",
                table: "listings");
        }
    }
}
