using Microsoft.Playwright;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>The Debian Chromium driven by Playwright, one browser context (own cookies) per staff login.</summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("OCOP_TEST_CHROMIUM") ?? "/usr/bin/chromium";
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser) => (_playwright, _browser) = (playwright, browser);

    public static async Task<ConsoleBrowser> LaunchAsync()
    {
        if (ChromiumPath == "/usr/bin/chromium")
        {
            await Ocop.MarketSync.TestSupport.DebianPackage.Chromium.EnsureAsync(() => File.Exists(ChromiumPath), TestContext.Current.CancellationToken);
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new ConsoleBrowser(playwright, browser);
    }

    /// <summary>A new context logged in through the form; returns its page on the dashboard.</summary>
    public Task<IPage> LogInAsync(ServiceHost host, string username, string password) => LogInAsync(host.BaseAddress, username, password);

    /// <summary>The same against any host serving the login form at <paramref name="baseAddress"/> (the slim API hosts of the tests).</summary>
    public async Task<IPage> LogInAsync(Uri baseAddress, string username, string password)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Locale = "vi-VN", ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, "login").ToString());
        await page.FillAsync("input[name=username]", username);
        await page.FillAsync("input[name=password]", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => url.Contains("/hangfire", StringComparison.Ordinal));
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
