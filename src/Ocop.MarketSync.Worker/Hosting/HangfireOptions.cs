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

    /// <summary>With the sliding timeout, how long a job of a dead worker stays invisible before another takes it.</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// PostgreSQL: when a lock of a node that died (e.g. one pusher per channel) is taken over. Until then that
    /// channel is not pushed. Too short, and a push running longer than this may be joined by a second one (the
    /// claims keep them off each other's rows). Default 5 minutes.
    /// </summary>
    public TimeSpan DistributedLockTimeout { get; set; } = TimeSpan.FromMinutes(5);
}
