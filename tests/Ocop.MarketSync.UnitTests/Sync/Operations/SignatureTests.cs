using System.Text;
using Microsoft.AspNetCore.Http;
using Ocop.MarketSync.Api.Registry;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sync.Operations;

namespace Ocop.MarketSync.UnitTests.Sync.Operations;

/// <summary>The HMAC contracts of the registry change notification and of the notice webhook.</summary>
public sealed class SignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_796_000_000);
    private static readonly RegistryChangeOptions Options = new() { Secret = "bí-mật" };

    [Fact]
    public void Sign_KnownVector_MatchesAnIndependentComputation()
    {
        // printf '1796000000.{"a":1}' | openssl dgst -sha256 -hmac 'secret'
        var signature = RegistryChangeNotifier.Sign(Encoding.UTF8.GetBytes("secret"), "1796000000", Encoding.UTF8.GetBytes("{\"a\":1}"));

        Assert.Equal("sha256=" + Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("secret"), Encoding.UTF8.GetBytes("1796000000.{\"a\":1}"))), signature);
        Assert.Equal(signature, WebhookNotifier.Sign("secret", "1796000000", Encoding.UTF8.GetBytes("{\"a\":1}")));
    }

    [Fact]
    public void Verify_SignedByTheRegistry_IsAccepted()
    {
        var body = Encoding.UTF8.GetBytes("{\"registryIds\":[\"REG-00002\"]}");

        Assert.Null(RegistryChangeEndpoints.Verify(Headers("1796000000", Signed(body, "1796000000")), body, Options, Now));
    }

    [Theory]
    [InlineData("{\"registryIds\":[\"REG-00003\"]}", "1796000000")]
    [InlineData("{\"registryIds\":[\"REG-00002\"]}", "1795999000")]
    public void Verify_BodyChangedOrSignatureReplayedLater_IsRefused(string sent, string timestamp)
    {
        var signedBody = Encoding.UTF8.GetBytes("{\"registryIds\":[\"REG-00002\"]}");

        var refusal = RegistryChangeEndpoints.Verify(Headers(timestamp, Signed(signedBody, timestamp)), Encoding.UTF8.GetBytes(sent),
            Options, timestamp == "1796000000" ? Now : Now.AddMinutes(20));

        Assert.NotNull(refusal);
    }

    [Fact]
    public void Verify_NoHeaders_IsRefusedNamingThem()
    {
        Assert.Contains("X-Registry-Signature", RegistryChangeEndpoints.Verify(new HeaderDictionary(), [], Options, Now), StringComparison.Ordinal);
    }

    private static string Signed(byte[] body, string timestamp) => RegistryChangeNotifier.Sign(Encoding.UTF8.GetBytes(Options.Secret!), timestamp, body);

    private static HeaderDictionary Headers(string timestamp, string signature) => new()
    {
        ["X-Registry-Timestamp"] = timestamp,
        ["X-Registry-Signature"] = signature,
    };
}
