using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.MarketSync.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", nullable: true),
                    xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intake_cursors",
                columns: table => new
                {
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    cursor = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intake_cursors", x => x.source);
                });

            migrationBuilder.CreateTable(
                name: "intake_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    cursor_from = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    cursor_to = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    pages = table.Column<int>(type: "INTEGER", nullable: false),
                    received = table.Column<int>(type: "INTEGER", nullable: false),
                    inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    updated = table.Column<int>(type: "INTEGER", nullable: false),
                    unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    eligible = table.Column<int>(type: "INTEGER", nullable: false),
                    ineligible = table.Column<int>(type: "INTEGER", nullable: false),
                    quarantined = table.Column<int>(type: "INTEGER", nullable: false),
                    retired = table.Column<int>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    alert = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intake_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    registry_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    issues = table.Column<string>(type: "TEXT", nullable: false),
                    content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    province = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    province_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: true),
                    product_set = table.Column<int>(type: "INTEGER", nullable: true),
                    stars = table.Column<int>(type: "INTEGER", nullable: true),
                    is_service = table.Column<bool>(type: "INTEGER", nullable: false),
                    certificate_valid_until = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    data = table.Column<string>(type: "TEXT", nullable: false),
                    source = table.Column<string>(type: "TEXT", nullable: false),
                    evaluated_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    first_seen_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_changed_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    retired_at = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_intake_runs_started_at",
                table: "intake_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_products_certificate_valid_until",
                table: "products",
                column: "certificate_valid_until");

            migrationBuilder.CreateIndex(
                name: "ix_products_outcome",
                table: "products",
                column: "outcome");

            migrationBuilder.CreateIndex(
                name: "ix_products_province",
                table: "products",
                column: "province");

            migrationBuilder.CreateIndex(
                name: "ix_products_registry_id",
                table: "products",
                column: "registry_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "intake_cursors");

            migrationBuilder.DropTable(
                name: "intake_runs");

            migrationBuilder.DropTable(
                name: "products");
        }
    }
}
