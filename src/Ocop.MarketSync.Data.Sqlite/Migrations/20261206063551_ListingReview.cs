using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.MarketSync.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListingReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "review_checked_at",
                table: "listings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "review_since",
                table: "listings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_state",
                table: "listings",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "review_ticket",
                table: "listings",
                type: "TEXT",
                maxLength: 128,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_listings_open_reviews",
                table: "listings",
                columns: new[] { "channel_id", "review_checked_at" },
                filter: "review_ticket IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_listings_open_reviews",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "review_checked_at",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "review_since",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "review_state",
                table: "listings");

            migrationBuilder.DropColumn(
                name: "review_ticket",
                table: "listings");
        }
    }
}
