using System.CommandLine;
using Ocop.MarketSync.Worker.Hosting;
using Serilog;

namespace Ocop.MarketSync.Worker.Cli;

/// <summary><c>migrate</c>: applies our migrations and Hangfire's schema, then exits. The deploy step before any worker starts.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply database migrations (our tables and, on PostgreSQL, Hangfire's schema) and exit.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction(async (parse, ct) =>
        {
            try
            {
                await using var app = await MarketSyncHost.BuildAsync(MarketSyncCommandLine.HostArgs(parse), HostMode.Command, ct);
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
}
