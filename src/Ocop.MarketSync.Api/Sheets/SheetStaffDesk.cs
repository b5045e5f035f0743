using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Marketplaces.Sheets;
using Ocop.MarketSync.Marketplaces.Sheets.Options;
using Ocop.MarketSync.Marketplaces.Sheets.Store;
using Ocop.MarketSync.Marketplaces.Sheets.Writing;
using Ocop.MarketSync.Sync.Marketplaces.Registration;

namespace Ocop.MarketSync.Api.Sheets;

/// <summary>
/// What the API and the console share around <see cref="SheetDesk"/>: which channels are sheet channels, the checks
/// that answer staff with a reason (unknown channel, sheet of another channel, still open), reading an uploaded
/// export within its size limit, and the file name staff get.
/// </summary>
/// <remarks>
/// Everything is resolved optionally: a host without <c>AddSheetChannels</c> (no sheet channel configured) still maps
/// the endpoints and the console, which then answer "not a sheet channel" instead of failing to start.
/// </remarks>
internal sealed partial class SheetStaffDesk(IServiceProvider services)
{
    /// <summary>Largest floor export accepted: thousands of products fit in a few megabytes of XLSX or CSV.</summary>
    public const long MaxUploadBytes = 10 * 1024 * 1024;

    /// <summary>The form field carrying the export file.</summary>
    public const string FileField = "file";

    private readonly MarketplaceChannelRegistry<SheetChannelOptions>? _registry = services.GetService<MarketplaceChannelRegistry<SheetChannelOptions>>();

    public SheetDesk Desk => services.GetRequiredService<SheetDesk>();

    /// <summary>The sheet channels, in configuration order; empty when none is configured.</summary>
    public IReadOnlyList<string> ChannelIds => _registry is null || services.GetService<SheetDesk>() is null ? [] : [.. _registry.Ids];

    public bool IsSheetChannel(string channelId) => ChannelIds.Contains(channelId, StringComparer.Ordinal);

    /// <summary>Why <paramref name="channelId"/> cannot be served, for a 404; null when it is a sheet channel.</summary>
    public string? NotASheetChannel(string channelId) => IsSheetChannel(channelId)
        ? null
        : services.GetService<Sync.Channels.ChannelCatalog>()?.Find(channelId) is { } other
            ? $"Channel '{channelId}' is a '{other.Marketplace}' channel, not a sheet channel (Channels:{channelId}:Marketplace=sheet): it has no upload sheets."
            : $"No sheet channel '{channelId}' is configured (Channels:{channelId}:Marketplace=sheet).";

    /// <summary>The export template's key when the channel has none, so the message names what to configure.</summary>
    public string? MissingExportTemplate(string channelId) =>
        services.GetRequiredService<IOptionsMonitor<SheetChannelOptions>>().Get(channelId).Export is null
            ? $"Channels:{channelId}:Sheet:Export is not configured, so the floor's export cannot be read. Configure it (docs/marketplaces/sheets.md) and restart."
            : null;

    /// <summary>
    /// Closes the open sheet without rendering it, for the console: its page then fetches the file by number with a
    /// GET, so a reload never closes another sheet. The same store call as <see cref="SheetDesk.DownloadOpenSheetAsync"/>.
    /// </summary>
    public Task<SheetSummary?> CloseOpenSheetAsync(string channelId, CancellationToken cancellationToken) =>
        services.GetRequiredService<ISheetStore>().IssueOpenSheetAsync(channelId, services.GetRequiredService<TimeProvider>().GetUtcNow(), cancellationToken);

    /// <summary>The channel's sheet with that id; null when there is none or it belongs to another channel.</summary>
    public async Task<SheetSummary?> FindAsync(string channelId, long sheetId, CancellationToken cancellationToken) =>
        (await Desk.ListSheetsAsync(channelId, cancellationToken)).FirstOrDefault(s => s.Id == sheetId);

    /// <summary>
    /// The name staff save: <c>postmart-hn-sheet-12-2026-12-06.xlsx</c>. The library writes the date as
    /// <c>20261206</c>; the dashes make it readable at a glance in a Downloads folder.
    /// </summary>
    public static string StaffFileName(SheetFile file) => CompactDate().Replace(file.FileName, "-$1-$2-$3$4");

    /// <summary>
    /// Reads the uploaded export of a multipart form into memory (the XLSX reader needs a seekable stream), refusing
    /// more than <see cref="MaxUploadBytes"/> without reading it all.
    /// </summary>
    public static async Task<Upload> ReadUploadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !request.ContentType!.Contains("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return Upload.Refused(StatusCodes.Status415UnsupportedMediaType,
                $"Send the floor's export as multipart/form-data, the file in the field '{FileField}'.");
        }

        if (request.ContentLength > MaxUploadBytes + (64 * 1024))
        {
            return TooLarge();
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUploadBytes + (64 * 1024);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxUploadBytes }, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return Upload.Refused(StatusCodes.Status400BadRequest, $"The form could not be read: {ex.Message}");
        }

        var file = form.Files.GetFile(FileField);
        if (file is null || file.Length == 0)
        {
            return Upload.Refused(StatusCodes.Status400BadRequest, $"The form has no file in the field '{FileField}', or the file is empty.") with { Form = form };
        }

        if (file.Length > MaxUploadBytes)
        {
            // The console's form was already read by Hangfire's anti-forgery check, without our multipart limit.
            return TooLarge() with { Form = form };
        }

        var content = new MemoryStream((int)file.Length);
        await file.CopyToAsync(content, cancellationToken);
        content.Position = 0;
        var name = Path.GetFileName(file.FileName.Replace('\\', '/'));
        return new Upload(content, name.Length == 0 ? "export" : name, StatusCodes.Status200OK, null) { Form = form };
    }

    private static Upload TooLarge() => Upload.Refused(StatusCodes.Status413PayloadTooLarge,
        $"The file is larger than {MaxUploadBytes / (1024 * 1024)} MB; export fewer columns or split it.");

    [GeneratedRegex(@"-(\d{4})(\d{2})(\d{2})(\.[a-z]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactDate();

    /// <summary>An uploaded file (Content set) or why it was refused (Status and Error).</summary>
    public sealed record Upload(MemoryStream? Content, string FileName, int Status, string? Error)
    {
        /// <summary>The form's other fields, when the form itself could be read.</summary>
        public IFormCollection? Form { get; init; }

        public static Upload Refused(int status, string error) => new(null, string.Empty, status, error);
    }
}
