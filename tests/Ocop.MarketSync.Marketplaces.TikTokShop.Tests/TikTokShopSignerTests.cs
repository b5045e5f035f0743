using System.Text;
using Microsoft.Extensions.Time.Testing;

namespace Ocop.MarketSync.Marketplaces.TikTokShop.Tests;

/// <summary>
/// The signature, against the docs' worked example and vectors computed with Python's hmac/hashlib from the
/// published algorithm (secret + path + sorted key/value pairs + body + secret, lowercase hex).
/// </summary>
public sealed class TikTokShopSignerTests
{
    private const string Secret = "e59af819cc";

    private static KeyValuePair<string, string>[] Common(params (string Key, string Value)[] more) =>
        [new("app_key", "29a39d"), new("timestamp", "1623812664"), .. more.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))];

    [Fact]
    public void Sign_DocsWorkedExample_MatchesTheDocumentedSignature()
    {
        var sign = TikTokShopSigner.Sign("/authorization/202309/shops", Common(), [], Secret);

        Assert.Equal("b596b73e0cc6de07ac26f036364178ab16b0a907af13d43f0a0cd2345f582dc8", sign);
    }

    [Fact]
    public void Sign_VietnameseJsonBody_SignsTheUtf8BytesAndIgnoresSignAndAccessToken()
    {
        var body = Encoding.UTF8.GetBytes("""{"title":"Mật ong hoa nhãn Hưng Yên 500g - OCOP 4 sao","price":{"amount":"185000","currency":"VND"}}""");

        var sign = TikTokShopSigner.Sign("/product/202309/products",
            Common(("shop_cipher", "ROW_abc"), ("access_token", "tok"), ("sign", "x")), body, Secret);

        Assert.Equal("3a289848f01d2ee271bcc5ca8d5de246324ef90008bdc678d5071bf7caf5e50d", sign);
    }

    [Fact]
    public void Sign_SameTextEscapedAsUnicode_IsADifferentSignature()
    {
        // The body is signed byte for byte: \u1eadt and ậ are the same JSON but not the same bytes.
        var raw = TikTokShopSigner.Sign("/product/202309/products", Common(), Encoding.UTF8.GetBytes("""{"title":"Mật ong"}"""), Secret);
        var escaped = TikTokShopSigner.Sign("/product/202309/products", Common(), Encoding.UTF8.GetBytes("""{"title":"M\u1eadt ong"}"""), Secret);

        Assert.Equal("b83501d321931282388ded6a9ab191d3731c95f2ccbbe81a25ee807907402279", raw);
        Assert.Equal("329412a956be9707c55cb423c4bcb151cce89a927f1751b656935d2fee86aaac", escaped);
    }

    [Fact]
    public void Sign_ParametersNeedingEscaping_SignsUnescapedValuesInOrdinalKeyOrder()
    {
        var sign = TikTokShopSigner.Sign("/product/202309/products/search",
            [new("page_token", "a b&c=d/Đ"), new("timestamp", "1623812664"), new("page_size", "100"), new("app_key", "29a39d")],
            "{}"u8, Secret);

        Assert.Equal("0367d3ca24ac0575d50be3643d8f1ce58ac6682c3ffb41e23e5bdac168e4e1e6", sign);
    }

    [Fact]
    public void Sign_Always_IsLowercaseHex()
    {
        var sign = TikTokShopSigner.Sign("/product/202309/products", Common(), "{}"u8, Secret);

        Assert.Matches("^[0-9a-f]{64}$", sign);
    }

    [Fact]
    public void SignWebhook_AppKeyPlusBody_MatchesPythonHmac()
    {
        var sign = TikTokShopSigner.SignWebhook("29a39d", Encoding.UTF8.GetBytes("""{"type":5,"shop_id":"7494","data":{"product_id":"1729"}}"""), Secret);

        Assert.Equal("ceb2b6df58c23f43383c959f027636a9d04bdfeca94cb3b4add55be29d911305", sign);
    }

    [Fact]
    public async Task RequestSigning_EscapedQueryAndBody_UrlCarriesCommonParametersAndAVerifiableSign()
    {
        // Arrange: a request as Refit builds it, with an escaped page token and an empty parameter.
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        using var request = new HttpRequestMessage(HttpMethod.Post,
            "https://open-api.tiktokglobalshop.com/product/202309/products/search?page_size=100&page_token=a%20b%26c%3Dd%2F%C4%90&empty=&sign=stale")
        {
            Content = TikTokShopRequestSigning.Json("""{"seller_skus":["OCOP-Đắk-1"]}"""),
        };

        // Act
        var body = await TikTokShopRequestSigning.FreezeBodyAsync(request, TestContext.Current.CancellationToken);
        TikTokShopRequestSigning.Sign(request, body, "29a39d", Secret, "token-1", "ROW_abc", time.GetUtcNow());

        // Assert
        var url = request.RequestUri!;
        Assert.Equal("29a39d", TestSigning.Query(url, "app_key"));
        Assert.Equal("1700000000", TestSigning.Query(url, "timestamp"));
        Assert.Equal("ROW_abc", TestSigning.Query(url, "shop_cipher"));
        Assert.Equal("a b&c=d/Đ", TestSigning.Query(url, "page_token"));
        Assert.Null(TestSigning.Query(url, "empty"));
        Assert.Equal(TestSigning.Expected(url, body, Secret), TestSigning.Query(url, "sign"));
        Assert.Equal(body, await request.Content!.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Equal("token-1", Assert.Single(request.Headers.GetValues("x-tts-access-token")));
    }

    [Fact]
    public async Task FreezeBody_Multipart_IsNotSigned()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://h/product/202309/images/upload")
        {
            Content = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3]), "data", "a.jpg" } },
        };

        var body = await TikTokShopRequestSigning.FreezeBodyAsync(request, TestContext.Current.CancellationToken);

        Assert.Empty(body);
        Assert.IsType<MultipartFormDataContent>(request.Content);
    }
}
