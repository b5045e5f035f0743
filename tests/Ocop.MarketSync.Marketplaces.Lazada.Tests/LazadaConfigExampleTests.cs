using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Channels;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>
/// <c>config/examples/lazada-channel.json</c> requires origin of every product and shelf life of food only: a
/// channel-wide shelf life would have Lazada refuse every handicraft, textile and cosmetic before any call.
/// </summary>
public sealed class LazadaConfigExampleTests
{
    /// <summary>Foods (sets 1–13), bottled water and soft drinks (16, 17), functional foods (18): the sets with a use-by date.</summary>
    private static readonly int[] FoodSets = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 16, 17, 18];

    [Fact]
    public async Task Example_RequiredAttributes_OriginEverywhereShelfLifeForFoodCategoriesOnly()
    {
        // Act
        var (channel, options) = await ExampleAsync();

        // Assert
        Assert.Equal(["country_origin_vn"], options.RequiredAttributes);
        var shelfLife = options.RequiredAttributesByCategory.Where(c => c.Value.Contains("shelf_life")).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(FoodSets, channel.Categories.Where(c => shelfLife.Contains(c.Value)).Select(c => c.Key).Order());
        Assert.Equal(shelfLife.Count, options.RequiredAttributesByCategory.Count);
        Assert.Equal("shelf_life", options.AttributeMap["shelfLifeDays"]);
    }

    [Fact]
    public async Task Example_SampleProducts_EveryProductOfAShelfLifeCategoryHasAShelfLife()
    {
        // Arrange
        var (channel, options) = await ExampleAsync();
        JsonArray products;
        await using (var stream = RegistrySandbox.OpenSampleData())
        {
            products = (JsonArray)(await JsonNode.ParseAsync(stream, cancellationToken: TestContext.Current.CancellationToken))!;
        }

        // Act: the products the example would refuse for want of a shelf life (the engine sends it as shelfLifeDays).
        var refused = products.OfType<JsonObject>()
            .Where(p => options.RequiredAttributesByCategory.ContainsKey(channel.Categories[p["productSet"]!.GetValue<int>()]))
            .Where(p => p["shelfLifeDays"] is null)
            .Select(p => p["registryId"]!.GetValue<string>());

        // Assert
        Assert.Empty(refused);
    }

    private static async Task<(ChannelOptions Channel, LazadaChannelOptions Options)> ExampleAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "Data", "lazada-channel.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["LAZADA_EXAMPLE:AppKey"] = "k", ["LAZADA_EXAMPLE:AppSecret"] = "s" })
            .Build();
        await using var services = new ServiceCollection().AddLazadaMarketplace(configuration).BuildServiceProvider();
        var options = services.GetRequiredService<IOptionsMonitor<LazadaChannelOptions>>().Get("lazada-example");
        return (configuration.GetSection("Channels:lazada-example").Get<ChannelOptions>()!, options);
    }
}
