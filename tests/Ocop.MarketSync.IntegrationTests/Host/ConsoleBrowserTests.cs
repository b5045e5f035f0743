using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>
/// The staff console as staff use it, in a real Chromium against the real service on PostgreSQL with the sandbox
/// registry and marketplaces: Vietnamese pages, the attention queue's buttons, and what a viewer may not do.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class ConsoleBrowserTests(ServiceHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Operator_FindsAnExpiredProduct_RetriesAFailure_ApprovesAHeldPriceOnEveryChannel()
    {
        await host.WaitForProductsAsync(60, Patience);
        var marketplaces = host.Services.GetRequiredService<IReadOnlyList<EmbeddedMarketplace>>();
        await WaitAsync(() => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-REG-00004").Count == 1 && m.Sandbox.FindBySku("OCOP-REG-00005").Count == 1), "first push");
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.LogInAsync(host, ServiceHost.Username, ServiceHost.Password);

        // REG-00008: the certificate expired; the page says so in Vietnamese with the date.
        var until = await ReadAsync(db => db.Products.Where(p => p.RegistryId == "REG-00008").Select(p => p.CertificateValidUntil).SingleAsync());
        await page.GotoAsync(Url("hangfire/console/products?q=reg-00008"));
        await page.ClickAsync("#products a:has-text('REG-00008')");
        Assert.Equal($"Đã hết hạn ngày {until:dd/MM/yyyy}", (await page.InnerTextAsync("#certificate-state")).Trim());
        Assert.Contains("Giấy chứng nhận OCOP đã hết hạn", await page.InnerTextAsync("#listings"), StringComparison.Ordinal);
        Assert.Contains("certificate.expired", await page.InnerTextAsync("#listings"), StringComparison.Ordinal);

        // A listing fails on sandbox-c: the marketplace bans the item, then refuses the stock change.
        var channelC = marketplaces.Single(m => m.ChannelId == "sandbox-c").Sandbox;
        var item = channelC.FindBySku("OCOP-REG-00004").Single();
        channelC.Ban(item.RemoteId);
        host.Services.GetRequiredService<RegistrySandbox>().Change("REG-00004", p => p["stock"] = 90);
        await WaitAsync(() => StateAsync("REG-00004", "sandbox-c").Result == ListingState.Rejected, "the stock change refused");
        channelC.Edit(item.RemoteId, i => i with { Banned = false });

        await page.GotoAsync(Url("hangfire/console/attention"));
        var row = page.Locator("#attention-failures tr[data-product='REG-00004']");
        Assert.Contains("Sàn từ chối", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("item is banned", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.Locator("button[data-action='retry']").ClickAsync();
        Assert.Contains("Thử lại", await page.InnerTextAsync("#action-result"), StringComparison.Ordinal);
        await WaitAsync(() => StateAsync("REG-00004", "sandbox-c").Result == ListingState.Active, "retried listing Active");
        await page.GotoAsync(Url("hangfire/console/products/REG-00004"));
        Assert.Equal("Đang bán", (await page.InnerTextAsync("#listings tr[data-channel='sandbox-c'] .listing-state")).Trim());
        Assert.Equal(0, await page.Locator("#attention-failures tr[data-product='REG-00004']").CountAsync());
        Assert.Contains(ServiceHost.Username, await page.InnerTextAsync("#history"), StringComparison.Ordinal);

        // +200 %: held on every channel, approved once for all of them.
        var old = marketplaces[0].Sandbox.FindBySku("OCOP-REG-00005").Single().PriceVnd;
        host.Services.GetRequiredService<RegistrySandbox>().Change("REG-00005", p => p["priceVnd"] = 495_000);
        await WaitAsync(() => HeldAsync("REG-00005").Result == marketplaces.Count, "price held on every channel");
        await page.GotoAsync(Url("hangfire/console/attention"));
        var held = page.Locator("#attention-prices tr[data-product='REG-00005']");
        var text = await held.InnerTextAsync();
        Assert.Contains("495.000 ₫", text, StringComparison.Ordinal);
        Assert.Contains(old.ToString("N0", CultureInfo.GetCultureInfo("vi-VN")) + " ₫", text, StringComparison.Ordinal);
        Assert.Contains("+200 %", text, StringComparison.Ordinal);
        await held.Locator("input[type=checkbox]").CheckAsync();
        string? confirmation = null;
        page.Dialog += async (_, dialog) =>
        {
            confirmation = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.ClickAsync("#bulk-approve-button");
        await page.WaitForSelectorAsync("#action-result");
        Assert.Contains("mọi kênh", confirmation, StringComparison.Ordinal);
        Assert.Contains($"3 / 3", await page.InnerTextAsync("#action-result"), StringComparison.Ordinal);
        await WaitAsync(() => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-REG-00005").Single().PriceVnd == 495_000), "the new price on every marketplace");
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#attention-prices tr[data-product='REG-00005']").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "console-attention.png"), FullPage = true });
    }

    [Fact]
    public async Task Viewer_SeesNoButtons_ItsPostsAndPostsWithoutAntiforgeryChangeNothing_HangfireIsReadOnly()
    {
        await host.WaitForProductsAsync(60, Patience);
        var marketplaces = host.Services.GetRequiredService<IReadOnlyList<EmbeddedMarketplace>>();
        await WaitAsync(() => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-REG-00001").Count == 1), "first push");
        var listingId = await ReadAsync(db => db.Listings.Where(l => l.RegistryId == "REG-00001" && l.ChannelId == "sandbox-a").Select(l => l.Id).SingleAsync());
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var viewer = await browser.LogInAsync(host, ServiceHost.Viewer, ServiceHost.ViewerPassword);
        var operatorPage = await browser.LogInAsync(host, ServiceHost.Username, ServiceHost.Password);

        // Hangfire's own pages: Delete and Trigger for the operator, not for the viewer.
        await operatorPage.GotoAsync(Url("hangfire/recurring"));
        Assert.True(await operatorPage.Locator("button:has-text('Delete')").CountAsync() > 0, "the operator should see Delete");
        await viewer.GotoAsync(Url("hangfire/recurring"));
        Assert.Equal(0, await viewer.Locator("button:has-text('Delete')").CountAsync());
        Assert.Equal(0, await viewer.Locator("button:has-text('Trigger now')").CountAsync());

        // The console: the same page, no buttons.
        await viewer.GotoAsync(Url("hangfire/console/products/REG-00001"));
        Assert.True(await viewer.Locator("#read-only").IsVisibleAsync());
        Assert.Equal(0, await viewer.Locator("form[method=post] button, button[data-action]").CountAsync());

        // Forged posts: the viewer's cookie with a valid token, and the operator's cookie without one.
        var viewerPost = await viewer.APIRequest.PostAsync(Url("hangfire/console/actions"), new APIRequestContextOptions
        {
            Form = Form(viewer.APIRequest, ("action", "retry"), ("listing", listingId.ToString(CultureInfo.InvariantCulture)), ("back", "/console/attention")),
            MaxRedirects = 0,
        });
        var operatorForged = await operatorPage.APIRequest.PostAsync(Url("hangfire/console/actions"), new APIRequestContextOptions
        {
            Form = Form(operatorPage.APIRequest, ("action", "retry"), ("listing", listingId.ToString(CultureInfo.InvariantCulture)), ("back", "/console/attention")),
            MaxRedirects = 0,
        });
        Assert.Equal((int)HttpStatusCode.Forbidden, viewerPost.Status);
        Assert.Equal((int)HttpStatusCode.Forbidden, operatorForged.Status);
        Assert.Equal(0, await ReadAsync(db => db.StaffActions.CountAsync(a => a.ListingId == listingId)));

        // The API refuses the viewer too (Basic credentials).
        using var api = host.Anonymous();
        api.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{ServiceHost.Viewer}:{ServiceHost.ViewerPassword}")));
        using var refused = await api.PostAsync($"api/listings/{listingId}/retry", null, TestContext.Current.CancellationToken);
        using var read = await api.GetAsync("api/channels", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(0, await ReadAsync(db => db.StaffActions.CountAsync(a => a.ListingId == listingId)));
    }

    [Fact]
    public async Task Operator_ChannelsPage_ShowsHealthAndCounts_ReconcileNowIsAuditedWithWhoAskedForIt()
    {
        await host.WaitForProductsAsync(60, Patience);
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.LogInAsync(host, ServiceHost.Username, ServiceHost.Password);
        var before = await ReadAsync(db => db.StaffActions.CountAsync(a => a.Action == "reconcile-now" && a.ChannelId == "sandbox-b"));

        // Someone changed REG-00006's price in seller centre: the reconciliation will find it drifted.
        var marketplaces = host.Services.GetRequiredService<IReadOnlyList<EmbeddedMarketplace>>();
        await WaitAsync(() => marketplaces.Single(m => m.ChannelId == "sandbox-b").Sandbox.FindBySku("OCOP-REG-00006").Count == 1, "REG-00006 listed");
        var sandboxB = marketplaces.Single(m => m.ChannelId == "sandbox-b").Sandbox;
        sandboxB.Edit(sandboxB.FindBySku("OCOP-REG-00006").Single().RemoteId, i => i with { PriceVnd = i.PriceVnd + 1000 });

        await page.GotoAsync(Url("hangfire/console/channels"));
        var row = page.Locator("#channels tr[data-channel='sandbox-b']");
        Assert.Contains("Hoạt động bình thường", await row.InnerTextAsync(), StringComparison.Ordinal);
        await row.Locator("button[data-action='reconcile-now']").ClickAsync();

        Assert.Contains("Đối soát ngay: Đã thực hiện: 1 / 1", await page.InnerTextAsync("#action-result"), StringComparison.Ordinal);
        Assert.Equal(before + 1, await ReadAsync(db => db.StaffActions.CountAsync(a => a.Action == "reconcile-now" && a.ChannelId == "sandbox-b" && a.User == ServiceHost.Username)));
        Assert.True(await ReadAsync(db => db.ReconciliationRuns.AnyAsync(r => r.ChannelId == "sandbox-b" && r.RequestedBy == ServiceHost.Username)));

        // The drift found is one click away from the channel's row: the item, what differed, the product.
        await WaitAsync(() => ReadAsync(db => db.ReconciliationRuns.AnyAsync(r => r.ChannelId == "sandbox-b" && r.RequestedBy == ServiceHost.Username
            && r.Status == ReconciliationStatus.Succeeded)).Result, "reconciliation finished");
        await page.GotoAsync(Url("hangfire/console/channels"));
        await page.Locator("#channels tr[data-channel='sandbox-b'] a:has-text('Lệch dữ liệu')").ClickAsync();
        var finding = page.Locator("#findings tr:has-text('OCOP-REG-00006')");
        Assert.Contains("Lệch dữ liệu", await finding.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("price", await finding.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await finding.Locator("a:has-text('REG-00006')").ClickAsync();
        Assert.Contains("REG-00006", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staff_ReportsPage_ShowsCoverageByProvinceChannelAndGroup_WithTheApiNumbersAndACsv()
    {
        await host.WaitForProductsAsync(60, Patience);
        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.LogInAsync(host, ServiceHost.Username, ServiceHost.Password);
        using var api = host.Staff();

        await page.GotoAsync(Url("hangfire/console/attention"));
        await page.ClickAsync("a:has-text('Báo cáo')");
        await page.ClickAsync("#report-by a:has-text('Theo kênh')");

        // The page's total row is the API's report of the same day, and every channel has a bar.
        var report = await api.GetFromJsonAsync<JsonElement>("api/reports/coverage?by=channel", TestContext.Current.CancellationToken);
        var total = report.GetProperty("total");
        var cells = (await page.InnerTextAsync("#report-total")).Split('\t');
        Assert.Equal("Tổng cộng", cells[0].Trim());
        Assert.Equal(total.GetProperty("certified").GetInt32().ToString(CultureInfo.InvariantCulture), cells[1].Trim());
        Assert.StartsWith(total.GetProperty("eligible").GetInt32().ToString(CultureInfo.InvariantCulture) + " ", cells[2].Trim(), StringComparison.Ordinal);
        Assert.Equal(3, await page.Locator("#report-chart .oc-chart-row").CountAsync());
        Assert.Contains("Có chứng nhận", await page.InnerTextAsync("#report-table thead"), StringComparison.Ordinal);

        // The CSV button is the API's CSV of the dimension shown.
        var href = await page.GetAttributeAsync("#report-csv", "href");
        Assert.Equal("/api/reports/coverage?by=channel&format=csv", href);
        var csv = await page.APIRequest.GetAsync(Url(href!.TrimStart('/')));
        Assert.Equal(200, csv.Status);
        Assert.StartsWith("text/csv", csv.Headers["content-type"], StringComparison.Ordinal);
    }

    private static IFormData Form(IAPIRequestContext context, params (string Name, string Value)[] fields)
    {
        var form = context.CreateFormData();
        foreach (var (name, value) in fields)
        {
            form.Append(name, value);
        }

        return form;
    }

    private string Url(string relative) => new Uri(host.BaseAddress, relative).ToString();

    private async Task<T> ReadAsync<T>(Func<MarketSyncDbContext, Task<T>> read)
    {
        using var scope = host.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>());
    }

    private Task<ListingState?> StateAsync(string registryId, string channelId) =>
        ReadAsync(db => db.Listings.Where(l => l.RegistryId == registryId && l.ChannelId == channelId).Select(l => (ListingState?)l.State).SingleOrDefaultAsync());

    private Task<int> HeldAsync(string registryId) =>
        ReadAsync(db => db.Listings.CountAsync(l => l.RegistryId == registryId && l.HeldPriceVnd != null));

    private async Task WaitAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {Patience} for {what}.{Environment.NewLine}{host.Log.Describe()}");
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }
    }
}
