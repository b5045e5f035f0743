using System.Globalization;
using System.Text.RegularExpressions;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Sandbox;
using Ocop.MarketSync.Sandbox.Lazada;
using Ocop.MarketSync.Sandbox.Shopee;
using Ocop.MarketSync.Sandbox.Tiki;
using Ocop.MarketSync.Sandbox.TikTokShop;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary>
/// `channel authorize` run as an operator runs it, against each marketplace's simulator over HTTP: a wrong partner key
/// or app secret is told apart from a wrong code, and each message says what to do.
/// </summary>
public sealed partial class ChannelAuthorizeMessagesTests
{
    private const string WrongCode = "not-a-code-the-seller-got";

    public static TheoryData<string> Marketplaces => ["shopee", "lazada", "tiktokshop", "tiki"];

    [Theory]
    [MemberData(nameof(Marketplaces))]
    public async Task Authorize_WrongSecretWithAGoodCode_SaysToCheckTheSecretKeyByName(string marketplace)
    {
        await using var simulator = await SimulatorAsync(marketplace);

        var output = await AuthorizeAsync(simulator, simulator.IssueCode(), secret: "not-the-app-secret");

        Assert.Contains("refused the app's configuration or the shop's settings, not the code", output, StringComparison.Ordinal);
        Assert.Contains("refused the app's credentials", output, StringComparison.Ordinal);
        Assert.Contains(simulator.SecretKey, output, StringComparison.Ordinal);
        Assert.DoesNotContain("new code", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("not-the-app-secret", output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Marketplaces))]
    public async Task Authorize_WrongCodeWithTheRightSecret_SaysToGetANewCode(string marketplace)
    {
        await using var simulator = await SimulatorAsync(marketplace);

        var output = await AuthorizeAsync(simulator, WrongCode, simulator.Secret);

        Assert.Contains("refused the code", output, StringComparison.Ordinal);
        Assert.Contains("Get a new code", output, StringComparison.Ordinal);
        Assert.DoesNotContain(simulator.SecretKey, output, StringComparison.Ordinal);
    }

    private static async Task<string> AuthorizeAsync(Simulator simulator, string code, string secret)
    {
        string[] args =
        [
            "channel", "authorize", simulator.ChannelId, "--code", code,
            "--environment=IntegrationTest", "--Registry:BaseUrl=http://127.0.0.1:9/",
            "--Staff:Password=integration-test-password", "--Staff:GeneratePassword=false",
            .. SimulatorChannelArgs.For(simulator.ChannelId, [.. simulator.ChannelKeys]),
            .. simulator.Credentials.Select(kv => $"--{kv.Key}={kv.Value}"),
            $"--{simulator.SecretKey}={secret}",
        ];
        await using var worker = await WorkerProcess.RunAsync(args, TimeSpan.FromSeconds(90));
        // The console wraps long lines: compare on the text with its whitespace folded.
        var output = Whitespace().Replace(worker.AllOutput, " ");
        Assert.True(worker.ExitCode == 1, $"exit {worker.ExitCode}: {output}");
        return output;
    }

    private static async Task<Simulator> SimulatorAsync(string marketplace)
    {
        var ct = TestContext.Current.CancellationToken;
        switch (marketplace)
        {
            case "shopee":
            {
                var shopId = long.Parse(SimulatorChannelArgs.Value("Channels:shopee-sim:Shopee:ShopId"), CultureInfo.InvariantCulture);
                var shopee = new ShopeeSimulator(new ShopeeSimulatorOptions { ShopIds = [shopId] });
                var server = await SandboxServer.StartAsync(0, app => app.MapShopeeSimulator(shopee), ct);
                return new Simulator(server, "shopee-sim", () => shopee.IssueCode(shopId), "SHOPEE_SIM:PartnerKey", shopee.Options.PartnerKey,
                    new() { ["SHOPEE_SIM:PartnerId"] = shopee.Options.PartnerId.ToString(CultureInfo.InvariantCulture) },
                    [("BaseUrl", server.BaseUrl.ToString())]);
            }

            case "lazada":
            {
                var lazada = new LazadaSimulator(new LazadaSimulatorOptions { SellerId = SimulatorChannelArgs.Value("Channels:lazada-sim:Lazada:SellerId") }, TimeProvider.System);
                var server = await SandboxServer.StartAsync(0, app => app.MapLazadaSimulator(lazada), ct);
                var gateway = new Uri(server.BaseUrl, "rest").ToString();
                return new Simulator(server, "lazada-sim", lazada.IssueCode, "LAZADA_SIM:AppSecret", lazada.Options.AppSecret,
                    new() { ["LAZADA_SIM:AppKey"] = lazada.Options.AppKey },
                    [("BaseUrl", gateway), ("Lazada:AuthBaseUrl", gateway)]);
            }

            case "tiki":
                return await TikiAsync(new TikiSimulator(new TikiSimulatorOptions()));

            default:
            {
                var tiktok = new TikTokShopSimulator(new TikTokShopSimulatorOptions
                {
                    ShopId = SimulatorChannelArgs.Value("Channels:tiktokshop-sim:TikTokShop:ShopId"),
                    WarehouseId = SimulatorChannelArgs.Value("Channels:tiktokshop-sim:TikTokShop:WarehouseId"),
                });
                var server = await SandboxServer.StartAsync(0, app => app.MapTikTokShopSimulator(tiktok), ct);
                return new Simulator(server, "tiktokshop-sim", tiktok.IssueAuthCode, "TTS_SIM:AppSecret", tiktok.Options.AppSecret,
                    new() { ["TTS_SIM:AppKey"] = tiktok.Options.AppKey },
                    [("BaseUrl", server.BaseUrl.ToString()), ("TikTokShop:AuthBaseUrl", server.BaseUrl.ToString())]);
            }
        }
    }

    [Fact]
    public async Task Authorize_TikiShopThatDoesNotLetAppsUpdateProducts_SaysWhatTheSellerMustChange()
    {
        await using var simulator = await TikiAsync(new TikiSimulator(new TikiSimulatorOptions { CanUpdateProduct = false }));

        var output = await AuthorizeAsync(simulator, simulator.IssueCode(), simulator.Secret);

        Assert.Contains("not the code", output, StringComparison.Ordinal);
        Assert.Contains("can_update_product=0", output, StringComparison.Ordinal);
        Assert.Contains("Tiki Seller Center", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Get a new code", output, StringComparison.Ordinal);
    }

    private static async Task<Simulator> TikiAsync(TikiSimulator tiki)
    {
        var server = await SandboxServer.StartAsync(0, app => app.MapTikiSimulator(tiki), TestContext.Current.CancellationToken);
        return new Simulator(server, "tiki-sim", tiki.IssueCode, "TIKI_SIM:ClientSecret", tiki.Options.ClientSecret,
            new() { ["TIKI_SIM:ClientId"] = tiki.Options.ClientId },
            [("BaseUrl", server.BaseUrl.ToString()), ("Tiki:AuthBaseUrl", server.BaseUrl.ToString())]);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <param name="SecretKey">The configuration key of the app's secret, which a wrong-secret message must name.</param>
    private sealed record Simulator(
        SandboxServer Server, string ChannelId, Func<string> IssueCode, string SecretKey, string Secret,
        Dictionary<string, string> Credentials, (string Key, string Value)[] ChannelKeys) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
