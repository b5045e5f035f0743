using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Api.Hardening;

/// <summary>
/// Remembers signed inbound messages already accepted, in the database (so a replay to another node is caught too):
/// an identical message inside its window is acknowledged as a duplicate and changes nothing.
/// </summary>
public sealed class ReplayGuard(MarketSyncDbContext db, TimeProvider time)
{
    /// <summary>
    /// Records the message; false when the same message was already accepted and has not expired.
    /// </summary>
    /// <param name="source">Where it came from (<c>registry</c>, <c>webhook:shopee</c>…); part of the key.</param>
    /// <param name="material">What identifies the message: its signature, or its body when it carries no time.</param>
    /// <param name="keepFor">How long a replay stays refusable; beyond that the signature check refuses it anyway, or it is harmless.</param>
    public async Task<bool> FirstTimeAsync(string source, ReadOnlyMemory<byte> material, TimeSpan keepFor, CancellationToken cancellationToken)
    {
        var key = Key(source, material.Span);
        var now = time.GetUtcNow().UtcDateTime;
        var expires = now + keepFor;

        // Expired rows first, so an old message past its window is judged afresh (and the table stays small).
        await db.SeenMessages.Where(m => m.ExpiresAt <= now).ExecuteDeleteAsync(cancellationToken);

        // One statement on both engines: the primary key decides between concurrent deliveries on several nodes.
        // The table's name comes from the model (PostgreSQL keeps it in our schema); the values are parameters.
        var entity = db.Model.FindEntityType(typeof(SeenMessage))!;
        var table = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
#pragma warning disable EF1002 // Only the model's own table name is interpolated; every value is a parameter.
        var inserted = await db.Database.ExecuteSqlRawAsync(
            $"INSERT INTO {table} (\"key\", source, seen_at, expires_at) VALUES ({{0}}, {{1}}, {{2}}, {{3}}) ON CONFLICT (\"key\") DO NOTHING",
            [key, source, now, expires], cancellationToken);
#pragma warning restore EF1002
        return inserted == 1;
    }

    internal static string Key(string source, ReadOnlySpan<byte> material)
    {
        var prefix = Encoding.UTF8.GetBytes(source + "\n");
        var buffer = new byte[prefix.Length + material.Length];
        prefix.CopyTo(buffer, 0);
        material.CopyTo(buffer.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }
}
