namespace Ocop.MarketSync.Data.Entities;

/// <summary>
/// Something is stopped that a person must fix, as data rather than a log line: a channel that cannot push
/// (misconfigured, authorisation gone, signature refused), the intake guard, a registry unreachable for too long.
/// At most one open alert per kind and subject; it is resolved, not deleted, when the condition clears, and each of
/// the two transitions is sent once through the notifiers.
/// </summary>
public sealed class OperationalAlert
{
    public long Id { get; set; }

    /// <summary>See <c>AlertKinds</c>: <c>channel.stopped</c>, <c>intake.guard</c>, <c>registry.unreachable</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>What is stopped: a channel id or a registry source name.</summary>
    public required string Subject { get; set; }

    /// <summary>Machine-readable cause, e.g. <c>Misconfigured</c>, <c>AuthExpired</c>, <c>Unreachable</c>.</summary>
    public required string Code { get; set; }

    /// <summary>Why, for people (our own messages and the marketplace's, never secrets).</summary>
    public required string Reason { get; set; }

    /// <summary>When the condition began (e.g. the first failed pull after the last good one).</summary>
    public DateTime Since { get; set; }

    public DateTime RaisedAt { get; set; }

    /// <summary>Last time the condition was seen again while open.</summary>
    public DateTime LastSeenAt { get; set; }
    public DateTime? ResolvedAt { get; set; }

    /// <summary>When every notifier accepted the "raised" notice; null while it is still owed.</summary>
    public DateTime? RaiseNotifiedAt { get; set; }

    /// <summary>When every notifier accepted the "resolved" notice; null while it is still owed (or not resolved).</summary>
    public DateTime? ResolveNotifiedAt { get; set; }
}
