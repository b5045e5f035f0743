using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// Stores a page of normalised records in one SaveChanges (EF batches the statements): new products are inserted,
/// products whose content hash changed are updated, unchanged ones are not touched at all. The cursor, when given,
/// moves in the same transaction, so it never runs ahead of what was stored.
/// </summary>
public sealed class ProductWriter(MarketSyncDbContext db, IntakeClock clock)
{
    public async Task<PageWriteResult> WritePageAsync(
        IReadOnlyList<NormalizedRecord> records, CursorUpdate? cursor, CancellationToken cancellationToken)
    {
        // The last occurrence of an id in a page wins, as the registry contract says.
        var byId = new Dictionary<string, NormalizedRecord>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            byId[StorageId(record)] = record;
        }

        var ids = byId.Keys.ToList();
        var existing = await db.Products.AsNoTracking()
            .Where(p => ids.Contains(p.RegistryId))
            .Select(p => new { p.Id, p.RegistryId, p.ContentHash, p.RetiredAt })
            .ToDictionaryAsync(p => p.RegistryId, StringComparer.Ordinal, cancellationToken);

        var now = clock.UtcNow;
        var today = clock.Today;
        int inserted = 0, updated = 0;
        foreach (var (id, record) in byId)
        {
            if (!existing.TryGetValue(id, out var current))
            {
                db.Products.Add(ToEntity(id, record, now, today));
                inserted++;
            }
            else if (current.ContentHash != record.ContentHash || current.RetiredAt is not null)
            {
                var entity = ToEntity(id, record, now, today);
                entity.Id = current.Id;
                var entry = db.Products.Attach(entity);
                entry.State = EntityState.Modified;
                entry.Property(p => p.FirstSeenAt).IsModified = false;
                updated++;
            }
        }

        if (cursor is not null)
        {
            var row = await db.IntakeCursors.FindAsync([cursor.Source], cancellationToken);
            if (row is null)
            {
                db.IntakeCursors.Add(new IntakeCursor { Source = cursor.Source, Cursor = cursor.Cursor, UpdatedAt = now });
            }
            else if (row.Cursor != cursor.Cursor)
            {
                row.Cursor = cursor.Cursor;
                row.UpdatedAt = now;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return new PageWriteResult(inserted, updated, byId.Count - inserted - updated, records.Count - byId.Count);
    }

    /// <summary>
    /// The key a record is stored under. A record without a registry id is still kept (quarantined) under an id
    /// derived from its content, so staff can see it and the same bad record is not stored twice.
    /// </summary>
    public static string StorageId(NormalizedRecord record) =>
        record.RegistryId ?? "unidentified-" + record.ContentHash[..12];

    /// <summary>The row intake stores for a normalised record (internal: unit tests build products the same way).</summary>
    internal static Product ToEntity(string id, NormalizedRecord record, DateTime now, DateOnly today) => new()
    {
        RegistryId = id,
        Outcome = record.Outcome,
        Issues = [.. record.Issues],
        ContentHash = record.ContentHash,
        Name = record.Data.Name,
        Province = record.Data.Producer?.Province,
        ProvinceCode = record.Data.Producer?.ProvinceCode,
        ProductSet = record.Data.ProductSet,
        Stars = record.Data.Stars,
        IsService = record.Data.IsService,
        CertificateValidUntil = record.Data.Certificate?.ValidUntil,
        Data = record.Data,
        SourceJson = record.SourceJson,
        EvaluatedOn = today,
        FirstSeenAt = now,
        LastChangedAt = now,
        RetiredAt = null,
    };
}

/// <summary>Move the cursor of <paramref name="Source"/> to <paramref name="Cursor"/> with the page.</summary>
public sealed record CursorUpdate(string Source, string? Cursor);

/// <param name="Duplicates">Records of the page superseded by a later record with the same id.</param>
public sealed record PageWriteResult(int Inserted, int Updated, int Unchanged, int Duplicates = 0);
