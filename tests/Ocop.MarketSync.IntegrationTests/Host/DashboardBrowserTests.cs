using Microsoft.Playwright;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Host;

/// <summary>The dashboard as staff use it: a real Chromium logs in through the form and reads the job list.</summary>
[Collection(ServiceHostCollection.Name)]
public sealed class DashboardBrowserTests(ServiceHost host)
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("OCOP_TEST_CHROMIUM") ?? "/usr/bin/chromium";

    [Fact]
    public async Task Dashboard_StaffLogsInWithTheForm_SeesReadableIntakeJobs()
    {
        if (ChromiumPath == "/usr/bin/chromium")
        {
            // A fresh Debian machine: installed once here when running as root, as .ci/run does; else the command to run.
            await Ocop.MarketSync.TestSupport.DebianPackage.Chromium.EnsureAsync(() => File.Exists(ChromiumPath), TestContext.Current.CancellationToken);
        }
        else if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"OCOP_TEST_CHROMIUM names {ChromiumPath}, which does not exist.");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(host.BaseAddress, "hangfire").ToString());
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);

        await page.FillAsync("input[name=username]", ServiceHost.Username);
        await page.FillAsync("input[name=password]", "not-the-password");
        await page.ClickAsync("button[type=submit]");
        Assert.Equal("Sai tên đăng nhập hoặc mật khẩu. (Wrong username or password.)", await page.InnerTextAsync("[role=alert]"));

        await page.FillAsync("input[name=username]", ServiceHost.Username);
        await page.FillAsync("input[name=password]", ServiceHost.Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/hangfire", StringComparison.Ordinal));

        await page.GotoAsync(new Uri(host.BaseAddress, "hangfire/recurring").ToString());
        var table = await page.InnerTextAsync("table");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-recurring.png"), FullPage = true });

        Assert.Contains("registry-pull", table, StringComparison.Ordinal);
        Assert.Contains("registry-full", table, StringComparison.Ordinal);
        Assert.Contains("Registry pull (incremental)", table, StringComparison.Ordinal);
        Assert.Contains("reconcile:sandbox-a", table, StringComparison.Ordinal);
        Assert.Contains("certificate-expiry", table, StringComparison.Ordinal);
        Assert.Contains("Asia/Ho_Chi_Minh", await page.ContentAsync(), StringComparison.Ordinal);

        // The first listings page (out of the menu since the console): every channel with its listings by state.
        await page.GotoAsync(new Uri(host.BaseAddress, "hangfire/listings").ToString());
        var row = string.Empty;
        for (var attempt = 0; attempt < 60 && !row.Contains("\t53\t", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
            row = await page.InnerTextAsync("#listing-counts tbody tr:first-child");
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-listings.png"), FullPage = true });
        Assert.StartsWith("sandbox-a", row, StringComparison.Ordinal);
        Assert.Contains("\t53\t", row, StringComparison.Ordinal);

        // Staff reconcile a channel now (the API); its report appears on the page.
        using (var staff = host.Staff())
        {
            using var response = await staff.PostAsync("api/channels/sandbox-a/reconcile", null, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Accepted,
                $"POST reconcile answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}"
                + Environment.NewLine + host.Log.Describe());
        }

        var reconciliation = string.Empty;
        for (var attempt = 0; attempt < 60 && !reconciliation.Contains("Succeeded", StringComparison.Ordinal); attempt++)
        {
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await page.ReloadAsync();
            reconciliation = await page.Locator("#reconciliations").CountAsync() > 0 ? await page.InnerTextAsync("#reconciliations tbody") : string.Empty;
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, "dashboard-reconciliation.png"), FullPage = true });
        Assert.StartsWith("sandbox-a", reconciliation, StringComparison.Ordinal);
        Assert.Contains("Succeeded", reconciliation, StringComparison.Ordinal);
    }
}
