using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>
/// Retires products a full pull no longer found, unless their share of the known products is above
/// <see cref="IntakeOptions.RetireGuardShare"/>: a registry outage or an empty export must never withdraw everything.
/// </summary>
public sealed class RetireGuard(MarketSyncDbContext db, IntakeClock clock, IOptions<IntakeOptions> options)
{
    private const int Chunk = 500;

    public async Task<RetireVerdict> RetireMissingAsync(IReadOnlySet<string> seen, CancellationToken cancellationToken)
    {
        var active = await db.Products.AsNoTracking()
            .Where(p => p.RetiredAt == null)
            .Select(p => p.RegistryId)
            .ToListAsync(cancellationToken);
        var missing = active.Where(id => !seen.Contains(id)).ToList();
        if (missing.Count == 0)
        {
            return new RetireVerdict(0, null);
        }

        var share = (double)missing.Count / active.Count;
        var limit = options.Value.RetireGuardShare;
        if (share > limit)
        {
            return new RetireVerdict(0,
                $"Full pull would retire {missing.Count} of {active.Count} known products ({share:P0}), above Intake:RetireGuardShare ({limit:P0}); none retired. " +
                $"Check the registry; examples: {string.Join(", ", missing.Take(5))}.");
        }

        var now = clock.UtcNow;
        foreach (var chunk in missing.Chunk(Chunk))
        {
            await db.Products
                .Where(p => chunk.Contains(p.RegistryId) && p.RetiredAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.RetiredAt, now), cancellationToken);
        }

        return new RetireVerdict(missing.Count, null);
    }
}

/// <param name="Retired">How many products were retired.</param>
/// <param name="Alert">Set when the guard refused to retire anything.</param>
public sealed record RetireVerdict(int Retired, string? Alert);
