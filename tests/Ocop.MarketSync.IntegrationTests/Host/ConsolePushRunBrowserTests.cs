using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sandbox.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>
/// Kênh bán shows what each channel's last push run did (the pusher's own counts, when, how long), and
/// <c>GET /api/channels</c> returns the same run: a registry change is pushed by the real service, then read back
/// in a real Chromium.
/// </summary>
[Collection(ServiceHostCollection.Name)]
public sealed class ConsolePushRunBrowserTests(ServiceHost host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AfterAPush_ChannelsPageShowsTheRunsCounts_AndTheApiReturnsThem()
    {
        await host.WaitForProductsAsync(60, Patience);
        var marketplaces = host.Services.GetRequiredService<IReadOnlyList<EmbeddedMarketplace>>();
        await WaitAsync(() => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-REG-00003").Count == 1), "REG-00003 listed everywhere");
        var before = DateTime.UtcNow.AddSeconds(-1);

        // A stock change in the registry: every channel's next push updates that one listing.
        // (Each channel applies its own stock rule, so the test waits for a change rather than for a number.)
        var old = marketplaces.ToDictionary(m => m.ChannelId, m => m.Sandbox.FindBySku("OCOP-REG-00003").Single().Stock);
        host.Services.GetRequiredService<RegistrySandbox>().Change("REG-00003", p => p["stock"] = 4321);
        await WaitAsync(() => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-REG-00003").Single().Stock != old[m.ChannelId]), "the new stock on every marketplace");
        await WaitAsync(() => ReadAsync(db => db.ChannelPushRuns.AnyAsync(r => r.ChannelId == "sandbox-a" && r.FinishedAt >= before && r.Updated >= 1)).Result,
            "sandbox-a's push run recorded");

        await using var browser = await ConsoleBrowser.LaunchAsync();
        var page = await browser.LogInAsync(host, ServiceHost.Username, ServiceHost.Password);
        using var api = host.Staff();
        ChannelPushRun run;
        JsonElement lastPush;
        var row = page.Locator("#push-runs tr[data-channel='sandbox-a']");
        while (true)
        {
            // Page, API and table read the same run unless a scheduled push replaced it in between; then read again.
            run = await ReadAsync(db => db.ChannelPushRuns.AsNoTracking().SingleAsync(r => r.ChannelId == "sandbox-a"));
            await page.GotoAsync(Url("hangfire/console/channels"));
            var channels = await api.GetFromJsonAsync<JsonElement>("api/channels", TestContext.Current.CancellationToken);
            lastPush = channels.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "sandbox-a").GetProperty("lastPush");
            var again = await ReadAsync(db => db.ChannelPushRuns.AsNoTracking().SingleAsync(r => r.ChannelId == "sandbox-a"));
            if (again.FinishedAt == run.FinishedAt)
            {
                break;
            }
        }

        Assert.True(run.Updated >= 1 && run.Calls >= 1, $"updated {run.Updated}, calls {run.Calls}");
        Assert.Contains("Lần đẩy gần nhất của từng kênh", await page.InnerTextAsync("h2"), StringComparison.Ordinal);
        Assert.Contains("Cập nhật", await page.InnerTextAsync("#push-runs thead"), StringComparison.Ordinal);
        foreach (var (name, value) in new[] { ("created", run.Created), ("updated", run.Updated), ("adopted", run.Adopted), ("failed", run.Failed),
                     ("throttled", run.Throttled), ("deferred", run.Deferred), ("calls", run.Calls) })
        {
            Assert.Equal(value.ToString(CultureInfo.InvariantCulture), (await row.Locator($"td[data-count='{name}']").InnerTextAsync()).Trim());
            Assert.Equal(value, lastPush.GetProperty(name).GetInt32());
        }

        // When, in Asia/Ho_Chi_Minh as dd/MM/yyyy HH:mm, and how long, in Vietnamese.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        Assert.Equal(TimeZoneInfo.ConvertTimeFromUtc(run.FinishedAt, zone).ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
            (await row.Locator("td[data-count='at']").InnerTextAsync()).Trim());
        Assert.EndsWith("giây", (await row.Locator("td[data-count='duration']").InnerTextAsync()).Trim(), StringComparison.Ordinal);
        Assert.Equal(run.FinishedAt, lastPush.GetProperty("finishedAt").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1));
        Assert.True(lastPush.GetProperty("durationSeconds").GetDouble() >= 0);
        await page.ScreenshotAsync(new Microsoft.Playwright.PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "console-channels.png"), FullPage = true });
    }

    private string Url(string relative) => new Uri(host.BaseAddress, relative).ToString();

    private async Task<T> ReadAsync<T>(Func<MarketSyncDbContext, Task<T>> read)
    {
        using var scope = host.Services.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>());
    }

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
