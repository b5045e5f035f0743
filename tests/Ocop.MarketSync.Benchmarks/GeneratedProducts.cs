using Ocop.MarketSync.Sandbox.Registry;

namespace Ocop.MarketSync.Benchmarks;

/// <summary>
/// N registry products made from the eligible physical goods of the sample data (so every one becomes a listing on
/// every channel), each with its own registry id and a price that varies; with <c>images</c> above 0, that many
/// pictures of its own each.
/// </summary>
internal static class GeneratedProducts
{
    public static RegistrySandbox Create(int count, int images = 0) => RegistrySandbox.GeneratedGoods(count, imagesPerProduct: images);
}
