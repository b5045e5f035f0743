using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ocop.MarketSync.Sandbox.Registry;

namespace Ocop.MarketSync.Sandbox.Hosting;

/// <summary>
/// The registry sandbox, in process, with <c>Registry:BaseUrl</c> pointed at it, so `dotnet run` works on a fresh
/// machine with nothing else installed.
/// </summary>
/// <param name="Products">How many products the sandbox serves (the sample data, or <c>Sandbox:Registry:DataFile</c>).</param>
public sealed record EmbeddedRegistry(Uri RegistryUrl, int Products, RegistrySandbox Sandbox)
{
    internal static async Task<EmbeddedRegistry?> StartIfEnabledAsync(IHostApplicationBuilder builder, List<SandboxServer> servers, CancellationToken cancellationToken)
    {
        var section = builder.Configuration.GetSection("Sandbox:Registry");
        if (!section.GetValue<bool>("Enabled"))
        {
            return null;
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
        servers.Add(server);
        builder.Configuration["Registry:BaseUrl"] = server.BaseUrl.ToString();
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

        return new EmbeddedRegistry(server.BaseUrl, sandbox.Count, sandbox);
    }

    /// <summary>Once the service listens, points the sandbox's change notifications at its own endpoint.</summary>
    private sealed class ChangeNotifierLifetime(IServiceProvider services, RegistrySandbox sandbox, string secret) : IHostedService
    {
        private RegistryChangeNotifier? _notifier;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            services.GetRequiredService<IHostApplicationLifetime>().ApplicationStarted.Register(() =>
            {
                var address = services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
                if (address is not null)
                {
                    _notifier = new RegistryChangeNotifier(sandbox, new Uri(Loopback(address).TrimEnd('/') + "/api/registry/changes"), secret);
                }
            });
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            _notifier?.Dispose();
            return Task.CompletedTask;
        }

        /// <summary>A wildcard listen address, as the sandbox (in the same process) reaches it.</summary>
        private static string Loopback(string address) =>
            address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://+", "://127.0.0.1", StringComparison.Ordinal)
                .Replace("://*", "://127.0.0.1", StringComparison.Ordinal);
    }
}
