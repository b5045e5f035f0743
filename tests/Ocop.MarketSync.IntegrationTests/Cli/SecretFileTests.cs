using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Worker.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary>
/// Secrets from files (<c>Key_FILE</c>, as Docker and Kubernetes secrets are mounted) and the database password apart
/// from the connection string (<c>Storage:Password</c>): the file's value is used, a missing file stops the start
/// naming the key, and the values never reach the output (<see cref="SecretFileProcessTests"/>).
/// </summary>
public sealed class SecretFileTests : IDisposable
{
    private const string PostgresWithoutPassword = "Host=127.0.0.1;Port=1;Database=marketsync;Username=marketsync;Timeout=2";
    private readonly string _directory = Directory.CreateTempSubdirectory("ocop-secrets-").FullName;

    [Fact]
    public async Task Build_WithPasswordsInFiles_MergesTheDatabasePasswordAndUsesTheStaffPassword()
    {
        // A trailing line break, as `echo secret > file` and most editors leave it, is not part of the secret.
        var dbPassword = Secret("db_password", "db-pass;with=specials\n");
        var staffPassword = Secret("staff_password", "staff-pass-from-file\r\n");

        await using var app = await MarketSyncHost.BuildAsync(
            Args($"--Storage:Password_FILE={dbPassword}", $"--Staff:Password_FILE={staffPassword}"), HostMode.Command, TestContext.Current.CancellationToken);

        var connectionString = app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString;
        Assert.Equal("db-pass;with=specials", new NpgsqlConnectionStringBuilder(connectionString).Password);
        Assert.Equal("marketsync", new NpgsqlConnectionStringBuilder(connectionString).Username);
        Assert.Equal("staff-pass-from-file", app.Services.GetRequiredService<IConfiguration>()["Staff:Password"]);
    }

    [Fact]
    public async Task Build_WithTheDatabasePasswordAsAKey_MergesIt()
    {
        await using var app = await MarketSyncHost.BuildAsync(Args("--Storage:Password=plain-key"), HostMode.Command, TestContext.Current.CancellationToken);

        Assert.Equal("plain-key", new NpgsqlConnectionStringBuilder(app.Services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString).Password);
    }

    [Theory]
    [InlineData("no-such-file")]
    [InlineData("empty")]
    public async Task Build_WithASecretFileThatIsMissingOrEmpty_FailsNamingTheKey(string file)
    {
        Secret("empty", string.Empty);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => MarketSyncHost.BuildAsync(Args($"--Storage:Password_FILE={Path.Combine(_directory, file)}"), HostMode.Command, TestContext.Current.CancellationToken));

        Assert.StartsWith("Storage:Password_FILE: the file ", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(_directory, file), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WithASecretGivenDirectlyAndByFile_FailsNamingBoth()
    {
        var file = Secret("staff_password", "from-file");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => MarketSyncHost.BuildAsync(Args($"--Staff:Password_FILE={file}", "--Staff:Password=direct"), HostMode.Command, TestContext.Current.CancellationToken));

        Assert.Equal("Staff:Password is set both directly and by the file of Staff:Password_FILE; give it in one place only.", error.Message);
        Assert.DoesNotContain("from-file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithTwoDifferentDatabasePasswords_FailsNamingTheKeys()
    {
        string[] args = [.. Args("--Storage:Password=one"), $"--Storage:ConnectionString={PostgresWithoutPassword};Password=two"];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = await MarketSyncHost.BuildAsync(args, HostMode.Command, TestContext.Current.CancellationToken);
            await MarketSyncHost.PrepareStorageAsync(app.Services, TestContext.Current.CancellationToken);
        });

        Assert.Contains("Storage:ConnectionString has a password and Storage:Password gives another", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Password=two", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithADatabasePasswordForSqlite_FailsNamingTheKey()
    {
        string[] args =
        [
            "--environment=IntegrationTest", "--Storage:Provider=Sqlite", $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "m.db")}",
            "--Storage:Password=pointless", "--Staff:Password=a-long-enough-password",
        ];

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = await MarketSyncHost.BuildAsync(args, HostMode.Command, TestContext.Current.CancellationToken);
            await MarketSyncHost.PrepareStorageAsync(app.Services, TestContext.Current.CancellationToken);
        });

        Assert.Contains("Storage:Password is for Storage:Provider=Postgres only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_IgnoresFileVariablesOutsideTheConfigurationSections()
    {
        // Not ours (no section): a missing file here must not stop the service.
        await using var app = await MarketSyncHost.BuildAsync(
            Args("--SOME_TOOL_FILE=/nonexistent/tool.conf", "--Storage:Password=x"), HostMode.Command, TestContext.Current.CancellationToken);

        Assert.Null(app.Services.GetRequiredService<IConfiguration>()["SOME_TOOL"]);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Secret(string name, string content)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static string[] Args(params string[] extra) =>
    [
        "--environment=IntegrationTest", "--Storage:Provider=Postgres", "--Storage:MigrateOnStart=false",
        $"--Storage:ConnectionString={PostgresWithoutPassword}", "--Hangfire:Storage=InMemory",
        .. extra.Any(e => e.StartsWith("--Staff:Password", StringComparison.Ordinal)) ? [] : new[] { "--Staff:Password=a-long-enough-password" },
        .. extra,
    ];
}
