using System.CommandLine;
using Ocop.MarketSync.Worker.Hosting;
using Serilog;

namespace Ocop.MarketSync.Worker.Cli;

/// <summary>
/// <c>migrate</c>: applies our migrations and Hangfire's schema, then exits. The deploy step before any worker starts.
/// <c>migrate --check [--wait 00:10:00]</c> changes nothing: it exits 0 once the database is migrated for this
/// version, so a worker can wait for the one migration run (Kubernetes: an initContainer waiting for the Job).
/// </summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var check = new Option<bool>("--check") { Description = "Do not migrate: exit 0 when the database is migrated, else 1." };
        var wait = new Option<TimeSpan>("--wait") { Description = "With --check: keep checking every 5 s for this long (hh:mm:ss)." };
        var command = new Command("migrate", "Apply database migrations (our tables and, on PostgreSQL, Hangfire's schema) and exit.")
        {
            check, wait,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var app = await MarketSyncHost.BuildAsync(MarketSyncCommandLine.HostArgs(parse), HostMode.Command, ct);
                if (parse.GetValue(check))
                {
                    return await CheckAsync(app.Services, parse.GetValue(wait), ct);
                }

                await using var scope = app.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(ct);
                return 0;
            }
            catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException
                or System.Data.Common.DbException)
            {
                Log.Fatal("Migration failed: {Reason}", ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static async Task<int> CheckAsync(IServiceProvider services, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().VerifyReadyAsync(cancellationToken);
                Log.Information("The database is migrated for this version");
                return 0;
            }
            catch (Exception ex) when ((ex is InvalidOperationException or System.Data.Common.DbException) && DateTime.UtcNow < deadline)
            {
                Log.Information("Waiting for the migration: {Reason}", ex.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
            }
        }
    }
}
