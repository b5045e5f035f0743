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
/// Counts products and Active listings per (province, product set, service) cell, each with one GROUP BY in the
/// database. Certified needs one more step: whether a certificate is in force depends on its issue date and
/// revocation, which live only in the JSON <c>data</c> column (a value conversion: jsonb on PostgreSQL, text on
/// SQLite), which EF cannot query into. So the database groups by cell and the certificate sub-document (one
/// recognition decision certifies many products, so there are far fewer distinct certificates than products),
/// pre-filtered on the indexed <c>certificate_valid_until</c> column (a necessary condition), and
/// <see cref="CertificateValidity"/>, the rule intake and the planner use, decides each group. One definition of
/// "certified", no product loaded; the price is that the database reads each document's certificate.
/// </summary>
internal sealed class CoverageQuery(MarketSyncDbContext db)
{
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
        var groups = await db.Database.SqlQueryRaw<CertificateGroup>(CertificateGroupsSql(), today).ToListAsync(cancellationToken);
        var counts = new Dictionary<ProductCell, int>();
        foreach (var group in groups)
        {
            var certificate = group.Certificate is null ? null : JsonSerializer.Deserialize<CertificateData>(group.Certificate, JsonColumn.Options);
            if (CertificateValidity.IsValidOn(certificate, today))
            {
                var cell = new ProductCell(group.Province, group.ProductSet, group.IsService);
                counts[cell] = counts.GetValueOrDefault(cell) + group.Count;
            }
        }

        return counts;
    }

    /// <summary>Names come from the model (schema, snake_case), so only the JSON operator differs per provider.</summary>
    private string CertificateGroupsSql()
    {
        var entity = db.Model.FindEntityType(typeof(Product))
            ?? throw new InvalidOperationException("Product is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) => sql.DelimitIdentifier(entity.FindProperty(property)!.GetColumnName(table)!);
        var data = Column(nameof(Product.Data));

        // The same serializer wrote every document, so equal certificates are equal text on both providers.
        var certificate = db.Database.IsNpgsql() ? $"{data} ->> 'certificate'" : $"json_extract({data}, '$.certificate')";
        var cell = $"{Column(nameof(Product.Province))}, {Column(nameof(Product.ProductSet))}, {Column(nameof(Product.IsService))}";

        // {0} is a parameter (today); $$ keeps it literal. Columns keep their own names: EF maps the result to
        // CertificateGroup by the same naming convention (snake_case) as Product, whose property names it repeats.
        return $$"""
            SELECT {{cell}}, {{certificate}} AS {{sql.DelimitIdentifier("certificate")}}, CAST(COUNT(*) AS INTEGER) AS {{sql.DelimitIdentifier("count")}}
            FROM {{sql.DelimitIdentifier(table.Name, table.Schema)}}
            WHERE {{Column(nameof(Product.RetiredAt))}} IS NULL AND {{Column(nameof(Product.CertificateValidUntil))}} >= {0}
            GROUP BY {{cell}}, {{certificate}}
            """;
    }

    /// <summary>Products of one cell sharing one certificate (JSON), as <see cref="CertificateGroupsSql"/> selects them.</summary>
    internal sealed class CertificateGroup
    {
        public string? Province { get; init; }
        public int? ProductSet { get; init; }
        public bool IsService { get; init; }
        public string? Certificate { get; init; }
        public int Count { get; init; }
    }
}
