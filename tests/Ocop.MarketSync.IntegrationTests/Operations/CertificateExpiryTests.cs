using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sync.Operations;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Ocop.MarketSync.IntegrationTests.Operations;

/// <summary>Certificates end at midnight in Vietnam, not a day early; revocations delist at the next intake; producers are warned.</summary>
public sealed class CertificateExpiryTests(PostgresServer postgres)
{
    /// <summary>23:59:59 and 00:00:00 in Asia/Ho_Chi_Minh (UTC+7) around the end of 2026-11-29.</summary>
    private static readonly DateTimeOffset LastSecondOfDay = new(2026, 11, 29, 16, 59, 59, TimeSpan.Zero);

    [Fact]
    public async Task ExpiryJob_CertificateEndingToday_IsDelistedAtTheDayBoundaryAndNotBefore()
    {
        using var webhook = WireMockServer.Start();
        webhook.Given(Request.Create().WithPath("/notices").UsingPost()).RespondWith(Response.Create().WithStatusCode(204));
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1, settings: new Dictionary<string, string?>
        {
            ["Notifications:Webhook:Url"] = $"http://127.0.0.1:{webhook.Port}/notices",
            ["Notifications:Webhook:Secret"] = "webhook-secret",
        });
        harness.Registry.Change("REG-00002", p => p["certificate"]!["expiresOn"] = "2026-11-29");
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        Assert.Equal(ListingState.Active, await StateAsync(harness, "REG-00002"));

        harness.Clock.SetUtcNow(LastSecondOfDay);
        var lastDay = await RunExpiryAsync(harness);
        await harness.PushAsync("ch-0");

        Assert.Equal(ListingState.Active, await StateAsync(harness, "REG-00002"));
        Assert.True(Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00002")).Active);
        Assert.True(lastDay.WarningsCreated >= 1);

        harness.Clock.Advance(TimeSpan.FromSeconds(1));
        var nextDay = await RunExpiryAsync(harness);
        await harness.PushAsync("ch-0");

        var listing = (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == "REG-00002");
        Assert.Equal(ListingState.Delisted, listing.State);
        Assert.Contains(listing.Desired.Reasons, r => r.Code == "certificate.expired" && r.Message.Contains("2026-11-29", StringComparison.Ordinal));
        Assert.False(Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00002")).Active);
        Assert.Equal(new DateOnly(2026, 11, 30), nextDay.Today);

        // The renewed certificate arrives through intake: the product is listed again, badge and all.
        harness.Registry.Change("REG-00002", p =>
        {
            p["certificate"]!["issuedOn"] = "2026-11-30";
            p["certificate"]!["expiresOn"] = "2029-11-29";
            p["certificate"]!["decisionNumber"] = "3001/QĐ-UBND";
        });
        await harness.PullAsync();
        await harness.PushAsync("ch-0");
        Assert.Equal(ListingState.Active, await StateAsync(harness, "REG-00002"));
        var relisted = Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00002"));
        Assert.True(relisted.Active);
        Assert.Contains("OCOP", relisted.Title, StringComparison.Ordinal);

        // The 30-day warning was recorded once, delivered, and signed over the exact body received.
        var warning = await harness.QueryAsync(db => db.CertificateWarnings.AsNoTracking().SingleAsync(w => w.RegistryId == "REG-00002", TestContext.Current.CancellationToken));
        Assert.Equal((30, new DateOnly(2026, 11, 29)), (warning.LeadDays, warning.ValidUntil));
        Assert.NotNull(warning.NotifiedAt);
        var request = Assert.Single(webhook.LogEntries, e => e.RequestMessage.Body?.Contains("REG-00002", StringComparison.Ordinal) == true).RequestMessage;
        var timestamp = request.Headers!["X-MarketSync-Timestamp"].Single();
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("webhook-secret"), (byte[])[.. Encoding.ASCII.GetBytes(timestamp + "."), .. request.BodyAsBytes!]));
        Assert.Equal(expected, request.Headers["X-MarketSync-Signature"].Single());
        Assert.Contains("Giấy chứng nhận OCOP", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_RevocationTakingEffectToday_DelistsAtTheNextPull()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, channels: 1);
        await harness.PullAsync();
        await harness.PushUntilSettledAsync();
        Assert.Equal(ListingState.Active, await StateAsync(harness, "REG-00003"));

        harness.Registry.Change("REG-00003", p =>
        {
            p["certificate"]!["status"] = "revoked";
            p["certificate"]!["revocation"] = new JsonObject
            {
                ["decisionNumber"] = "999/QĐ-UBND",
                ["revokedOn"] = "2026-11-29",
                ["issuedBy"] = "UBND tỉnh Sóc Trăng",
                ["reason"] = "Vi phạm ghi nhãn",
            };
        });
        await harness.PullAsync();
        await harness.PushAsync("ch-0");

        var listing = (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == "REG-00003");
        Assert.Equal(ListingState.Delisted, listing.State);
        Assert.Contains(listing.Desired.Reasons, r => r.Code.StartsWith("certificate.", StringComparison.Ordinal) && r.Message.Contains("revoked", StringComparison.Ordinal));
        Assert.False(Assert.Single(harness.Marketplace("ch-0").FindBySku("OCOP-REG-00003")).Active);
    }

    private static async Task<ListingState> StateAsync(IntakeHarness harness, string registryId) =>
        (await harness.ListingsAsync("ch-0")).Single(l => l.RegistryId == registryId).State;

    private static Task<CertificateExpiryResult> RunExpiryAsync(IntakeHarness harness) =>
        harness.WithServicesAsync(sp => sp.GetRequiredService<CertificateExpiryJob>().RunNowAsync(TestContext.Current.CancellationToken));
}
