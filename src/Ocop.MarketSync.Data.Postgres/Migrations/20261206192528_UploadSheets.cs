using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Ocop.MarketSync.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class UploadSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "floor_exports",
                schema: "marketsync",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    channel_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    imported_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    items = table.Column<string>(type: "jsonb", nullable: false),
                    problems = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_floor_exports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upload_sheets",
                schema: "marketsync",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    channel_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    downloaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    uploaded_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    row_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_sheets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upload_sheet_rows",
                schema: "marketsync",
                columns: table => new
                {
                    sheet_id = table.Column<long>(type: "bigint", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    seller_sku = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    remote_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    content = table.Column<string>(type: "jsonb", nullable: true),
                    price_vnd = table.Column<long>(type: "bigint", nullable: true),
                    stock = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_sheet_rows", x => new { x.sheet_id, x.position });
                    table.ForeignKey(
                        name: "fk_upload_sheet_rows_upload_sheets_sheet_id",
                        column: x => x.sheet_id,
                        principalSchema: "marketsync",
                        principalTable: "upload_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_floor_exports_channel_id_imported_at",
                schema: "marketsync",
                table: "floor_exports",
                columns: new[] { "channel_id", "imported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upload_sheet_rows_sheet_id_seller_sku",
                schema: "marketsync",
                table: "upload_sheet_rows",
                columns: new[] { "sheet_id", "seller_sku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upload_sheets_channel_id_id",
                schema: "marketsync",
                table: "upload_sheets",
                columns: new[] { "channel_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_upload_sheets_open_channel",
                schema: "marketsync",
                table: "upload_sheets",
                column: "channel_id",
                unique: true,
                filter: "downloaded_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "floor_exports",
                schema: "marketsync");

            migrationBuilder.DropTable(
                name: "upload_sheet_rows",
                schema: "marketsync");

            migrationBuilder.DropTable(
                name: "upload_sheets",
                schema: "marketsync");
        }
    }
}
