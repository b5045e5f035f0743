using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.IntegrationTests.Jobs;

/// <summary>
/// The run locks on a real PostgreSQL, as two nodes see them: exclusive while held, free as soon as the holder
/// releases — and as soon as the holder's session dies, which is what a node killed with -9 leaves behind.
/// </summary>
public sealed class PostgresRunLocksTests(PostgresServer postgres)
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(300);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TryAcquire_HeldByAnotherNode_WaitsThenGivesUp_AndGetsItOnceReleased()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        using var nodeA = new PostgresRunLocks(connectionString, NullLogger<PostgresRunLocks>.Instance);
        using var nodeB = new PostgresRunLocks(connectionString, NullLogger<PostgresRunLocks>.Instance);

        var held = await nodeA.TryAcquireAsync("push:ch-1", Short, Ct);
        Assert.NotNull(held);
        Assert.Null(await nodeB.TryAcquireAsync("push:ch-1", Short, Ct));
        // Another resource is not affected.
        await using (var other = await nodeB.TryAcquireAsync("push:ch-2", Short, Ct))
        {
            Assert.NotNull(other);
        }

        await held.DisposeAsync();
        await using var taken = await nodeB.TryAcquireAsync("push:ch-1", Short, Ct);
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task TryAcquire_WhileTheHolderReleasesDuringTheWait_GetsIt()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        using var nodeA = new PostgresRunLocks(connectionString, NullLogger<PostgresRunLocks>.Instance);
        using var nodeB = new PostgresRunLocks(connectionString, NullLogger<PostgresRunLocks>.Instance);
        var held = await nodeA.TryAcquireAsync("intake:registry", Short, Ct);
        Assert.NotNull(held);

        var waiting = nodeB.TryAcquireAsync("intake:registry", TimeSpan.FromSeconds(5), Ct);
        await Task.Delay(500, Ct);
        Assert.False(waiting.IsCompleted);
        await held.DisposeAsync();
        await using var taken = await waiting;
        Assert.NotNull(taken);
    }

    [Fact]
    public async Task TryAcquire_HolderSessionDied_IsFreeAtOnce()
    {
        var connectionString = await postgres.CreateDatabaseAsync(Ct);
        using var nodeA = new PostgresRunLocks(connectionString, NullLogger<PostgresRunLocks>.Instance);
        using var nodeB = new PostgresRunLocks(connectionString, NullLogger<PostgresRunLocks>.Instance);
        var held = await nodeA.TryAcquireAsync("push:ch-1", Short, Ct);
        Assert.NotNull(held);
        Assert.Null(await nodeB.TryAcquireAsync("push:ch-1", Short, Ct));

        // What the server sees when a node is killed: the session holding the lock ends without a word.
        var key = PostgresRunLocks.KeyOf("push:ch-1");
        await using (var admin = new NpgsqlConnection(connectionString))
        {
            await admin.OpenAsync(Ct);
            await using var kill = new NpgsqlCommand(
                """
                SELECT count(pg_terminate_backend(pid)) FROM pg_locks
                WHERE locktype = 'advisory' AND granted
                  AND ((classid::bigint << 32) | objid::bigint) = $1
                  -- Only this test's database: other tests hold the same keys in theirs.
                  AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                """, admin);
            kill.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            Assert.Equal(1L, await kill.ExecuteScalarAsync(Ct));
        }

        await using var taken = await nodeB.TryAcquireAsync("push:ch-1", TimeSpan.FromSeconds(2), Ct);
        Assert.NotNull(taken);
        // The dead holder's release finds its session gone; it says so and does not throw.
        await held.DisposeAsync();
    }

    [Fact]
    public void KeyOf_IsStableAndTellsResourcesApart()
    {
        Assert.Equal(PostgresRunLocks.KeyOf("push:shopee-sim"), PostgresRunLocks.KeyOf("push:shopee-sim"));
        Assert.NotEqual(PostgresRunLocks.KeyOf("push:shopee-sim"), PostgresRunLocks.KeyOf("push:lazada-sim"));
    }
}
