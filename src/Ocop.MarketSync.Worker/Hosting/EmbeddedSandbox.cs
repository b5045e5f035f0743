using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Registry;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// Starts the registry sandbox in process (its own Kestrel on 127.0.0.1) and points <c>Registry:BaseUrl</c> at it,
/// so `dotnet run` works on a fresh machine with nothing else installed.
/// </summary>
internal static class EmbeddedSandbox
{
    public static async Task StartIfEnabledAsync(WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection("Sandbox:Registry");
        if (!section.GetValue<bool>("Enabled"))
        {
            return;
        }

        var dataFile = section.GetValue<string>("DataFile");
        RegistrySandbox sandbox;
        if (string.IsNullOrWhiteSpace(dataFile))
        {
            sandbox = RegistrySandbox.FromSampleData();
        }
        else if (File.Exists(dataFile))
        {
            sandbox = RegistrySandbox.FromFile(dataFile);
        }
        else
        {
            throw new InvalidOperationException($"Sandbox:Registry:DataFile '{dataFile}' does not exist.");
        }

        var server = await SandboxServer.StartAsync(section.GetValue("Port", 0), app => app.MapRegistrySandbox(sandbox), cancellationToken);
        builder.Configuration["Registry:BaseUrl"] = server.BaseUrl.ToString();
        builder.Services.AddSingleton(sandbox);
        builder.Services.AddSingleton(new EmbeddedSandboxInfo(server.BaseUrl, sandbox.Count));
        builder.Services.AddHostedService(_ => new SandboxLifetime(server));
    }

    /// <summary>Stops the sandbox with the host.</summary>
    private sealed class SandboxLifetime(SandboxServer server) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await server.DisposeAsync();
    }
}

internal sealed record EmbeddedSandboxInfo(Uri RegistryUrl, int Products);
