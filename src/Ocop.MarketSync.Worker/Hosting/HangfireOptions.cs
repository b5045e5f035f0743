using System.ComponentModel.DataAnnotations;

namespace Ocop.MarketSync.Worker.Hosting;

public enum HangfireStorageKind
{
    /// <summary>Embedded default: jobs live in memory and vanish at exit, which loses nothing (all state is in our tables).</summary>
    InMemory,

    /// <summary>Production: the Storage:ConnectionString database, in its own schema.</summary>
    Postgres,
}

/// <summary>Section <c>Hangfire</c>.</summary>
public sealed class HangfireOptions
{
    public const string SectionName = "Hangfire";

    [Required(ErrorMessage = "Hangfire:Storage is required: InMemory or Postgres.")]
    public HangfireStorageKind? Storage { get; set; }

    [Required(AllowEmptyStrings = false, ErrorMessage = "Hangfire:Schema is required.")]
    [RegularExpression("^[a-z_][a-z0-9_]*$", ErrorMessage = "Hangfire:Schema must be a lower-case SQL identifier.")]
    public string Schema { get; set; } = "hangfire";

    [Range(1, 64, ErrorMessage = "Hangfire:WorkerCount must be between 1 and 64.")]
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often an idle worker looks for a queued job. Bounds the latency of a triggered job.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// PostgreSQL: wake idle workers with LISTEN/NOTIFY when a job is queued, instead of waiting for the next poll.
    /// A triggered push or pull then starts in milliseconds; the poll interval remains the fallback. Default true.
    /// </summary>
    public bool LongPolling { get; set; } = true;

    /// <summary>
    /// With the sliding timeout (always on), how long after its last heartbeat a job of a dead node is run again
    /// elsewhere; a live job's heartbeat comes every fifth of this. Default 30 seconds: the push a killed node was
    /// running is taken over by another node within about that (ADR 0007), and running it again is safe (its run lock
    /// came free with the node, and a job that finds the lock held leaves a rerun request instead of pushing).
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// PostgreSQL: when a Hangfire-internal lock (recurring-job scheduling, state changes: all held for moments) of
    /// a node that died lapses. Our own runs (one pusher per channel, one intake per source) do not use these: they
    /// hold session advisory locks that the server frees as soon as the node's connection dies. Default 1 minute.
    /// </summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(1);
}
