namespace Ocop.MarketSync.Data.Entities;

public enum IntakeRunKind
{
    Incremental,
    Full,
    FileImport,
}

public enum IntakeRunStatus
{
    Running,
    Succeeded,
    Failed,

    /// <summary>A full pull found too many products missing and retired none (see the alert).</summary>
    GuardTripped,
}

/// <summary>One intake run: what it read, what it wrote, and how it ended.</summary>
public sealed class IntakeRun
{
    public long Id { get; set; }
    public IntakeRunKind Kind { get; set; }
    public required string Source { get; set; }
    public IntakeRunStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public string? CursorFrom { get; set; }
    public string? CursorTo { get; set; }
    public int Pages { get; set; }
    public int Received { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>Records superseded by a later record with the same registry id in the same page or file.</summary>
    public int Duplicates { get; set; }
    public int Eligible { get; set; }
    public int Ineligible { get; set; }
    public int Quarantined { get; set; }
    public int Retired { get; set; }

    /// <summary>Why the run failed, for staff (no secrets: messages come from our own exceptions).</summary>
    public string? Error { get; set; }

    /// <summary>Something staff must look at even though nothing failed (e.g. the mass-disappearance guard).</summary>
    public string? Alert { get; set; }
}
