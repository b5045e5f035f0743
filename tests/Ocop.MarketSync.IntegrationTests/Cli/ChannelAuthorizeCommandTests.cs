using Npgsql;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.TikTokShop;
using Ocop.MarketSync.Worker.Cli;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary>`channel authorize CHANNEL --code CODE` as an operator runs it: against the TikTok Shop simulator, on PostgreSQL.</summary>
public sealed class ChannelAuthorizeCommandTests(PostgresServer postgres)
{
    [Fact]
    public async Task Authorize_WithASellersCode_StoresEncryptedTokensAndARepeatedCodeIsRefused()
    {
        var ct = TestContext.Current.CancellationToken;
        var simulator = new TikTokShopSimulator();
        await using var server = await SandboxServer.StartAsync(0, app => app.MapTikTokShopSimulator(simulator), ct);
        var connectionString = await postgres.CreateDatabaseAsync(ct);
        string[] args =
        [
            "--environment=IntegrationTest",
            "--Storage:Provider=Postgres",
            $"--Storage:ConnectionString={connectionString}",
            "--Storage:MigrateOnStart=false",
            "--Registry:BaseUrl=http://127.0.0.1:9/",
            "--Staff:Password=integration-test-password",
            "--Staff:GeneratePassword=false",
            "--Channels:tts:Marketplace=tiktokshop",
            $"--Channels:tts:BaseUrl={server.BaseUrl}",
            $"--Channels:tts:TikTokShop:AuthBaseUrl={server.BaseUrl}",
            $"--Channels:tts:TikTokShop:ShopId={simulator.Options.ShopId}",
            $"--Channels:tts:TikTokShop:WarehouseId={simulator.Options.WarehouseId}",
            "--Channels:tts:CredentialsRef=TTS",
            $"--TTS:AppKey={simulator.Options.AppKey}",
            $"--TTS:AppSecret={simulator.Options.AppSecret}",
        ];
        Assert.Equal(0, await RunAsync(["migrate", .. args]));
        var code = simulator.IssueAuthCode();

        var first = await RunAsync(["channel", "authorize", "tts", "--code", code, .. args]);
        var again = await RunAsync(["channel", "authorize", "tts", "--code", code, .. args]);
        var unknown = await RunAsync(["channel", "authorize", "nope", "--code", code, .. args]);

        Assert.Equal((0, 1, 2), (first, again, unknown));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select status, protected_tokens from marketsync.channel_authorizations where channel_id = 'tts'", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal("Authorized", reader.GetString(0));
        // Encrypted at rest: none of the token JSON is readable in the table.
        Assert.DoesNotContain("accessToken", reader.GetString(1), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(simulator.Options.ShopId, reader.GetString(1), StringComparison.Ordinal);
    }

    private static Task<int> RunAsync(string[] args) =>
        MarketSyncCommandLine.Create(args).Parse(args).InvokeAsync(cancellationToken: TestContext.Current.CancellationToken);
}
