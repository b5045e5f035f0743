using System.Collections.Concurrent;
using Ocop.MarketSync.Marketplaces.TikTokShop.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.TikTokShop;

/// <summary>
/// TikTok takes main images only as URIs of its own storage: each image is fetched from our URL and uploaded
/// (<c>POST /product/202309/images/upload</c>, multipart, not signed over the body). Uploaded URIs are remembered
/// per source URL for the life of the channel's client, so a content update does not upload the same image again.
/// </summary>
internal sealed class TikTokShopImageUploader(ITikTokShopApi api, HttpClient images, TikTokShopErrorMapper errors)
{
    private readonly ConcurrentDictionary<string, string> _uris = new(StringComparer.Ordinal);

    public async Task<(IReadOnlyList<WireImage> Images, MarketplaceError? Error)> UploadAsync(
        IReadOnlyList<string> urls, CancellationToken cancellationToken)
    {
        if (urls.Count == 0)
        {
            return ([], new MarketplaceError.Rejected("TikTok requires at least one main image; the listing has none."));
        }

        var uploaded = new List<WireImage>();
        foreach (var url in urls.Take(TikTokShopCapabilities.MaxImages))
        {
            if (!_uris.TryGetValue(url, out var uri))
            {
                var (fetched, error) = await UploadOneAsync(url, cancellationToken);
                if (error is not null)
                {
                    return ([], error);
                }

                uri = _uris.GetOrAdd(url, fetched!);
            }

            uploaded.Add(new WireImage(uri));
        }

        return (uploaded, null);
    }

    private async Task<(string? Uri, MarketplaceError? Error)> UploadOneAsync(string url, CancellationToken cancellationToken)
    {
        byte[] bytes;
        string contentType;
        try
        {
            using var source = await images.GetAsync(new Uri(url, UriKind.Absolute), cancellationToken);
            if (!source.IsSuccessStatusCode)
            {
                // Our image host refused: the listing's data is wrong (or the host is down, which a retry of the item covers).
                return (null, (int)source.StatusCode >= 500
                    ? new MarketplaceError.Transient($"Image {url} could not be fetched: HTTP {(int)source.StatusCode}.")
                    : new MarketplaceError.Rejected($"Image {url} could not be fetched: HTTP {(int)source.StatusCode}."));
            }

            bytes = await source.Content.ReadAsByteArrayAsync(cancellationToken);
            contentType = source.Content.Headers.ContentType?.MediaType ?? "image/jpeg";
        }
        catch (UriFormatException)
        {
            return (null, new MarketplaceError.Rejected($"Image '{url}' is not an absolute URL."));
        }
        catch (Exception ex) when (TikTokShopErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            return (null, new MarketplaceError.Transient($"Image {url} could not be fetched: {failure.Message}"));
        }

        var name = Path.GetFileName(new Uri(url).AbsolutePath) is { Length: > 0 } file ? file : "image.jpg";
        IApiResponse<WireEnvelope<WireUploadedImage>> response;
        try
        {
            response = await api.UploadImageAsync(new ByteArrayPart(bytes, name, contentType), "MAIN_IMAGE", cancellationToken);
        }
        catch (Exception ex) when (TikTokShopErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            return (null, failure);
        }

        using (response)
        {
            if (errors.FromResponse(response, cancellationToken) is { } error)
            {
                return (null, error);
            }

            return response.Content?.Data?.Uri is { Length: > 0 } uri ? (uri, null)
                : (null, new MarketplaceError.Transient($"TikTok answered the upload of {url} without a uri.")
                {
                    RequestId = response.Content?.RequestId ?? TikTokShopErrorMapper.RequestIdOf(response),
                });
        }
    }
}
