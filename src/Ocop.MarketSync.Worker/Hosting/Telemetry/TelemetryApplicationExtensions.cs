using Ocop.MarketSync.Api.Security;

namespace Ocop.MarketSync.Worker.Hosting.Telemetry;

internal static class TelemetryApplicationExtensions
{
    /// <summary>
    /// Serves <c>Telemetry:Prometheus:Port</c> too, when set: the port is added to the service's addresses, on the
    /// host of the first of <c>Urls</c> (127.0.0.1 for the embedded default, 0.0.0.0 in the container).
    /// </summary>
    public static void AddMetricsPortIfConfigured(this WebApplicationBuilder builder)
    {
        var options = TelemetryServiceCollectionExtensions.Read(builder.Configuration);
        if (!options.Enabled || !options.Prometheus.Enabled || options.Prometheus.Port is not { } port)
        {
            return;
        }

        var urls = (builder.Configuration["urls"] ?? "http://localhost:5000").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var host = new Uri(urls[0].Replace("://*", "://0.0.0.0", StringComparison.Ordinal).Replace("://+", "://0.0.0.0", StringComparison.Ordinal)).Host;
        builder.WebHost.UseUrls([.. urls, $"http://{host}:{port}"]);
    }

    /// <summary>
    /// The Prometheus scrape endpoint: on <c>Telemetry:Prometheus:Port</c> without login (and nothing else on that
    /// port), or else at <c>Telemetry:Prometheus:Path</c> on the service's port for staff only.
    /// </summary>
    public static void UseMarketSyncMetricsEndpoint(this WebApplication app)
    {
        var options = TelemetryServiceCollectionExtensions.Read(app.Configuration);
        if (!options.Enabled || !options.Prometheus.Enabled)
        {
            return;
        }

        if (options.Prometheus.Port is { } port)
        {
            var path = options.Prometheus.Path;
            app.UseOpenTelemetryPrometheusScrapingEndpoint(
                meterProvider: null,
                predicate: http => http.Connection.LocalPort == port && http.Request.Path.Equals(path, StringComparison.OrdinalIgnoreCase),
                path: null,
                configureBranchedPipeline: null,
                optionsName: null);
            // The metrics port serves metrics only: the API and the dashboard stay on the service's own port.
            app.Use((http, next) => http.Connection.LocalPort == port ? Results.NotFound().ExecuteAsync(http) : next(http));
            return;
        }

        app.MapPrometheusScrapingEndpoint(options.Prometheus.Path).RequireAuthorization(StaffAuthentication.Policy);
    }
}
