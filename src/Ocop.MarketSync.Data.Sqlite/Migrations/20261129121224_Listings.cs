using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.MarketSync.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Listings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "listings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    product_id = table.Column<long>(type: "INTEGER", nullable: false),
                    registry_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    seller_sku = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    remote_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    remote_url = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    desired = table.Column<string>(type: "TEXT", nullable: false),
                    desired_content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    desired_price_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    desired_stock_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    desired_status_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    pushed_content_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    pushed_price_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    pushed_stock_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    pushed_status_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    dirty = table.Column<bool>(type: "INTEGER", nullable: false),
                    attempt_count = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    last_error_kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    last_pushed_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    claimed_until = table.Column<DateTime>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_listings", x => x.id);
                    table.ForeignKey(
                        name: "fk_listings_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_listings_channel_id_registry_id",
                table: "listings",
                columns: new[] { "channel_id", "registry_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_listings_channel_id_seller_sku",
                table: "listings",
                columns: new[] { "channel_id", "seller_sku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_listings_channel_id_state",
                table: "listings",
                columns: new[] { "channel_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_listings_dirty_claim",
                table: "listings",
                columns: new[] { "channel_id", "next_attempt_at" },
                filter: "dirty = 1");

            migrationBuilder.CreateIndex(
                name: "ix_listings_product_id",
                table: "listings",
                column: "product_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "listings");
        }
    }
}
