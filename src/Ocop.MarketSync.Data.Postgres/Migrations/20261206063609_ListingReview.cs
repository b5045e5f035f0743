using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.MarketSync.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ListingReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "review_checked_at",
                schema: "marketsync",
                table: "listings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "review_since",
                schema: "marketsync",
                table: "listings",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_state",
                schema: "marketsync",
                table: "listings",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_ticket",
                schema: "marketsync",
                table: "listings",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_listings_open_reviews",
                schema: "marketsync",
                table: "listings",
                columns: new[] { "channel_id", "review_checked_at" },
                filter: "review_ticket IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listings_open_reviews",
                schema: "marketsync",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "review_checked_at",
                schema: "marketsync",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "review_since",
                schema: "marketsync",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "review_state",
                schema: "marketsync",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "review_ticket",
                schema: "marketsync",
                table: "listings");
        }
    }
}
