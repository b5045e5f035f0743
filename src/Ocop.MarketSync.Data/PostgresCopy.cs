using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Ocop.MarketSync.Data;

/// <summary>
/// Appends new rows of an entity with PostgreSQL's binary COPY, columns and conversions taken from the EF model (so a
/// new property is copied without touching this code). For bulk appends where the change tracker's one
/// INSERT … RETURNING per row is the cost: the planner's new listings, the pusher's audit and write-back rows.
/// </summary>
/// <remarks>
/// Database-generated keys are left to the database and not read back: callers append rows they do not touch again
/// in the same unit of work. Runs on the context's connection and inside its current transaction, if any.
/// </remarks>
public static class PostgresCopy
{
    public static async Task AppendAsync<T>(DbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }

        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var names = string.Join(", ", columns.Select(p => Quote(p.GetColumnName(table)!)));
        var target = entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(table.Name)}" : Quote(table.Name);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var copy = await connection.BeginBinaryImportAsync($"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var row in rows)
            {
                await copy.StartRowAsync(cancellationToken);
                foreach (var column in columns)
                {
                    await WriteAsync(copy, column, row, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, IProperty column, object row, CancellationToken cancellationToken)
    {
        var value = column.GetGetter().GetClrValue(row);
        if (value is not null && column.GetTypeMapping().Converter is { } converter)
        {
            value = converter.ConvertToProvider(value);
        }

        if (value is null)
        {
            await copy.WriteNullAsync(cancellationToken);
            return;
        }

        var columnType = column.GetColumnType();
        switch (value)
        {
            case string text:
                await copy.WriteAsync(text, columnType == "jsonb" ? NpgsqlDbType.Jsonb : NpgsqlDbType.Text, cancellationToken);
                break;
            case long number:
                await copy.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken);
                break;
            case int number:
                await copy.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken);
                break;
            case bool flag:
                await copy.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken);
                break;
            case DateTime time:
                await copy.WriteAsync(time, columnType == "timestamp with time zone" ? NpgsqlDbType.TimestampTz : NpgsqlDbType.Timestamp, cancellationToken);
                break;
            case DateOnly day:
                await copy.WriteAsync(day, NpgsqlDbType.Date, cancellationToken);
                break;
            default:
                throw new NotSupportedException($"COPY of {column.DeclaringType.DisplayName()}.{column.Name} ({value.GetType().Name}) is not supported.");
        }
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
