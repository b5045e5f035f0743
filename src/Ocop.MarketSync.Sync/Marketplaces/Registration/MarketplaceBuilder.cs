using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Sync.Marketplaces.Webhooks;
using Polly;

namespace Ocop.MarketSync.Sync.Marketplaces.Registration;

/// <summary>
/// What one marketplace adapter adds to the shared registration: the handler(s) of its channels' HTTP clients, its
/// resilience pipeline, its client factory, authorizer, webhook reader and options validator. Only recorded here;
/// AddMarketplace applies it, once per channel or once per marketplace.
/// </summary>
public sealed class MarketplaceBuilder<TOptions>
    where TOptions : class
{
    private readonly List<(Func<string, string> Name, Action<IHttpClientBuilder, MarketplaceChannel>? Configure)> _clients = [];
    private readonly List<Action<IServiceCollection, MarketplaceChannel>> _perChannel = [];
    private readonly List<Action<IServiceCollection>> _services = [];
    private Action<IHttpClientBuilder, MarketplaceChannel>? _configureHttp;
    private bool _hasClientFactory;

    internal MarketplaceBuilder(string marketplace)
    {
        Marketplace = marketplace;
    }

    public string Marketplace { get; }

    internal Action<ResiliencePipelineBuilder<HttpResponseMessage>, TOptions>? Resilience { get; private set; }

    internal Action<OptionsBuilder<TOptions>, IConfigurationSection>? Binder { get; private set; }

    /// <summary>
    /// Binds the channel's options to its section. Required, and written in the adapter as
    /// <c>(options, section) =&gt; options.Bind(section)</c>: there the configuration binding generator sees the concrete
    /// options type; the same call made here, on a type parameter, would fall back to the reflection binder.
    /// </summary>
    public MarketplaceBuilder<TOptions> BindOptions(Action<OptionsBuilder<TOptions>, IConfigurationSection> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        Binder = bind;
        return this;
    }

    /// <summary>
    /// Adds the adapter's handlers to the channel's client <c>marketplace:{id}</c>, after the resilience pipeline and
    /// the pacing, so innermost: every attempt (a retried read too) is signed or authorised when it really leaves.
    /// </summary>
    public MarketplaceBuilder<TOptions> ConfigureHttp(Action<IHttpClientBuilder, MarketplaceChannel> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _configureHttp += configure;
        return this;
    }

    /// <summary>
    /// Another client per channel (e.g. a token host), named by <paramref name="name"/> from the channel id, with the
    /// same pipeline and the same pace as the channel's own client (it is the same shop), then <paramref name="configure"/>.
    /// </summary>
    public MarketplaceBuilder<TOptions> AddChannelHttpClient(Func<string, string> name, Action<IHttpClientBuilder, MarketplaceChannel>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        _clients.Add((name, configure));
        return this;
    }

    /// <summary>
    /// The pipeline of every client of the channel, built from the channel's options. Required: HttpClient.Timeout is
    /// infinite so the pipeline is the only owner of timeouts.
    /// </summary>
    public MarketplaceBuilder<TOptions> UseResilience(Action<ResiliencePipelineBuilder<HttpResponseMessage>, TOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Resilience = configure;
        return this;
    }

    /// <summary>Anything else a channel needs registered (e.g. options of its secrets), after its options, before its clients.</summary>
    public MarketplaceBuilder<TOptions> ForEachChannel(Action<IServiceCollection, MarketplaceChannel> register)
    {
        ArgumentNullException.ThrowIfNull(register);
        _perChannel.Add(register);
        return this;
    }

    /// <summary>
    /// The marketplace's <see cref="IMarketplaceClientFactory"/>, also resolvable as itself (an authorizer may share
    /// its API). Required. Registered once however often the marketplace is added.
    /// </summary>
    public MarketplaceBuilder<TOptions> UseClientFactory<TFactory>()
        where TFactory : class, IMarketplaceClientFactory
    {
        _hasClientFactory = true;
        _services.Add(services =>
        {
            services.TryAddSingleton<TFactory>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IMarketplaceClientFactory, TFactory>(sp => sp.GetRequiredService<TFactory>()));
        });
        return this;
    }

    public MarketplaceBuilder<TOptions> UseAuthorizer<TAuthorizer>(Func<IServiceProvider, TAuthorizer>? create = null)
        where TAuthorizer : class, IMarketplaceAuthorizer => AddOnce<IMarketplaceAuthorizer, TAuthorizer>(create);

    public MarketplaceBuilder<TOptions> UseWebhookReader<TReader>(Func<IServiceProvider, TReader>? create = null)
        where TReader : class, IMarketplaceWebhookReader => AddOnce<IMarketplaceWebhookReader, TReader>(create);

    /// <summary>
    /// Checks each channel's options (the options name is the channel id) when the service starts; messages should
    /// name the key at fault (<c>Channels:{id}:{Section}:{Key}</c>), never a secret's value.
    /// </summary>
    public MarketplaceBuilder<TOptions> ValidateWith<TValidator>(Func<IServiceProvider, TValidator>? create = null)
        where TValidator : class, IValidateOptions<TOptions> => AddOnce<IValidateOptions<TOptions>, TValidator>(create);

    private MarketplaceBuilder<TOptions> AddOnce<TService, TImplementation>(Func<IServiceProvider, TImplementation>? create)
        where TService : class
        where TImplementation : class, TService
    {
        _services.Add(services => services.TryAddEnumerable(create is null
            ? ServiceDescriptor.Singleton<TService, TImplementation>()
            : ServiceDescriptor.Singleton<TService, TImplementation>(create)));
        return this;
    }

    internal void EnsureComplete()
    {
        if (Binder is null || Resilience is null || !_hasClientFactory)
        {
            throw new InvalidOperationException(
                $"Marketplace '{Marketplace}' needs BindOptions, UseResilience and UseClientFactory: without them its channels would have no options, no timeouts or no client.");
        }
    }

    internal Action<IHttpClientBuilder, MarketplaceChannel>? ConfigureChannelClient => _configureHttp;

    internal IReadOnlyList<(Func<string, string> Name, Action<IHttpClientBuilder, MarketplaceChannel>? Configure)> OtherClients => _clients;

    internal IReadOnlyList<Action<IServiceCollection, MarketplaceChannel>> PerChannel => _perChannel;

    internal IReadOnlyList<Action<IServiceCollection>> Services => _services;
}
