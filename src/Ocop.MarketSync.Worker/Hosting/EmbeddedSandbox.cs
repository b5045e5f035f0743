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
        if (section.GetValue("NotifyChanges", true))
        {
            // The sandbox plays the registry fully: it calls our change endpoint, signed with a secret made for this run
            // unless one is configured (then a real registry could call too).
            var secret = builder.Configuration["Registry:ChangeNotifications:Secret"];
            if (string.IsNullOrEmpty(secret))
            {
                secret = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
                builder.Configuration["Registry:ChangeNotifications:Secret"] = secret;
            }

            builder.Services.AddHostedService(sp => new ChangeNotifierLifetime(sp, sandbox, secret));
        }
    }

    /// <summary>Once the service listens, points the sandbox's change notifications at its own endpoint.</summary>
    private sealed class ChangeNotifierLifetime(IServiceProvider services, RegistrySandbox sandbox, string secret) : IHostedService
    {
        private RegistryChangeNotifier? _notifier;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            {
                var address = services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
                    .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault();
                if (address is not null)
                {
                    var local = address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
                        .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                        .Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
                    _notifier = new RegistryChangeNotifier(sandbox, new Uri(local.TrimEnd('/') + "/api/registry/changes"), secret);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _notifier?.Dispose();
            return Task.CompletedTask;
        }
    }

    /// <summary>Stops the sandbox with the host.</summary>
    private sealed class SandboxLifetime(SandboxServer server) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken) => await server.DisposeAsync();
    }
}

internal sealed record EmbeddedSandboxInfo(Uri RegistryUrl, int Products);
