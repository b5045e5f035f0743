using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Ocop.MarketSync.Data;

/// <summary>Marks DateTime values read back from SQLite as UTC (they were written as UTC).</summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
