namespace Ocop.MarketSync.Worker.Hosting;

internal enum HostMode
{
    /// <summary>The service: web API, dashboard, Hangfire server, embedded sandbox when enabled.</summary>
    Serve,

    /// <summary>A one-shot command (migrate, import): services only, no server, no sandbox.</summary>
    Command,
}
