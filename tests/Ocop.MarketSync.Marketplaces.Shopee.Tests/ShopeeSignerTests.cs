using System.Text;

namespace Ocop.MarketSync.Marketplaces.Shopee.Tests;

/// <summary>
/// Shopee's signatures. The docs' example gives a base string but not its partner key, so the base string is checked
/// against it and the signatures against vectors computed with Python's hmac module (an independent implementation).
/// </summary>
public sealed class ShopeeSignerTests
{
    [Fact]
    public void BaseString_DocsShopInfoExample_MatchesTheDocsBaseString()
    {
        var baseString = ShopeeSigner.BaseString(2001887, "/api/v2/shop/get_shop_info", 1655714431, "59777174636562737266615546704c6d", 14701711);

        Assert.Equal("2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711", baseString);
    }

    [Fact]
    public void Sign_PublicCall_IsLowercaseHmacOfPartnerPathAndTimestamp()
    {
        var sign = ShopeeSigner.Sign("sim-partner-key", 2001887, "/api/v2/auth/token/get", 1764400000);

        Assert.Equal("5380c99a0116537dc67a352fb3d9d35bfc1de7586eb41b6e68d00d3ec3f73ad6", sign);
    }

    [Fact]
    public void Sign_ShopCall_AppendsAccessTokenAndShopId()
    {
        var sign = ShopeeSigner.Sign("sim-partner-key", 2001887, "/api/v2/product/update_stock", 1764400000, "tok-abc", 322300222);

        Assert.Equal("fc0505cb15a7edc83c489913c5c2f2933189277f06342ae30376b64f535f6719", sign);
        Assert.NotEqual(ShopeeSigner.Sign("sim-partner-key", 2001887, "/api/v2/product/update_stock", 1764400000), sign);
    }

    [Fact]
    public void Sign_VietnameseKey_KeyIsTakenAsUtf8Bytes()
    {
        var sign = ShopeeSigner.Sign("khóa-bí-mật", 2001887, "/api/v2/product/get_item_list", 1764400000, "tok-abc", 322300222);

        Assert.Equal("41c3ba24071208e20a3476b4ea551bf28244dad411f0e44b575c36b0e0c5d78f", sign);
    }

    [Fact]
    public void Sign_AnyInput_IsLowercaseHex()
    {
        var sign = ShopeeSigner.Sign("K", 1, "/api/v2/product/add_item", 1);

        Assert.Matches("^[0-9a-f]{64}$", sign);
    }

    [Fact]
    public void PushSignature_ReservedStockVector_MatchesAndOneExtraByteDoesNot()
    {
        const string Body = """{"msg_id":"m1","shop_id":322300222,"code":8,"timestamp":1764400000,"data":{"item_id":800000001,"shop_id":322300222}}""";

        var sign = ShopeeSigner.PushSignature("sim-partner-key", "https://hooks.example.vn/shopee/push", Encoding.UTF8.GetBytes(Body));
        var trailingSpace = ShopeeSigner.PushSignature("sim-partner-key", "https://hooks.example.vn/shopee/push", Encoding.UTF8.GetBytes(Body + " "));

        Assert.Equal("e8a216ab64a12fd3dc7d2e0f532a002876cd5f0b355254717816c5d0d8173b94", sign);
        Assert.NotEqual(sign, trailingSpace);
    }

    [Theory]
    [InlineData("e8a216ab64a12fd3dc7d2e0f532a002876cd5f0b355254717816c5d0d8173b94", true)]
    [InlineData("E8A216AB64A12FD3DC7D2E0F532A002876CD5F0B355254717816C5D0D8173B94", true)]
    [InlineData("e8a216ab64a12fd3dc7d2e0f532a002876cd5f0b355254717816c5d0d8173b95", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SignaturesEqual_Variants_ComparesHexIgnoringCase(string? actual, bool expected) =>
        Assert.Equal(expected, ShopeeSigner.SignaturesEqual("e8a216ab64a12fd3dc7d2e0f532a002876cd5f0b355254717816c5d0d8173b94", actual));

    [Theory]
    [InlineData("http://127.0.0.1:5000/api/v2/product/add_item", "/api/v2/product/add_item")]
    [InlineData("https://proxy.example/shopee/api/v2/product/add_item?x=1", "/api/v2/product/add_item")]
    public void ApiPathOf_BaseWithPrefix_SignsFromApiV2(string url, string expected) =>
        Assert.Equal(expected, ShopeeSigningHandler.ApiPathOf(new Uri(url)));

    [Theory]
    [InlineData("/api/v2/auth/token/get", true)]
    [InlineData("/api/v2/auth/access_token/get", true)]
    [InlineData("/api/v2/media_space/upload_image", true)]
    [InlineData("/api/v2/product/add_item", false)]
    public void IsPublic_Paths_OnlyAuthAndMediaAreSignedWithoutToken(string path, bool expected) =>
        Assert.Equal(expected, ShopeeSigningHandler.IsPublic(path));
}
