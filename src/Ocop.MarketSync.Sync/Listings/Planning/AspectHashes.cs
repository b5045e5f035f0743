using System.Security.Cryptography;
using System.Text.Json;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Listings.Planning;

/// <summary>One hash per pushable aspect of a desired listing: only an aspect whose hash moved is sent.</summary>
public sealed record AspectHashes(string Content, string Price, string Stock, string Status)
{
    /// <summary>The status hash of a listing that is to be delisted.</summary>
    public static readonly string Inactive = Hash(false);

    public static AspectHashes Of(DesiredListing desired) => new(
        Hash(new { desired.Title, desired.Description, desired.CategoryId, desired.Images, desired.Gtin, desired.WeightGrams, Attributes = desired.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToList() }),
        Hash(desired.PriceVnd),
        Hash(desired.Stock),
        Hash(desired.Active));

    private static string Hash<T>(T value) =>
        Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(value, JsonColumn.Options)))[..32];
}
