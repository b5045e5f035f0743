using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;

namespace Ocop.MarketSync.UnitTests.Marketplaces;

public sealed class MarketplaceRegistrationTests
{
    private static IConfiguration Configuration() => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Channels:test-hcm:Marketplace"] = "test",
        ["Channels:test-hcm:CredentialsRef"] = "Secrets:test-hcm",
        ["Channels:test-hcm:Test:AttemptTimeout"] = "00:00:05",
        ["Channels:other:Marketplace"] = "shopee",
    }).Build();

    private static void Register(IServiceCollection services, IConfiguration configuration, List<string> signed, Func<HttpStatusCode> answer) =>
        services.AddMarketplace<TestOptions>(configuration, "test", "Test", m => m
            .BindOptions((options, section) => options.Bind(section))
            .UseResilience((pipeline, options) => MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, TimeSpan.Zero, options.AttemptTimeout))
            .ConfigureHttp((client, channel) => client
                .AddHttpMessageHandler(() => new RecordingHandler(signed, $"{channel.Id} {channel.CredentialsRef}"))
                .ConfigurePrimaryHttpMessageHandler(() => new AnsweringHandler(answer)))
            .UseClientFactory<TestFactory>());

    [Fact]
    public async Task AddMarketplace_FailedRead_TheAdapterHandlerSeesEveryAttempt()
    {
        // Arrange
        var signed = new List<string>();
        var attempts = 0;
        var services = new ServiceCollection();
        Register(services, Configuration(), signed, () => ++attempts == 1 ? HttpStatusCode.BadGateway : HttpStatusCode.OK);
        using var provider = services.BuildServiceProvider();
        var factory = provider.GetServices<IMarketplaceClientFactory>().OfType<TestFactory>().Single();

        // Act
        using var response = await factory.Http(new ChannelOptions { Id = "test-hcm", Marketplace = "test", BaseUrl = new Uri("http://127.0.0.1:9/") })
            .GetAsync(new Uri("items", UriKind.Relative), TestContext.Current.CancellationToken);

        // Assert: the read was retried by the pipeline, and the adapter's handler (innermost) ran for both attempts.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["test-hcm Secrets:test-hcm", "test-hcm Secrets:test-hcm"], signed);
    }

    [Fact]
    public void AddMarketplace_CalledTwice_RegistersEachChannelAndServiceOnce()
    {
        // Arrange
        var configuration = Configuration();
        var services = new ServiceCollection();

        // Act
        Register(services, configuration, [], () => HttpStatusCode.OK);
        Register(services, configuration, [], () => HttpStatusCode.OK);
        using var provider = services.BuildServiceProvider();

        // Assert
        var registry = Assert.Single(provider.GetServices<MarketplaceChannelRegistry<TestOptions>>());
        Assert.Equal(["test-hcm"], registry.Ids);
        Assert.Single(provider.GetServices<IMarketplaceClientFactory>());
        Assert.Equal(TimeSpan.FromSeconds(5), provider.GetRequiredService<IOptionsMonitor<TestOptions>>().Get("test-hcm").AttemptTimeout);
    }

    [Fact]
    public void AddMarketplace_WithoutClientFactory_ThrowsNamingWhatIsMissing()
    {
        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddMarketplace<TestOptions>(
            Configuration(), "test", "Test", m => m
                .BindOptions((options, section) => options.Bind(section))
                .UseResilience((pipeline, options) => MarketplaceHttpResilience.AddReadRetryAndTimeout(pipeline, TimeSpan.Zero, options.AttemptTimeout))));

        // Assert
        Assert.Contains("UseClientFactory", ex.Message, StringComparison.Ordinal);
    }

    public sealed class TestOptions
    {
        public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
    }

    private sealed class TestFactory(
        IHttpClientFactory httpClients, IOptionsMonitor<TestOptions> options, MarketplaceChannelRegistry<TestOptions> registry)
        : MarketplaceClientFactory<TestOptions>(httpClients, options, registry, "AddTestMarketplace", "the test host.")
    {
        public HttpClient Http(ChannelOptions channel) => ChannelHttpClient(channel);

        public override IMarketplaceClient Create(ChannelOptions channel) => throw new NotSupportedException();

        protected override MarketplaceCapabilities CapabilitiesFor(TestOptions options) => throw new NotSupportedException();
    }

    private sealed class RecordingHandler(List<string> signed, string entry) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            signed.Add(entry);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private sealed class AnsweringHandler(Func<HttpStatusCode> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(answer()));
    }
}
