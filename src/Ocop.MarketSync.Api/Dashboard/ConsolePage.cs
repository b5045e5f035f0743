using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Api.Security;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.Api.Dashboard;

/// <summary>
/// Base of the staff console pages inside the Hangfire dashboard: services of the request, the texts, the
/// anti-forgery field for action forms, and the result of the last action. Viewers get the pages without forms.
/// </summary>
/// <remarks>Hangfire renders pages synchronously, so the pages use EF's synchronous API (not sync-over-async).</remarks>
internal abstract class ConsolePage : RazorPage
{
    private IServiceScope? _scope;

    protected HttpContext Http => Context.GetHttpContext();

    protected MarketSyncDbContext Db => Service<MarketSyncDbContext>();

    protected ChannelCatalog Channels => Service<ChannelCatalog>();

    protected ConsoleText T { get; private set; } = null!;

    protected DateOnly Today => Service<IntakeClock>().Today;

    /// <summary>Operators see buttons; viewers see the same page without them (their posts are refused anyway).</summary>
    protected bool CanAct => StaffAuthentication.CanAct(Http.User);

    public sealed override void Execute()
    {
        using var scope = Http.RequestServices.CreateScope();
        _scope = scope;
        var options = Service<IOptions<ConsoleOptions>>().Value;
        T = new ConsoleText(options.Culture, Service<IntakeClock>().Zone);
        Layout = new LayoutPage(Title);
        WriteLiteral("<style>.oc-money{white-space:nowrap}.oc-bar{background:#1f6f43;height:1em;display:inline-block}"
            + ".oc-muted{color:#666}.oc-result{margin:1em 0}.oc-actions form{display:inline}</style>");
        WriteLiteral($"<div class=\"row\"><div class=\"col-md-12\" lang=\"{(options.Language == "en" ? "en" : "vi")}\">");
        WriteResult();
        if (!CanAct)
        {
            WriteLiteral($"<p class=\"oc-muted\" id=\"read-only\">{T["Common.ReadOnly"]}</p>");
        }

        Render();
        WriteLiteral("</div></div>");
    }

    protected abstract string Title { get; }

    protected abstract void Render();

    protected T2 Service<T2>() where T2 : notnull => _scope!.ServiceProvider.GetRequiredService<T2>();

    protected string Param(string name) => Context.Request.GetQuery(name) ?? string.Empty;

    /// <summary>Opens an action form posting to the console's action route, with the anti-forgery token and where to come back.</summary>
    /// <param name="route">Another dashboard route taking the post (the upload sheets' actions have their own).</param>
    /// <param name="multipart">For a form that uploads a file.</param>
    protected string FormStart(string action, string? confirm = null, string? id = null, string route = "/console/actions", bool multipart = false)
    {
        var tokens = Service<IAntiforgery>().GetAndStoreTokens(Http);
        var onSubmit = confirm is null ? string.Empty : $" onsubmit=\"return confirm('{ConsoleText.Encode(confirm.Replace("'", "\\'", StringComparison.Ordinal))}')\"";
        var formId = id is null ? string.Empty : $" id=\"{ConsoleText.Encode(id)}\"";
        var encoding = multipart ? " enctype=\"multipart/form-data\"" : string.Empty;
        return $"<form method=\"post\" action=\"{ConsoleText.Encode(Url.To(route))}\"{formId}{encoding}{onSubmit}>"
            + $"<input type=\"hidden\" name=\"{ConsoleText.Encode(tokens.FormFieldName)}\" value=\"{ConsoleText.Encode(tokens.RequestToken)}\">"
            + $"<input type=\"hidden\" name=\"action\" value=\"{ConsoleText.Encode(action)}\">"
            + $"<input type=\"hidden\" name=\"back\" value=\"{ConsoleText.Encode(Context.Request.Path)}\">";
    }

    protected string Button(string action, string css = "btn-primary") =>
        $"<button type=\"submit\" class=\"btn btn-sm {css}\" data-action=\"{ConsoleText.Encode(action)}\">{T["Action." + action]}</button>";

    /// <summary>
    /// A path of the site outside the dashboard (the API), as the browser must ask for it: the dashboard's own base
    /// (<c>Url.To</c>) less the dashboard's path, so a reverse-proxy prefix is kept.
    /// </summary>
    protected string SiteUrl(string path)
    {
        var dashboard = Url.To("/").TrimEnd('/');
        var root = dashboard.EndsWith(Microsoft.AspNetCore.Builder.ApiEndpointRouteBuilderExtensions.DashboardPath, StringComparison.Ordinal)
            ? dashboard[..^Microsoft.AspNetCore.Builder.ApiEndpointRouteBuilderExtensions.DashboardPath.Length]
            : dashboard;
        return root + path;
    }

    protected string ProductLink(string registryId, string? text = null) =>
        $"<a href=\"{ConsoleText.Encode(Url.To("/console/products/" + Uri.EscapeDataString(registryId)))}\">{ConsoleText.Encode(text ?? registryId)}</a>";

    /// <summary>The outcome of the action that redirected here (<c>?act=retry&amp;done=2&amp;of=3</c>).</summary>
    private void WriteResult()
    {
        var act = Param("act");
        if (act.Length == 0 || !int.TryParse(Param("done"), out var done) || !int.TryParse(Param("of"), out var of))
        {
            return;
        }

        var css = done == of && of > 0 ? "alert-success" : "alert-warning";
        WriteLiteral($"<div class=\"alert {css} oc-result\" id=\"action-result\" role=\"status\"><strong>{T["Action." + act]}</strong>: "
            + T.Format("Result.Done", done, of));
        if (done < of)
        {
            WriteLiteral(" " + T.Format("Result.Refused", of - done));
        }

        if (done > 0 && act is "retry" or "approve-price")
        {
            WriteLiteral(" " + T["Result.Pushing"]);
        }

        WriteLiteral("</div>");
    }
}
