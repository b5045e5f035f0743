using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Ocop.MarketSync.Sync.Jobs;

/// <summary>
/// Session-level PostgreSQL advisory locks, each on a connection of its own held for the whole run: when the holder's
/// process dies its connection closes and the server frees the lock at once, so another node (or the same node
/// restarted) takes the channel over within seconds instead of waiting for a lock row to lapse.
/// </summary>
/// <remarks>
/// A host that vanishes without closing its socket (power loss, network cut) is noticed by the server's TCP
/// keepalives, set short on these sessions: such a lock lapses after about <see cref="KeepaliveBound"/>. Needs a
/// direct connection or session pooling (PgBouncer in transaction mode cannot keep a session lock).
/// </remarks>
public sealed class PostgresRunLocks : IRunLocks, IDisposable
{
    /// <summary>Server side: first probe after 10 s idle, then every 5 s, dead after 3 unanswered probes.</summary>
    private const string KeepaliveSettings =
        "SET tcp_keepalives_idle = 10; SET tcp_keepalives_interval = 5; SET tcp_keepalives_count = 3";

    /// <summary>How long a lock of a vanished host can survive it, from <see cref="KeepaliveSettings"/>.</summary>
    public static readonly TimeSpan KeepaliveBound = TimeSpan.FromSeconds(10 + (5 * 3));

    private static readonly TimeSpan RetryEvery = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// The application_name of this process's lock sessions: <c>ocop-marketsync-locks {host}/{pid}</c> (a pod name in
    /// Kubernetes), cut to PostgreSQL's 63 bytes.
    /// </summary>
    public static readonly string HolderName = Truncate($"ocop-marketsync-locks {Environment.MachineName}/{Environment.ProcessId}");

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<PostgresRunLocks> _logger;

    public PostgresRunLocks(string connectionString, ILogger<PostgresRunLocks> logger)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString)
        {
            // Who holds a lock is visible to operators: pg_locks joined with pg_stat_activity names the node and process.
            ApplicationName = HolderName,
            // Its own small pool: a returned connection is reset (DISCARD ALL frees any advisory lock left on it).
            MaxPoolSize = 32,
            // Client side too: a holder learns within seconds that the server (and so its lock) is gone.
            KeepAlive = 10,
        };
        _dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        _logger = logger;
    }

    /// <summary>The 64-bit advisory lock key of a resource name: stable across nodes and versions.</summary>
    public static long KeyOf(string resource) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("ocop-marketsync:" + resource)));

    public async Task<IAsyncDisposable?> TryAcquireAsync(string resource, TimeSpan wait, CancellationToken cancellationToken)
    {
        var key = KeyOf(resource);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var settings = new NpgsqlCommand(KeepaliveSettings, connection))
            {
                await settings.ExecuteNonQueryAsync(cancellationToken);
            }

            var deadline = DateTime.UtcNow + wait;
            while (true)
            {
                await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock($1)", connection))
                {
                    take.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
                    if (await take.ExecuteScalarAsync(cancellationToken) is true)
                    {
                        return new Held(connection, key, resource, _logger);
                    }
                }

                if (DateTime.UtcNow + RetryEvery > deadline)
                {
                    await connection.DisposeAsync();
                    return null;
                }

                await Task.Delay(RetryEvery, cancellationToken);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public void Dispose() => _dataSource.Dispose();

    private static string Truncate(string name) => name.Length > 63 ? name[..63] : name;

    private sealed class Held(NpgsqlConnection connection, long key, string resource, ILogger logger) : IAsyncDisposable
    {
        private int _released;

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
            {
                return;
            }

            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                release.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
                if (await release.ExecuteScalarAsync(CancellationToken.None) is not true)
                {
                    // The session was lost while the run went on (database restart): the lock went with it.
                    logger.LogWarning("The lock of {Resource} was no longer held when its run ended (the database session was lost)", resource);
                }
            }
            catch (NpgsqlException ex)
            {
                // A broken connection is not returned to the pool, and the server freed the lock when it broke.
                logger.LogWarning(ex, "The lock of {Resource} could not be released explicitly; its session is gone, and the lock with it", resource);
            }
            finally
            {
                await connection.DisposeAsync();
            }
        }
    }
}
