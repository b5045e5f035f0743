using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Ocop.MarketSync.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Operations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "last_reconciled_run_id",
                table: "listings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "certificate_warnings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    product_id = table.Column<long>(type: "INTEGER", nullable: false),
                    registry_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    valid_until = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    lead_days = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    notified_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certificate_warnings", x => x.id);
                    table.ForeignKey(
                        name: "fk_certificate_warnings_products_product_id",
                        column: x => x.product_id,
                        principalTable: "products",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "channel_authorizations",
                columns: table => new
                {
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    marketplace = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    protected_tokens = table.Column<string>(type: "TEXT", nullable: false),
                    access_token_expires_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    refresh_token_expires_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    updated_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channel_authorizations", x => x.channel_id);
                });

            migrationBuilder.CreateTable(
                name: "push_attempts",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    listing_id = table.Column<long>(type: "INTEGER", nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    operation = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    sent = table.Column<string>(type: "TEXT", nullable: false),
                    result = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    request_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    remote_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_push_attempts", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_runs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    @checked = table.Column<int>(name: "checked", type: "INTEGER", nullable: false),
                    in_sync = table.Column<int>(type: "INTEGER", nullable: false),
                    drifted_price = table.Column<int>(type: "INTEGER", nullable: false),
                    drifted_stock = table.Column<int>(type: "INTEGER", nullable: false),
                    drifted_content = table.Column<int>(type: "INTEGER", nullable: false),
                    drifted_status = table.Column<int>(type: "INTEGER", nullable: false),
                    missing = table.Column<int>(type: "INTEGER", nullable: false),
                    banned = table.Column<int>(type: "INTEGER", nullable: false),
                    orphaned = table.Column<int>(type: "INTEGER", nullable: false),
                    skipped_busy = table.Column<int>(type: "INTEGER", nullable: false),
                    error = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_runs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "run_requests",
                columns: table => new
                {
                    resource = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    requested_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_run_requests", x => x.resource);
                });

            migrationBuilder.CreateTable(
                name: "write_backs",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    key = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    registry_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    channel_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    marketplace = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    url = table.Column<string>(type: "TEXT", maxLength: 1024, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    sent_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    next_attempt_at = table.Column<DateTime>(type: "TEXT", nullable: true),
                    last_error = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_write_backs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "reconciliation_findings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    run_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    listing_id = table.Column<long>(type: "INTEGER", nullable: true),
                    seller_sku = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    remote_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    aspects = table.Column<int>(type: "INTEGER", nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reconciliation_findings", x => x.id);
                    table.ForeignKey(
                        name: "fk_reconciliation_findings_reconciliation_runs_run_id",
                        column: x => x.run_id,
                        principalTable: "reconciliation_runs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_certificate_warnings_notified_at",
                table: "certificate_warnings",
                column: "notified_at");

            migrationBuilder.CreateIndex(
                name: "ix_certificate_warnings_product_id_valid_until_lead_days",
                table: "certificate_warnings",
                columns: new[] { "product_id", "valid_until", "lead_days" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_push_attempts_at",
                table: "push_attempts",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "ix_push_attempts_listing_id_id",
                table: "push_attempts",
                columns: new[] { "listing_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_findings_run_id_id",
                table: "reconciliation_findings",
                columns: new[] { "run_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_reconciliation_runs_channel_id_id",
                table: "reconciliation_runs",
                columns: new[] { "channel_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_write_backs_key",
                table: "write_backs",
                column: "key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_write_backs_sent_at_next_attempt_at",
                table: "write_backs",
                columns: new[] { "sent_at", "next_attempt_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certificate_warnings");

            migrationBuilder.DropTable(
                name: "channel_authorizations");

            migrationBuilder.DropTable(
                name: "push_attempts");

            migrationBuilder.DropTable(
                name: "reconciliation_findings");

            migrationBuilder.DropTable(
                name: "run_requests");

            migrationBuilder.DropTable(
                name: "write_backs");

            migrationBuilder.DropTable(
                name: "reconciliation_runs");

            migrationBuilder.DropColumn(
                name: "last_reconciled_run_id",
                table: "listings");
        }
    }
}
