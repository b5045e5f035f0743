using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Ocop.MarketSync.Sandbox.Registry;
using Ocop.MarketSync.Sandbox.Hosting;
using Ocop.MarketSync.Worker.Hosting;

// Starts the embedded default (SQLite in a temporary folder, Hangfire in memory, the sandboxes), makes one price
// jump so the attention queue has a row, and saves PNGs of the console with the Debian Chromium.
// Usage: dotnet run --project tests/Ocop.MarketSync.Screenshots [-- OUTPUT_DIR]   (default docs/images)
var output = Path.GetFullPath(args.Length > 0 ? args[0] : Path.Combine("docs", "images"));
var chromium = Environment.GetEnvironmentVariable("OCOP_TEST_CHROMIUM") ?? "/usr/bin/chromium";
var data = Directory.CreateTempSubdirectory("ocop-screenshots-");
const string Password = "screenshot-password";
try
{
    await using var app = await MarketSyncHost.BuildAsync(
        ["--environment=Development", "--urls=http://127.0.0.1:0", $"--Storage:ConnectionString=Data Source={Path.Combine(data.FullName, "marketsync.db")}",
         $"--Staff:Password={Password}", "--Staff:GeneratePassword=false"],
        HostMode.Serve, CancellationToken.None);
    await MarketSyncHost.PrepareStorageAsync(app.Services, CancellationToken.None);
    await app.StartAsync();
    var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/");
    var marketplaces = app.Services.GetRequiredService<IReadOnlyList<EmbeddedMarketplace>>();
    await WaitAsync(() => marketplaces.All(m => m.Sandbox.FindBySku("OCOP-REG-00002").Count == 1), "the first push");

    // +200 % on one product: held on every channel, so the queue shows Duyệt giá / Giữ giá cũ.
    app.Services.GetRequiredService<RegistrySandbox>().Change("REG-00002", p => p["priceVnd"] = 645_000);
    await Task.Delay(TimeSpan.FromSeconds(5));

    using var playwright = await Playwright.CreateAsync();
    await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--no-first-run"],
    });
    var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, Locale = "vi-VN" });
    await page.GotoAsync(new Uri(address, "login").ToString());
    await page.FillAsync("input[name=username]", "staff");
    await page.FillAsync("input[name=password]", Password);
    await page.ClickAsync("button[type=submit]");
    await page.WaitForURLAsync(url => url.Contains("/hangfire", StringComparison.Ordinal));
    Directory.CreateDirectory(output);
    foreach (var (path, file) in new[]
    {
        ("hangfire/console/attention", "console-can-xu-ly.png"),
        ("hangfire/console/products/REG-00008", "console-san-pham.png"),
        ("hangfire/console/channels", "console-kenh-ban.png"),
    })
    {
        await page.GotoAsync(new Uri(address, path).ToString());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, file), FullPage = true });
        Console.WriteLine(Path.Combine(output, file));
    }

    await app.StopAsync();
}
finally
{
    data.Delete(recursive: true);
}

static async Task WaitAsync(Func<bool> condition, string what)
{
    var deadline = DateTime.UtcNow.AddMinutes(2);
    while (!condition())
    {
        if (DateTime.UtcNow > deadline)
        {
            throw new TimeoutException($"Waited two minutes for {what}.");
        }

        await Task.Delay(250);
    }
}
