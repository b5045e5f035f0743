using System.Globalization;
using System.Text.Json.Nodes;
using Ocop.MarketSync.Sandbox.Registry;

namespace Ocop.MarketSync.Benchmarks;

/// <summary>
/// N registry products made from the eligible physical goods of the sample data (so every one becomes a listing on
/// every channel), each with its own registry id and a price that varies.
/// </summary>
internal static class GeneratedProducts
{
    public static RegistrySandbox Create(int count)
    {
        using var stream = RegistrySandbox.OpenSampleData();
        var sample = JsonNode.Parse(stream)!.AsArray().OfType<JsonObject>()
            .Where(p => p["groupCode"]?.GetValue<string>() != "VI" && p["priceVnd"] is not null)
            .Where(p => p["registryId"]!.GetValue<string>() is not ("REG-00008" or "REG-00040"))
            .ToList();
        return new RegistrySandbox(Enumerable.Range(0, count).Select(i =>
        {
            var product = (JsonObject)sample[i % sample.Count].DeepClone();
            product["registryId"] = "BEN-" + i.ToString("D6", CultureInfo.InvariantCulture);
            product["priceVnd"] = 20000 + (i % 500 * 1000);
            return product;
        }));
    }
}
