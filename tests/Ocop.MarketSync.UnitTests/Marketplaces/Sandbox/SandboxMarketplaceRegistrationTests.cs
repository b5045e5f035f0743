using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sandbox;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Registration;

namespace Ocop.MarketSync.UnitTests.Marketplaces.Sandbox;

public sealed class SandboxMarketplaceRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSandboxMarketplace(configuration);
        return services.BuildServiceProvider();
    }

    private static IMarketplaceClientFactory Factory(ServiceProvider provider) =>
        provider.GetServices<IMarketplaceClientFactory>().Single(f => f.Marketplace == "sandbox");

    private static ChannelOptions Channel(string id, string marketplace = "sandbox") =>
        new() { Id = id, Marketplace = marketplace, BaseUrl = new Uri("http://127.0.0.1:9/") };

    [Fact]
    public void AddSandboxMarketplace_SandboxAndOtherChannels_GivesOnlySandboxChannelsAClient()
    {
        // Arrange
        using var provider = Build(new()
        {
            ["Channels:sandbox-hcm:Marketplace"] = "sandbox",
            ["Channels:shopee-hcm:Marketplace"] = "shopee",
        });
        var registry = provider.GetRequiredService<MarketplaceChannelRegistry<SandboxChannelOptions>>();

        // Act
        var client = Factory(provider).Create(Channel("sandbox-hcm"));

        // Assert
        Assert.Equal("sandbox", client.Capabilities.Marketplace);
        Assert.True(registry.Contains("sandbox-hcm"));
        Assert.False(registry.Contains("shopee-hcm"));
    }

    [Fact]
    public void AddSandboxMarketplace_CalledTwice_OneFactoryAndOneRegistry()
    {
        // Arrange
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Channels:sandbox-hcm:Marketplace"] = "sandbox",
        }).Build();
        var services = new ServiceCollection();

        // Act
        services.AddSandboxMarketplace(configuration).AddSandboxMarketplace(configuration);
        using var provider = services.BuildServiceProvider();

        // Assert
        Assert.Single(provider.GetServices<IMarketplaceClientFactory>());
        Assert.Single(provider.GetServices<MarketplaceChannelRegistry<SandboxChannelOptions>>());
    }

    [Fact]
    public void Create_ChannelNotInConfiguration_ThrowsNamingIt()
    {
        // Arrange
        using var provider = Build([]);

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() => Factory(provider).Create(Channel("sandbox-late")));

        // Assert
        Assert.StartsWith("Channel 'sandbox-late' was not under Channels with Marketplace=sandbox", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ChannelOfAnotherMarketplace_Throws()
    {
        // Arrange
        using var provider = Build([]);

        // Act
        var ex = Assert.Throws<ArgumentException>(() => Factory(provider).Create(Channel("shopee-hcm", "shopee")));

        // Assert
        Assert.StartsWith("Channel 'shopee-hcm' is of marketplace 'shopee', not 'sandbox'.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NoBaseUrl_ThrowsNamingTheKey()
    {
        // Arrange
        using var provider = Build(new() { ["Channels:sandbox-hcm:Marketplace"] = "sandbox" });

        // Act
        var ex = Assert.Throws<InvalidOperationException>(() =>
            Factory(provider).Create(new ChannelOptions { Id = "sandbox-hcm", Marketplace = "sandbox" }));

        // Assert
        Assert.Equal("Channels:sandbox-hcm:BaseUrl is required: the address of the sandbox marketplace API.", ex.Message);
    }

    [Fact]
    public void ChannelOptions_BadValueInConfiguration_FailsValidationNamingTheKey()
    {
        // Arrange
        using var provider = Build(new()
        {
            ["Channels:sandbox-hcm:Marketplace"] = "sandbox",
            ["Channels:sandbox-hcm:Sandbox:WriteBatchSize"] = "0",
        });

        // Act
        var ex = Assert.Throws<OptionsValidationException>(() =>
            provider.GetRequiredService<IOptionsMonitor<SandboxChannelOptions>>().Get("sandbox-hcm"));

        // Assert
        Assert.Equal("Channels:sandbox-hcm:Sandbox:WriteBatchSize must be from 1 to 1000 (got 0).", ex.Message);
    }
}
