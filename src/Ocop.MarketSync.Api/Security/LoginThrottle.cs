using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Api.Security;

/// <summary>
/// Slows, then locks, password guessing against the staff login (form and Basic alike). State is per node and in
/// memory: a restart forgets it and N nodes allow N times the attempts, which still turns "200 guesses a second"
/// into a handful per quarter hour — enough for a dashboard whose passwords are 12+ characters.
/// </summary>
public sealed partial class LoginThrottle(IOptions<LoginLockoutOptions> options, TimeProvider time, ILogger<LoginThrottle> logger)
{
    /// <summary>Past this many tracked keys, expired ones are swept and then the oldest dropped: memory stays bounded under a spray of names.</summary>
    private const int MaxTrackedKeys = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly LoginLockoutOptions _options = options.Value;

    /// <summary>Whether an attempt may be checked now; when not, how long to wait and whether it is a lock.</summary>
    public LoginDecision Check(string? username, IPAddress? address)
    {
        var now = time.GetUtcNow();
        var wait = TimeSpan.Zero;
        var locked = false;
        foreach (var key in Keys(username, address))
        {
            if (!_entries.TryGetValue(key, out var entry) || (now - entry.WindowStart > _options.Window && entry.LockedUntil <= now))
            {
                continue;
            }

            var until = entry.LockedUntil > now ? entry.LockedUntil : entry.NotBefore;
            locked |= entry.LockedUntil > now;
            if (until - now > wait)
            {
                wait = until - now;
            }
        }

        return wait > TimeSpan.Zero ? new LoginDecision(false, wait, locked) : LoginDecision.Allowed;
    }

    public void RecordFailure(string? username, IPAddress? address, string via)
    {
        var now = time.GetUtcNow();
        var user = Shorten(username);
        var client = address?.ToString() ?? "(unknown)";
        LogFailed(logger, user, client, via);
        foreach (var key in Keys(username, address))
        {
            var lockAfter = key.StartsWith("user:", StringComparison.Ordinal) ? _options.LockAfter : _options.AddressLockAfter;
            var entry = _entries.AddOrUpdate(key, _ => Next(null, now, lockAfter), (_, old) => Next(old, now, lockAfter));
            if (entry.LockedUntil > now && entry.Failures == lockAfter)
            {
                LogLocked(logger, key, user, client, entry.Failures, entry.LockedUntil);
            }
        }

        if (_entries.Count > MaxTrackedKeys)
        {
            Sweep(now);
        }
    }

    /// <summary>A correct password clears the user's and the address's failures.</summary>
    public void RecordSuccess(string? username, IPAddress? address)
    {
        foreach (var key in Keys(username, address))
        {
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>Current locks and slow-downs, for operators (<c>GET /api/security/lockouts</c>).</summary>
    public IReadOnlyList<LoginLockout> Snapshot()
    {
        var now = time.GetUtcNow();
        return [.. _entries
            .Where(e => e.Value.LockedUntil > now || e.Value.NotBefore > now)
            .Select(e => new LoginLockout(
                e.Key.StartsWith("user:", StringComparison.Ordinal) ? "user" : "address",
                e.Key[(e.Key.IndexOf(':', StringComparison.Ordinal) + 1)..],
                e.Value.Failures,
                e.Value.LockedUntil > now ? e.Value.LockedUntil : null,
                e.Value.NotBefore > now ? e.Value.NotBefore : null))
            .OrderBy(l => l.Kind, StringComparer.Ordinal).ThenBy(l => l.Key, StringComparer.Ordinal)];
    }

    private Entry Next(Entry? old, DateTimeOffset now, int lockAfter)
    {
        var fresh = old is null || (now - old.WindowStart > _options.Window && old.LockedUntil <= now);
        var failures = fresh ? 1 : old!.Failures + 1;
        var start = fresh ? now : old!.WindowStart;
        var lockedUntil = failures >= lockAfter
            ? (old is not null && old.LockedUntil > now ? old.LockedUntil : now + _options.LockFor)
            : DateTimeOffset.MinValue;
        var notBefore = now;
        if (failures > _options.FreeAttempts)
        {
            var doublings = Math.Min(failures - _options.FreeAttempts - 1, 20);
            var delay = TimeSpan.FromSeconds(Math.Pow(2, doublings));
            notBefore = now + (delay < _options.MaxDelay ? delay : _options.MaxDelay);
        }

        return new Entry(failures, start, notBefore, lockedUntil);
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, entry) in _entries)
        {
            if (now - entry.WindowStart > _options.Window && entry.LockedUntil <= now)
            {
                _entries.TryRemove(key, out _);
            }
        }

        foreach (var (key, _) in _entries.OrderBy(e => e.Value.WindowStart).Take(Math.Max(0, _entries.Count - MaxTrackedKeys)))
        {
            _entries.TryRemove(key, out _);
        }
    }

    private static IEnumerable<string> Keys(string? username, IPAddress? address)
    {
        if (!string.IsNullOrEmpty(username))
        {
            yield return "user:" + Shorten(username).ToUpperInvariant();
        }

        if (address is not null)
        {
            // IPv4 clients seen through a dual-stack socket arrive as ::ffff:a.b.c.d; one client, one key.
            yield return "address:" + (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);
        }
    }

    private static string Shorten(string? username) =>
        username is null ? "(none)" : username.Length > 64 ? username[..64] : username;

    private sealed record Entry(int Failures, DateTimeOffset WindowStart, DateTimeOffset NotBefore, DateTimeOffset LockedUntil);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed staff login for {Username} from {ClientAddress} ({Via})")]
    private static partial void LogFailed(ILogger logger, string username, string clientAddress, string via);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff login locked ({LockKey}) after {Failures} failures, last for {Username} from {ClientAddress}, until {LockedUntil:u}")]
    private static partial void LogLocked(ILogger logger, string lockKey, string username, string clientAddress, int failures, DateTimeOffset lockedUntil);
}

public readonly record struct LoginDecision(bool IsAllowed, TimeSpan RetryAfter, bool IsLocked)
{
    public static LoginDecision Allowed => new(true, TimeSpan.Zero, false);

    /// <summary>Whole seconds, rounded up, for a Retry-After header.</summary>
    public int RetryAfterSeconds => (int)Math.Ceiling(RetryAfter.TotalSeconds);
}

/// <summary>One user or address currently slowed or locked.</summary>
public sealed record LoginLockout(string Kind, string Key, int Failures, DateTimeOffset? LockedUntil, DateTimeOffset? SlowedUntil);
