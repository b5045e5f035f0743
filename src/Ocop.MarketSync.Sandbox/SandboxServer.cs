using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ocop.MarketSync.Sandbox;

/// <summary>
/// A sandbox served over real HTTP on 127.0.0.1, in its own small web host, so the service talks to it through
/// exactly the client stack (Refit, resilience, signing) it uses against the real system.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, Uri baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>Where the sandbox listens, with a trailing slash.</summary>
    public Uri BaseUrl { get; }

    /// <param name="port">0 picks a free port.</param>
    /// <param name="map">Maps the sandbox's endpoints.</param>
    /// <param name="host">Where to listen: loopback unless a container of its own must be reached by others.</param>
    public static async Task<SandboxServer> StartAsync(int port, Action<IEndpointRouteBuilder> map, CancellationToken cancellationToken, string host = "127.0.0.1")
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls($"http://{host}:{port}");
        builder.Logging.ClearProviders();
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(
            new System.Text.Json.Serialization.JsonStringEnumConverter()));
        var app = builder.Build();
        map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        return new SandboxServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
