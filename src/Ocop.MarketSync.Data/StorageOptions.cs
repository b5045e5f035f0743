using System.ComponentModel.DataAnnotations;

namespace Ocop.MarketSync.Data;

public enum StorageProvider
{
    /// <summary>Embedded default: a file under ./data, single node.</summary>
    Sqlite,

    /// <summary>Production: our tables and Hangfire in one PostgreSQL database, any number of nodes.</summary>
    Postgres,
}

/// <summary>Where our tables live. Section <c>Storage</c>.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    [Required(ErrorMessage = "Storage:Provider is required: Sqlite or Postgres.")]
    public StorageProvider? Provider { get; set; }

    /// <summary>ADO.NET connection string for the provider. Required; there is no silent default.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:ConnectionString is required.")]
    public string? ConnectionString { get; set; }

    /// <summary>
    /// PostgreSQL: the password, kept apart from <see cref="ConnectionString"/> so that the connection string holds
    /// no secret and the password can come from a secret file (<c>Storage:Password_FILE</c>). Merged into the
    /// connection string at start; a connection string that has its own password as well is refused.
    /// </summary>
    public string? Password { get; set; }

    /// <summary>
    /// Apply pending migrations at start. Allowed only for SQLite (the embedded default); on PostgreSQL the
    /// schema is changed only by the explicit <c>migrate</c> command.
    /// </summary>
    public bool MigrateOnStart { get; set; }
}
