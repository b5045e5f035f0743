using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.MarketSync.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class UploadSheets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "floor_exports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    imported_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    items = table.Column<string>(type: "TEXT", nullable: false),
                    problems = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_floor_exports", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upload_sheets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    downloaded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    uploaded_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    row_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_sheets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "upload_sheet_rows",
                columns: table => new
                {
                    sheet_id = table.Column<long>(type: "INTEGER", nullable: false),
                    position = table.Column<int>(type: "INTEGER", nullable: false),
                    seller_sku = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    remote_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    content = table.Column<string>(type: "TEXT", nullable: true),
                    price_vnd = table.Column<long>(type: "INTEGER", nullable: true),
                    stock = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_upload_sheet_rows", x => new { x.sheet_id, x.position });
                    table.ForeignKey(
                        name: "fk_upload_sheet_rows_upload_sheets_sheet_id",
                        column: x => x.sheet_id,
                        principalTable: "upload_sheets",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_floor_exports_channel_id_imported_at",
                table: "floor_exports",
                columns: new[] { "channel_id", "imported_at" });

            migrationBuilder.CreateIndex(
                name: "ix_upload_sheet_rows_sheet_id_seller_sku",
                table: "upload_sheet_rows",
                columns: new[] { "sheet_id", "seller_sku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_upload_sheets_channel_id_id",
                table: "upload_sheets",
                columns: new[] { "channel_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_upload_sheets_open_channel",
                table: "upload_sheets",
                column: "channel_id",
                unique: true,
                filter: "downloaded_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "floor_exports");

            migrationBuilder.DropTable(
                name: "upload_sheet_rows");

            migrationBuilder.DropTable(
                name: "upload_sheets");
        }
    }
}
