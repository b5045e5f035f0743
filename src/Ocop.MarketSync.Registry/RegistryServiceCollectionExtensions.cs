using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Registry.Client;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IRegistryClient"/>: a Refit client on <c>Registry:BaseUrl</c> with the standard
    /// resilience pipeline, tuned by <c>Registry:Resilience</c> (attempt timeout, retries, circuit breaker).
    /// </summary>
    /// <remarks>
    /// The pipeline is the only owner of timeouts (HttpClient.Timeout is infinite). Its retries handle blips of
    /// seconds; a longer outage fails the intake job, which Hangfire retries on its own time scale
    /// (docs/decisions/0002-retry-layers.md).
    /// </remarks>
    public static IServiceCollection AddOcopRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(RegistryOptions.SectionName);
        services.AddOptions<RegistryOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var client = services.AddRefitGeneratedClient<IRegistryApi>()
            .ConfigureHttpClient((sp, client) =>
            {
                client.BaseAddress = sp.GetRequiredService<IOptions<RegistryOptions>>().Value.BaseUrl;
                client.Timeout = Timeout.InfiniteTimeSpan;
            });
        var resilience = section.GetSection("Resilience");
        if (resilience.Exists())
        {
            client.AddStandardResilienceHandler(resilience);
        }
        else
        {
            client.AddStandardResilienceHandler();
        }

        services.AddTransient<IRegistryClient, RegistryClient>();
        services.AddTransient<IRegistryWriteBack, RegistryWriteBack>();
        return services;
    }
}
