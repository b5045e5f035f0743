using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.Api.Reports;

/// <summary>
/// Counts products and Active listings per (province, product set, service) cell. Eligible and active are GROUP BY
/// queries in the database. Certified is not: whether a certificate is in force needs its issue date and
/// revocation, which live only in the JSON <c>data</c> column (a value conversion, jsonb on PostgreSQL, text on
/// SQLite), which EF cannot query into. So the database pre-filters on the <c>certificate_valid_until</c> column
/// (a necessary condition, indexed) and returns, in chunks by id, only the cell columns and the certificate
/// sub-document; <see cref="CertificateValidity"/>, the rule intake and the planner use, decides each one.
/// That keeps one definition of "certified" at the cost of a few hundred bytes per product read (about 30 MB at 100k).
/// </summary>
internal sealed class CoverageQuery(MarketSyncDbContext db)
{
    private const int Chunk = 5000;

    public async Task<CoverageCounts> CountAsync(DateOnly today, IReadOnlyCollection<string> channelIds, CancellationToken cancellationToken)
    {
        var eligible = await db.Products.AsNoTracking()
            .Where(p => p.Outcome == ProductOutcome.Eligible && p.RetiredAt == null)
            .GroupBy(p => new { p.Province, p.ProductSet, p.IsService })
            .Select(g => new { g.Key.Province, g.Key.ProductSet, g.Key.IsService, Count = g.Count() })
            .ToDictionaryAsync(g => new ProductCell(g.Province, g.ProductSet, g.IsService), g => g.Count, cancellationToken);
        var active = await db.Listings.AsNoTracking()
            .Where(l => l.State == ListingState.Active && channelIds.Contains(l.ChannelId))
            .Join(db.Products, l => l.ProductId, p => p.Id, (l, p) => new { l.ChannelId, p.Province, p.ProductSet, p.IsService })
            .GroupBy(x => new { x.ChannelId, x.Province, x.ProductSet, x.IsService })
            .Select(g => new { g.Key.ChannelId, g.Key.Province, g.Key.ProductSet, g.Key.IsService, Count = g.Count() })
            .ToDictionaryAsync(g => (g.ChannelId, new ProductCell(g.Province, g.ProductSet, g.IsService)), g => g.Count, cancellationToken);
        var certified = await CountCertifiedAsync(today, cancellationToken);
        return new CoverageCounts(certified, eligible, active);
    }

    private async Task<Dictionary<ProductCell, int>> CountCertifiedAsync(DateOnly today, CancellationToken cancellationToken)
    {
        var sql = CertificateRowsSql();
        var counts = new Dictionary<ProductCell, int>();
        long lastId = 0;
        while (true)
        {
            var rows = await db.Database.SqlQueryRaw<CertificateRow>(sql, today, lastId, Chunk).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                var certificate = row.Certificate is null ? null : JsonSerializer.Deserialize<CertificateData>(row.Certificate, JsonColumn.Options);
                if (CertificateValidity.IsValidOn(certificate, today))
                {
                    var cell = new ProductCell(row.Province, row.ProductSet, row.IsService);
                    counts[cell] = counts.GetValueOrDefault(cell) + 1;
                }
            }

            if (rows.Count < Chunk)
            {
                return counts;
            }

            lastId = rows[^1].Id;
        }
    }

    /// <summary>Names come from the model (schema, snake_case), so only the JSON operator differs per provider.</summary>
    private string CertificateRowsSql()
    {
        var entity = db.Model.FindEntityType(typeof(Product))
            ?? throw new InvalidOperationException("Product is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var data = Column(nameof(Product.Data));
        var certificate = db.Database.IsNpgsql() ? $"{data} ->> 'certificate'" : $"json_extract({data}, '$.certificate')";
        var id = Column(nameof(Product.Id));
        // {0}, {1}, {2} are parameters (today, last id, chunk size); $$ keeps them literal. Columns keep their own
        // names: EF maps the result to CertificateRow by the same naming convention (snake_case) as Product, whose
        // property names CertificateRow repeats.
        return $$"""
            SELECT {{id}}, {{Column(nameof(Product.Province))}}, {{Column(nameof(Product.ProductSet))}}, {{Column(nameof(Product.IsService))}},
                   {{certificate}} AS {{sql.DelimitIdentifier("certificate")}}
            FROM {{sql.DelimitIdentifier(table.Name, table.Schema)}}
            WHERE {{Column(nameof(Product.RetiredAt))}} IS NULL AND {{Column(nameof(Product.CertificateValidUntil))}} >= {0} AND {{id}} > {1}
            ORDER BY {{id}}
            LIMIT {2}
            """;
    }

    /// <summary>One product's cell and certificate (JSON), as <see cref="CertificateRowsSql"/> selects it; names as on <see cref="Product"/>.</summary>
    internal sealed class CertificateRow
    {
        public long Id { get; init; }
        public string? Province { get; init; }
        public int? ProductSet { get; init; }
        public bool IsService { get; init; }
        public string? Certificate { get; init; }
    }
}
