using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ocop.MarketSync.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "marketsync");

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                schema: "marketsync",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendly_name = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_data_protection_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "intake_cursors",
                schema: "marketsync",
                columns: table => new
                {
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    cursor = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intake_cursors", x => x.source);
                });

            migrationBuilder.CreateTable(
                name: "intake_runs",
                schema: "marketsync",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    finished_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    cursor_from = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    cursor_to = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    pages = table.Column<int>(type: "integer", nullable: false),
                    received = table.Column<int>(type: "integer", nullable: false),
                    inserted = table.Column<int>(type: "integer", nullable: false),
                    updated = table.Column<int>(type: "integer", nullable: false),
                    unchanged = table.Column<int>(type: "integer", nullable: false),
                    eligible = table.Column<int>(type: "integer", nullable: false),
                    ineligible = table.Column<int>(type: "integer", nullable: false),
                    quarantined = table.Column<int>(type: "integer", nullable: false),
                    retired = table.Column<int>(type: "integer", nullable: false),
                    error = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    alert = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_intake_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "products",
                schema: "marketsync",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    registry_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    issues = table.Column<string>(type: "jsonb", nullable: false),
                    content_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: true),
                    province = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    province_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    product_set = table.Column<int>(type: "integer", nullable: true),
                    stars = table.Column<int>(type: "integer", nullable: true),
                    is_service = table.Column<bool>(type: "boolean", nullable: false),
                    certificate_valid_until = table.Column<DateOnly>(type: "date", nullable: true),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    source = table.Column<string>(type: "text", nullable: false),
                    evaluated_on = table.Column<DateOnly>(type: "date", nullable: false),
                    first_seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_changed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    retired_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_products", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_intake_runs_started_at",
                schema: "marketsync",
                table: "intake_runs",
                column: "started_at");

            migrationBuilder.CreateIndex(
                name: "ix_products_certificate_valid_until",
                schema: "marketsync",
                table: "products",
                column: "certificate_valid_until");

            migrationBuilder.CreateIndex(
                name: "ix_products_outcome",
                schema: "marketsync",
                table: "products",
                column: "outcome");

            migrationBuilder.CreateIndex(
                name: "ix_products_province",
                schema: "marketsync",
                table: "products",
                column: "province");

            migrationBuilder.CreateIndex(
                name: "ix_products_registry_id",
                schema: "marketsync",
                table: "products",
                column: "registry_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys",
                schema: "marketsync");

            migrationBuilder.DropTable(
                name: "intake_cursors",
                schema: "marketsync");

            migrationBuilder.DropTable(
                name: "intake_runs",
                schema: "marketsync");

            migrationBuilder.DropTable(
                name: "products",
                schema: "marketsync");
        }
    }
}
