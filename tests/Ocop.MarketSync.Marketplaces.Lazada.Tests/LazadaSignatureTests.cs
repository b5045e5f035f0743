using System.Security.Cryptography;
using System.Text;

namespace Ocop.MarketSync.Marketplaces.Lazada.Tests;

/// <summary>The lazop signer against the docs' worked example and against signatures spelled out by hand.</summary>
public sealed class LazadaSignatureTests
{
    [Fact]
    public void Sign_DocsWorkedExample_ReproducesThePublishedSignature()
    {
        // Arrange: the example of Lazada's signature guide (MARKETPLACES.md §3.3).
        var parameters = new Dictionary<string, string>
        {
            ["app_key"] = "123456", ["access_token"] = "test", ["timestamp"] = "1517820392000", ["sign_method"] = "sha256", ["order_id"] = "1234",
        };

        // Act
        var sign = LazadaSignature.Sign("/order/get", parameters, "helloworld");

        // Assert
        Assert.Equal("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A", sign);
    }

    [Fact]
    public void Sign_VietnameseJsonPayload_SignsTheRawUtf8ValueAfterThePath()
    {
        // Arrange
        const string payload = """{"Request":{"Product":{"Attributes":{"name":"Mật ong hoa nhãn Hưng Yên 500g & quà"}}}}""";
        var parameters = new Dictionary<string, string>
        {
            ["payload"] = payload, ["app_key"] = "100001", ["timestamp"] = "1764400000000", ["sign_method"] = "sha256", ["access_token"] = "tok",
        };
        var message = "/product/create" + "access_tokentok" + "app_key100001" + "payload" + payload + "sign_methodsha256" + "timestamp1764400000000";

        // Act
        var sign = LazadaSignature.Sign("/product/create", parameters, "bí-mật");

        // Assert
        Assert.Equal(Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes("bí-mật"), Encoding.UTF8.GetBytes(message))), sign);
        Assert.Equal(sign.ToUpperInvariant(), sign);
    }

    [Fact]
    public void Sign_NamesDifferingInCaseAndUnderscore_SortsByOrdinalNotCulture()
    {
        // Arrange: ordinal puts "Ab" < "aB" < "a_b"; a culture-aware sort would not.
        var parameters = new Dictionary<string, string> { ["a_b"] = "3", ["aB"] = "2", ["Ab"] = "1", ["sign"] = "ignored" };
        var message = "/x" + "Ab1" + "aB2" + "a_b3";

        // Act
        var sign = LazadaSignature.Sign("/x", parameters, "k");

        // Assert
        Assert.Equal(Convert.ToHexString(HMACSHA256.HashData("k"u8, Encoding.UTF8.GetBytes(message))), sign);
    }

    [Fact]
    public void Sign_ValuesNeedingUrlEscaping_SignsThemUnescaped()
    {
        // Arrange: the signature covers values before any URL/form encoding.
        var parameters = new Dictionary<string, string> { ["sku_seller_list"] = """["OCOP-1","A B&C=D+é"]""", ["update_after"] = "2026-01-01T00:00:00+07:00" };

        // Act
        var sign = LazadaSignature.Sign("/products/get", parameters, "s");

        // Assert
        Assert.Equal(FormRequest.ReferenceSign("/products/get", parameters, "s"), sign);
        Assert.NotEqual(LazadaSignature.Sign("/products/get", new Dictionary<string, string>
        {
            ["sku_seller_list"] = Uri.EscapeDataString(parameters["sku_seller_list"]), ["update_after"] = parameters["update_after"],
        }, "s"), sign);
    }

    [Fact]
    public void SignPush_AppKeyAndRawBody_IsLowercaseHexOfHmacWithTheSecret()
    {
        // Arrange
        var body = Encoding.UTF8.GetBytes("""{"seller_id":"200000123","message_type":3,"data":{"item_id":"1"},"site":"lazada_vn"}""");

        // Act
        var sign = LazadaSignature.SignPush("100001", body, "secret");

        // Assert
        Assert.Equal(Convert.ToHexStringLower(HMACSHA256.HashData("secret"u8, [.. "100001"u8, .. body])), sign);
    }
}
