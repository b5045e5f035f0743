using Ocop.MarketSync.TestSupport;

[assembly: AssemblyFixture(typeof(Ocop.MarketSync.IntegrationTests.Infrastructure.PostgresServer))]

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL of the integration tests (see <see cref="ThrowawayPostgres"/>): one server for the run, and an
/// empty database per test, so tests run in parallel and never see each other's rows.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private ThrowawayPostgres? _server;

    public string AdminConnectionString => Server.AdminConnectionString;

    private ThrowawayPostgres Server => _server ?? throw new InvalidOperationException("PostgreSQL was not started.");

    public async ValueTask InitializeAsync() => _server = await ThrowawayPostgres.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public Task<string> CreateDatabaseAsync(CancellationToken cancellationToken) => Server.CreateDatabaseAsync(cancellationToken);
}
