using System.Text;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Intake;

/// <summary>Intake of the 60 sample records into PostgreSQL through the registry sandbox.</summary>
public sealed class RegistryIntakeTests(PostgresServer postgres)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task PullIncremental_SampleRegistry_StoresEveryRecordWithItsOutcome(bool sqlite)
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, pageSize: 25, sqlite: sqlite);

        var run = await harness.PullAsync();

        Assert.Equal(IntakeRunStatus.Succeeded, run.Status);
        Assert.Equal(3, run.Pages);
        Assert.Equal((60, 60, 57, 2, 1), (run.Received, run.Inserted, run.Eligible, run.Ineligible, run.Quarantined));
        var products = await harness.ProductsAsync();
        Assert.Equal(60, products.Count);
        Assert.Equal(57, products.Count(p => p.Outcome == ProductOutcome.Eligible));
        Assert.Equal("c60", await harness.CursorAsync());
    }

    [Fact]
    public async Task PullIncremental_TrapRecords_EachGetsItsStatedOutcome()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres);

        await harness.PullAsync();

        var expired = await harness.ProductAsync("REG-00008");
        Assert.Equal(ProductOutcome.Ineligible, expired.Outcome);
        Assert.Contains(expired.Issues, i => i.Code == "certificate.expired" && i.Message == "certificate expired on 2025-09-19");

        var revoked = await harness.ProductAsync("REG-00040");
        Assert.Equal(ProductOutcome.Ineligible, revoked.Outcome);
        Assert.Contains(revoked.Issues, i => i.Code == "certificate.revoked" && i.Message.Contains("4471/QĐ-UBND", StringComparison.Ordinal));

        foreach (var id in new[] { "REG-00057", "REG-00058", "REG-00059", "REG-00060" })
        {
            var service = await harness.ProductAsync(id);
            Assert.True(service.IsService, id);
            Assert.Equal("VI", service.Data.GroupCode);
        }

        var badGtin = await harness.ProductAsync("REG-00018");
        Assert.Equal(ProductOutcome.Eligible, badGtin.Outcome);
        Assert.Null(badGtin.Data.Gtin);
        Assert.Equal("8935390603003", badGtin.Data.GtinAsReceived);
        Assert.Contains(badGtin.Issues, i => i.Code == "gtin.checkDigit");

        var longName = await harness.ProductAsync("REG-00001");
        Assert.Equal(256, longName.Name!.Length);

        var script = await harness.ProductAsync("REG-00032");
        Assert.DoesNotContain("<script", script.Data.DescriptionHtml!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("onerror", script.Data.DescriptionHtml!, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(script.Issues, i => i.Code == "description.sanitized");

        var noStock = await harness.ProductAsync("REG-00013");
        Assert.Equal((ProductOutcome.Eligible, 0), (noStock.Outcome, noStock.Data.Stock));

        var noPrice = await harness.ProductAsync("REG-00021");
        Assert.Equal(ProductOutcome.Quarantined, noPrice.Outcome);
        Assert.Contains(noPrice.Issues, i => i.Code == "price.missing" && i.Message == "price missing");
        Assert.Null(noPrice.Data.PriceVnd);

        var nfd = await harness.ProductAsync("REG-00026");
        Assert.True(nfd.Name!.IsNormalized(NormalizationForm.FormC));
        Assert.True(nfd.Data.Producer!.Name!.IsNormalized(NormalizationForm.FormC));
        Assert.True(nfd.Data.DescriptionText!.IsNormalized(NormalizationForm.FormC));
        Assert.Contains(nfd.Issues, i => i.Code == "text.normalized");

        var legacy = await harness.ProductAsync("REG-00010");
        Assert.Equal(("Hải Phòng", "31", "Hải Dương"), (legacy.Province, legacy.ProvinceCode, legacy.Data.Producer!.ProvinceAsReceived));
    }

    [Fact]
    public async Task PullFull_NothingChanged_WritesNoProductRow()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, pageSize: 25);
        await harness.PullAsync();
        var before = await harness.RowVersionsAsync();

        var full = await harness.PullFullAsync();
        var incremental = await harness.PullAsync();

        Assert.Equal((60, 0, 0, 60), (full.Received, full.Inserted, full.Updated, full.Unchanged));
        Assert.Equal((0, 0, 0), (incremental.Received, incremental.Inserted, incremental.Updated));
        Assert.Equal(before, await harness.RowVersionsAsync());
    }

    [Fact]
    public async Task PullIncremental_PriceChangedInRegistry_UpdatesOnlyThatProduct()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres);
        await harness.PullAsync();
        var before = await harness.RowVersionsAsync();

        harness.Registry.Change("REG-00002", p => p["priceVnd"] = 229000);
        var run = await harness.PullAsync();

        Assert.Equal((1, 0, 1), (run.Received, run.Inserted, run.Updated));
        Assert.Equal(229000, (await harness.ProductAsync("REG-00002")).Data.PriceVnd);
        var after = await harness.RowVersionsAsync();
        Assert.Equal(["REG-00002"], after.Where(kv => before[kv.Key] != kv.Value).Select(kv => kv.Key));
    }

    [Fact]
    public async Task PullIncremental_RevocationArrives_ProductBecomesIneligible()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres);
        await harness.PullAsync();

        harness.Registry.Change("REG-00002", p => p["certificate"]!["revocation"] = new System.Text.Json.Nodes.JsonObject
        {
            ["decisionNumber"] = "99/QĐ-UBND",
            ["revokedOn"] = "2026-11-28",
            ["issuedBy"] = "UBND thành phố Cần Thơ",
            ["reason"] = "Ngừng sản xuất",
        });
        await harness.PullAsync();

        var product = await harness.ProductAsync("REG-00002");
        Assert.Equal(ProductOutcome.Ineligible, product.Outcome);
        Assert.Contains(product.Issues, i => i.Code == "certificate.revoked" && i.Message.Contains("2026-11-28", StringComparison.Ordinal));
    }
}
