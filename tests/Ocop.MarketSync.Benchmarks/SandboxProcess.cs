using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Marketplace;

namespace Ocop.MarketSync.Benchmarks;

/// <summary>
/// What a marketplace profile looks like: the sandbox's latency, jitter, rate (token bucket) and faults; with
/// <see cref="Images"/> above 0, pictures per product, which the shops then take only as their own uploads (one call each).
/// </summary>
internal sealed record MarketplaceProfile(int Channels, double Rate, int LatencyMs, int JitterMs, double ServerErrorShare, double LostShare, int Images = 0)
{
    public string[] Arguments() =>
    [
        "--serve-sandboxes", Channels.ToString(CultureInfo.InvariantCulture), "--rate", Rate.ToString(CultureInfo.InvariantCulture),
        "--latency-ms", LatencyMs.ToString(CultureInfo.InvariantCulture), "--jitter-ms", JitterMs.ToString(CultureInfo.InvariantCulture),
        "--server-errors", ServerErrorShare.ToString(CultureInfo.InvariantCulture), "--lost", LostShare.ToString(CultureInfo.InvariantCulture),
        "--images", Images.ToString(CultureInfo.InvariantCulture),
    ];
}

/// <param name="Pictures">The item's images as the URLs they were uploaded from (an image that is no upload id: as stored).</param>
internal sealed record ItemState(string Sku, long PriceVnd, int Stock, bool Active, int? MaxStockSet, List<string> Pictures);

/// <param name="Uploads">Image upload calls (also in <paramref name="Arrivals"/>, as every call the shop counts).</param>
internal sealed record SandboxStats(
    int Arrivals, double ArrivalRate, double WarmArrivalRate, int MostInOneSecond, int RefusedForRate, int MaxConcurrent,
    int Duplicates, int UpdatesOfUnknownItems, int Uploads, List<ItemState> Items);

/// <summary>
/// The sandbox marketplaces in a process of their own (this program with <c>--serve-sandboxes</c>), so their work is
/// not counted in the engine's CPU and memory, and the engine meets them over real sockets as it would a marketplace.
/// </summary>
internal sealed class SandboxProcess(Process process, IReadOnlyList<Uri> baseUrls) : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromMinutes(2) };

    public IReadOnlyList<Uri> BaseUrls { get; } = baseUrls;

    public static async Task<SandboxProcess> StartAsync(MarketplaceProfile profile)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(SandboxProcess).Assembly.Location);
        }

        foreach (var argument in profile.Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var urls = new List<Uri>();
        while (await process.StandardOutput.ReadLineAsync() is { } line && line != "READY")
        {
            if (line.StartsWith("SANDBOX ", StringComparison.Ordinal))
            {
                urls.Add(new Uri(line["SANDBOX ".Length..]));
            }
        }

        return new SandboxProcess(process, urls);
    }

    public async Task<SandboxStats> StatsAsync(int channel) =>
        (await Http.GetFromJsonAsync<SandboxStats>(new Uri(BaseUrls[channel], "bench/stats")))!;

    public async ValueTask DisposeAsync()
    {
        // Closing its stdin tells the child to stop.
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        process.Dispose();
    }

    /// <summary>The child: serves the sandboxes until its stdin closes.</summary>
    public static async Task<int> ServeAsync(MarketplaceProfile profile)
    {
        var servers = new List<SandboxServer>();
        for (var i = 0; i < profile.Channels; i++)
        {
            var sandbox = new MarketplaceSandbox(new MarketplaceSandboxOptions
            {
                RequestsPerSecond = profile.Rate,
                RequireUploadedImages = profile.Images > 0,
                Burst = Math.Max(1, (int)Math.Ceiling(profile.Rate)),
                Faults = new()
                {
                    Seed = 20261205 + i,
                    Latency = TimeSpan.FromMilliseconds(profile.LatencyMs),
                    LatencyJitter = TimeSpan.FromMilliseconds(profile.JitterMs),
                    ServerErrorRate = profile.ServerErrorShare,
                    ResponseLostRate = profile.LostShare,
                },
            });
            var server = await SandboxServer.StartAsync(0, app =>
            {
                app.MapMarketplaceSandbox(sandbox);
                app.MapGet("/bench/stats", () => new SandboxStats(
                    sandbox.Arrivals, sandbox.ArrivalRate(), sandbox.ArrivalRateBetween(0.1, 0.9),
                    sandbox.MaxArrivalsInAnyWindow(TimeSpan.FromSeconds(1)), sandbox.RefusedForRate, sandbox.MaxConcurrentRequests,
                    sandbox.DuplicateSkuCount, sandbox.UpdatesOfUnknownItems, sandbox.Calls(MarketplaceSandboxEndpoint.UploadImage),
                    [.. sandbox.Items.Select(item => new ItemState(item.SellerSku, item.PriceVnd, item.Stock, item.Active, sandbox.MaxStockSet(item.SellerSku),
                        [.. item.Images.Select(image => sandbox.ImageSource(image) ?? image)]))]));
            }, default);
            servers.Add(server);
            Console.WriteLine($"SANDBOX {server.BaseUrl}");
        }

        Console.WriteLine("READY");
        while (await Console.In.ReadLineAsync() is not null)
        {
        }

        foreach (var server in servers)
        {
            await server.DisposeAsync();
        }

        return 0;
    }
}
