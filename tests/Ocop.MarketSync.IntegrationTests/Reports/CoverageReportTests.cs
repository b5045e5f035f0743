using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ocop.MarketSync.Api.Reports;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Reports;

/// <summary>
/// GET /api/reports/coverage over HTTP after the 60 sample products were pulled and synced to two sandbox channels
/// (categories for sets 1–25, no services). Expected numbers come from the stored rows counted in memory, and from
/// the sample data's known facts: 60 products, REG-00008 expired, REG-00040 revoked, REG-00021 quarantined with a
/// valid certificate, REG-00057–60 services; so 58 certified, 57 eligible, 53 listable and Active per channel.
/// </summary>
public sealed class CoverageReportTests(PostgresServer postgres)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <param name="sync">Pull and push first; checks of the request alone do without.</param>
    private async Task<(IntakeHarness Harness, ReportsApiHost Api)> StartAsync(bool sqlite = false, bool sync = true)
    {
        var harness = await IntakeHarness.CreateAsync(postgres, channels: 2, sqlite: sqlite);
        if (sync)
        {
            await harness.PullAsync();
            await harness.PushUntilSettledAsync();
        }

        return (harness, await ReportsApiHost.StartAsync(harness, sqlite));
    }

    /// <summary>The province a row counts, as stored ("" for products whose province is unknown).</summary>
    private static string StoredProvince(CoverageRowDto row) => row.Key is null && row.Name == "(unknown)" ? "" : row.Name;

    private static async Task<CoverageReportDto> GetAsync(ReportsApiHost api, string query)
    {
        using var client = api.Client();
        return (await client.GetFromJsonAsync<CoverageReportDto>("api/reports/coverage" + query, Json, Ct))!;
    }

    [Fact]
    public async Task ByProvince_SampleData_MatchesTheStoredProductsAndListings()
    {
        var (harness, api) = await StartAsync();
        await using var _ = harness;
        await using var __ = api;

        var report = await GetAsync(api, "?by=province");

        var products = await harness.ProductsAsync();
        var eligible = products.Where(p => p.Outcome == ProductOutcome.Eligible && p.RetiredAt is null)
            .GroupBy(p => p.Province ?? "").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var provinceOf = products.ToDictionary(p => p.RegistryId, p => p.Province ?? "", StringComparer.Ordinal);
        Assert.Equal(new DateOnly(2026, 11, 29), report.Date);
        Assert.Equal(["ch-0", "ch-1"], report.Channels);
        Assert.Equal(34, report.Rows.Count(r => r.Key is not null));
        var certified = products.Where(p => p.RetiredAt is null && p.RegistryId is not ("REG-00008" or "REG-00040"))
            .GroupBy(p => p.Province ?? "").ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        Assert.All(report.Rows, row => Assert.Equal(
            (certified.GetValueOrDefault(StoredProvince(row)), eligible.GetValueOrDefault(StoredProvince(row))), (row.Certified, row.Eligible)));
        foreach (var channel in harness.Channels)
        {
            var active = (await harness.ListingsAsync(channel)).Where(l => l.State == ListingState.Active)
                .GroupBy(l => provinceOf[l.RegistryId]).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            Assert.All(report.Rows, row => Assert.Equal(active.GetValueOrDefault(StoredProvince(row)), row.Active.Single(a => a.Channel == channel).Active));
        }

        Assert.Equal((58, 57, 98.3m), (report.Total.Certified, report.Total.Eligible, report.Total.EligiblePercent));
        Assert.All(report.Total.Active, a => Assert.Equal((53, (decimal?)93.0m), (a.Active, a.ActivePercent)));
        Assert.Equal(report.Total.Eligible, report.Rows.Sum(r => r.Eligible));
        Assert.Equal(report.Total.Certified, report.Rows.Sum(r => r.Certified));
    }

    [Fact]
    public async Task ByGroup_SampleData_MatchesTheGroupsIntakeStored()
    {
        var (harness, api) = await StartAsync();
        await using var _ = harness;
        await using var __ = api;

        var report = await GetAsync(api, "?by=group");

        // The sample's group labels: 26 food, 8 drinks, 8 herbal, 8 crafts, 6 ornamental, 4 services; minus
        // the expired, revoked and quarantined ones (certified keeps the quarantined one: its certificate is valid).
        var products = await harness.ProductsAsync();
        Assert.Equal(["I", "II", "III", "IV", "V", "VI"], report.Rows.Select(r => r.Key));
        foreach (var row in report.Rows)
        {
            var inGroup = products.Where(p => p.Data.GroupCode == row.Key).ToList();
            var notCertified = inGroup.Count(p => p.RegistryId is "REG-00008" or "REG-00040");
            Assert.Equal(inGroup.Count - notCertified, row.Certified);
            Assert.Equal(inGroup.Count(p => p.Outcome == ProductOutcome.Eligible), row.Eligible);
        }

        Assert.Equal([26, 8, 8, 8, 6, 4], report.Rows.Select(r => products.Count(p => p.Data.GroupCode == r.Key)));
        Assert.Equal("Thực phẩm", report.Rows[0].Name);
        var services = report.Rows[5];
        Assert.All(services.Active, a => Assert.Equal((0, (decimal?)0.0m), (a.Active, a.ActivePercent)));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ByChannel_CountsWhatTheChannelCouldList(bool sqlite)
    {
        var (harness, api) = await StartAsync(sqlite);
        await using var _ = harness;
        await using var __ = api;

        var report = await GetAsync(api, "?by=CHANNEL");

        Assert.Equal(["ch-0", "ch-1"], report.Rows.Select(r => r.Key));
        Assert.All(report.Rows, row =>
        {
            // No services on a goods shop: 58 − 4 certified, 57 − 4 eligible, all of those Active.
            Assert.Equal(("sandbox", 54, 53, (decimal?)98.1m), (row.Name, row.Certified, row.Eligible, row.EligiblePercent));
            var active = Assert.Single(row.Active);
            Assert.Equal((row.Key, 53, (decimal?)100.0m), (active.Channel, active.Active, active.ActivePercent));
        });
        Assert.Equal((58, 57), (report.Total.Certified, report.Total.Eligible));
    }

    [Fact]
    public async Task Certified_EndsAtMidnightInVietnamAndFollowsALaterRevocation()
    {
        var (harness, api) = await StartAsync();
        await using var _ = harness;
        await using var __ = api;
        harness.Registry.Change("REG-00002", p => p["certificate"]!["revocation"] = new System.Text.Json.Nodes.JsonObject
        {
            ["decisionNumber"] = "99/QĐ-UBND",
            ["revokedOn"] = "2026-12-15",
        });
        await harness.PullAsync();

        var beforeRevocation = await GetAsync(api, "");
        harness.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 14, 17, 0, 0, TimeSpan.Zero)); // 00:00 on 15 Dec in Vietnam
        var revoked = await GetAsync(api, "");
        // REG-00054 is valid until 9 Jan 2027: still certified at 23:59 there, no longer at 00:00 (17:00 UTC, same UTC day).
        harness.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 9, 16, 59, 0, TimeSpan.Zero));
        var lastDay = await GetAsync(api, "");
        harness.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 9, 17, 0, 0, TimeSpan.Zero));
        var expired = await GetAsync(api, "");

        Assert.Equal(58, beforeRevocation.Total.Certified);
        Assert.Equal((new DateOnly(2026, 12, 15), 57), (revoked.Date, revoked.Total.Certified));
        Assert.Equal((new DateOnly(2027, 1, 9), 57), (lastDay.Date, lastDay.Total.Certified));
        Assert.Equal((new DateOnly(2027, 1, 10), 56), (expired.Date, expired.Total.Certified));
    }

    [Fact]
    public async Task Csv_ByProvince_IsAnExcelReadyDownloadOfTheSameNumbers()
    {
        var (harness, api) = await StartAsync();
        await using var _ = harness;
        await using var __ = api;
        using var client = api.Client();

        var report = await GetAsync(api, "?by=province");
        using var response = await client.GetAsync("api/reports/coverage?by=province&format=csv", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("ocop-coverage-province-2026-11-29.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "province_code,province,certified,eligible,eligible_of_certified_pct,active_ch-0,active_of_eligible_pct_ch-0,active_ch-1,active_of_eligible_pct_ch-1",
            lines[0]);
        Assert.Equal(report.Rows.Count + 2, lines.Length);
        var hanoi = report.Rows.Single(r => r.Name == "Hà Nội");
        Assert.True(hanoi.Eligible > 0, "the sample data has products from Hà Nội");
        var (a0, a1) = (hanoi.Active[0], hanoi.Active[1]);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture,
            $"01,Hà Nội,{hanoi.Certified},{hanoi.Eligible},{hanoi.EligiblePercent:0.0},{a0.Active},{a0.ActivePercent:0.0},{a1.Active},{a1.ActivePercent:0.0}"), lines);
        Assert.Equal(",Total,58,57,98.3,53,93.0,53,93.0", lines[^1]);
    }

    [Theory]
    [InlineData("?by=state", "by")]
    [InlineData("?by=1", "by")]
    [InlineData("?by=province&format=xlsx", "format")]
    public async Task UnknownByOrFormat_IsA400ProblemNamingTheParameter(string query, string parameter)
    {
        var (harness, api) = await StartAsync(sync: false);
        await using var _ = harness;
        await using var __ = api;
        using var client = api.Client();

        using var response = await client.GetAsync("api/reports/coverage" + query, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Invalid query parameter '{parameter}'", problem.GetProperty("title").GetString());
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task OpenApi_DescribesTheReportPublicly()
    {
        var (harness, api) = await StartAsync(sync: false);
        await using var _ = harness;
        await using var __ = api;
        using var client = api.Client();

        var document = await client.GetFromJsonAsync<JsonElement>("openapi/v1.json", Ct);
        using var anonymous = await client.GetAsync("api/reports/coverage", Ct);

        var operation = document.GetProperty("paths").GetProperty("/api/reports/coverage").GetProperty("get");
        Assert.Contains(operation.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "by");
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
    }
}
