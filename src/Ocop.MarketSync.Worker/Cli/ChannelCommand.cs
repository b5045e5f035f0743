using System.CommandLine;
using System.Globalization;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;
using Ocop.MarketSync.Sync.Marketplaces.Auth;
using Ocop.MarketSync.Worker.Hosting;
using Spectre.Console;

namespace Ocop.MarketSync.Worker.Cli;

/// <summary>
/// <c>channel authorize CHANNEL --code CODE</c>: exchanges the one-time code a seller got by authorising our app in
/// seller centre for the shop's tokens, and stores them encrypted. Prints the shop and the expiry, never a token.
/// </summary>
internal static class ChannelCommand
{
    public static Command Create()
    {
        var channelId = new Argument<string>("channel") { Description = "The channel id (a section Channels:{id})." };
        var code = new Option<string>("--code") { Description = "The one-time authorisation code from the marketplace's redirect.", Required = true };
        var authorize = new Command("authorize", "Exchange a seller's one-time code for the channel's tokens and store them.") { channelId, code };
        authorize.TreatUnmatchedTokensAsErrors = false;
        authorize.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(channelId)!;
            try
            {
                await using var app = await MarketSyncHost.BuildAsync(MarketSyncCommandLine.HostArgs(parse), HostMode.Command, ct);
                await MarketSyncHost.PrepareStorageAsync(app.Services, ct);
                var channel = app.Services.GetRequiredService<ChannelCatalog>().Find(id);
                if (channel is null)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]No channel '{id}' is configured (Channels:{id}).[/]");
                    return 2;
                }

                var authorizer = app.Services.GetServices<IMarketplaceAuthorizer>()
                    .FirstOrDefault(a => string.Equals(a.Marketplace, channel.Marketplace, StringComparison.OrdinalIgnoreCase));
                if (authorizer is null)
                {
                    AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]Marketplace '{channel.Marketplace}' needs no authorisation here (no authoriser).[/]");
                    return 2;
                }

                var tokens = await authorizer.ExchangeCodeAsync(channel, parse.GetValue(code)!.Trim(), ct);
                await app.Services.GetRequiredService<ShopTokenStore>().SaveAuthorizationAsync(id, tokens, ct);
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[green]Channel {id} authorised[/]: shop {tokens.ShopId ?? "?"}, access token valid until {tokens.AccessTokenExpiresAt:u}, refresh token until {(tokens.RefreshTokenExpiresAt is { } r ? r.ToString("u", CultureInfo.InvariantCulture) : "unknown")}.");
                return 0;
            }
            catch (MarketplaceAuthException ex)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[red]The marketplace refused the code[/] (used, expired or for another shop): {ex.Message} Get a new code: the seller authorises the app again in seller centre; then run `channel authorize {id} --code NEW-CODE`.");
                return 1;
            }
            catch (MarketplaceException ex) when (ex.Error is MarketplaceError.Misconfigured)
            {
                // A wrong partner key or app secret, or a shop setting (Tiki: apps may not update its products): a new
                // code would fail the same way, so the message says what to fix instead.
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[red]The marketplace refused the app's configuration or the shop's settings, not the code:[/] {ex.Message} Fix what it names and run the command again; the code is still good while it has not expired.");
                return 1;
            }
            catch (MarketplaceException ex)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"[red]The exchange failed:[/] {ex.Message} Try again; if the marketplace then says the code was used, get a new one.");
                return 1;
            }
            catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException)
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
                return 1;
            }
        });
        return new Command("channel", "Channel administration.") { authorize };
    }
}
