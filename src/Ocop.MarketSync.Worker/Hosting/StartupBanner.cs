using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Ocop.MarketSync.Api.Security;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// Tells the person who started the service where things are and how to log in. Written to the console
/// directly, not through the logger, so a generated password never reaches a log sink.
/// </summary>
/// <remarks>
/// With <c>Logs:Format=Json</c> stdout is the log stream, one JSON object per line, read by a log collector: the
/// banner goes to stderr there. Not as a JSON event, because it may carry the generated password, which must not
/// become a log record; on stderr a person sees it and a JSON parser of stdout never does.
/// </remarks>
internal sealed class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    StaffCredentials credentials,
    IConfiguration configuration,
    IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.TrimEnd('/') ?? "(unknown address)";
        var sandbox = services.GetService<EmbeddedRegistry>();
        var password = credentials.GeneratedPassword is { } generated
            ? $"password: {generated}   (generated for this run; set Staff__Password to choose one)"
            : "password: as configured in Staff:Password";
        var lines = new List<string>
        {
            string.Empty,
            $"  Ocop.MarketSync is running on {address}",
            $"  Dashboard   {address}/hangfire",
            $"              user: {credentials.Username}   {password}",
            $"  Status API  {address}/api/products    OpenAPI: {address}/openapi/v1.json",
            $"  Health      {address}/health/live  {address}/health/ready",
        };
        if (sandbox is not null)
        {
            lines.Add($"  Registry    sandbox at {sandbox.RegistryUrl} ({sandbox.Products} sample products)");
        }

        // Where a person changes things "in seller centre" to watch reconciliation or a webhook repair them.
        foreach (var simulator in services.GetService<IReadOnlyList<EmbeddedSimulator>>() ?? [])
        {
            lines.Add($"  Simulator   {simulator.ChannelId,-16} {simulator.Marketplace} at {simulator.Server.BaseUrl}   items: {simulator.SellerCentre}");
        }

        lines.Add(string.Empty);
        var console = LoggingExtensions.IsJson(configuration) ? Console.Error : Console.Out;
        console.WriteLine(string.Join(Environment.NewLine, lines));
        console.Flush();
    }
}
