using System.CommandLine;

namespace Ocop.MarketSync.Worker.Cli;

/// <summary>
/// The service's commands. With no command it serves; unknown tokens (e.g. <c>--urls</c>, <c>--Storage:Provider=…</c>)
/// are passed to the host's configuration.
/// </summary>
internal static class MarketSyncCommandLine
{
    public static RootCommand Create(string[] args)
    {
        var root = new RootCommand("Ocop.MarketSync: syncs certified OCOP products from the registry to marketplaces.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        root.SetAction((parse, ct) => ServeCommand.RunAsync(args, ct));
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(ImportCommand.Create());
        root.Subcommands.Add(HealthCheckCommand.Create());
        root.Subcommands.Add(ChannelCommand.Create());
        root.Subcommands.Add(SandboxMarketplaceCommand.Create());
        root.Subcommands.Add(StaffCommand.Create());
        return root;
    }

    /// <summary>Tokens the parser did not claim, handed to the host as configuration (e.g. --Storage:Provider=Postgres).</summary>
    public static string[] HostArgs(ParseResult parse) => [.. parse.UnmatchedTokens];
}
