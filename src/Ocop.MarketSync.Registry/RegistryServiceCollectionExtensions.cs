using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Registry.Client;
using Refit;

namespace Microsoft.Extensions.DependencyInjection;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>The registry's named HTTP client; its resilience pipeline is <c>registry-standard</c>.</summary>
    public const string HttpClientName = "registry";

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

        // Named: Refit would name the client after the interface's assembly-qualified type name, and Polly puts the
        // client's name in every resilience log line ("registry-standard//Standard-Retry" instead of 250 characters).
        var client = services.AddRefitGeneratedClient<IRegistryApi>(new RefitSettings(), HttpClientName)
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
