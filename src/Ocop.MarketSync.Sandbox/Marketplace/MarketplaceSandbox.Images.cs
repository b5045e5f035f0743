using System.Collections.Concurrent;
using System.Globalization;

namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>
/// Image uploads, shaped like Lazada's image migrate: the client names a picture by URL and the shop issues an id of
/// its own, which items then carry instead of the URL. A real marketplace fetches the picture; the sandbox fetches
/// nothing (tests and benchmarks must not reach the network) and only checks the URL. Each id remembers its URL, so a
/// test can tell which picture an item's image stands for.
/// </summary>
public sealed partial class MarketplaceSandbox
{
    private readonly ConcurrentDictionary<string, string> _imageSources = new(StringComparer.Ordinal);
    private long _imageSequence;

    /// <summary>Images uploaded through the API so far.</summary>
    public int ImagesUploaded => _imageSources.Count;

    /// <summary>
    /// Issues a new id for the picture at <paramref name="url"/> (the same URL twice gets two ids, as on real
    /// marketplaces); null when <paramref name="url"/> is not an absolute http(s) URL.
    /// </summary>
    public SandboxImageUpload? UploadImage(string? url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttps && parsed.Scheme != Uri.UriSchemeHttp))
        {
            return null;
        }

        var imageId = "img-" + Interlocked.Increment(ref _imageSequence).ToString("D6", CultureInfo.InvariantCulture);
        _imageSources[imageId] = url!;
        return new SandboxImageUpload(imageId, new Uri(Options.ImageUrlBase, imageId).ToString());
    }

    /// <summary>The URL the image <paramref name="imageId"/> was uploaded from, or null when this shop did not issue that id.</summary>
    public string? ImageSource(string imageId) =>
        _imageSources.TryGetValue(imageId ?? throw new ArgumentNullException(nameof(imageId)), out var url) ? url : null;

    /// <summary>The per-item error when uploaded images are required and one of <paramref name="images"/> is not one; else null.</summary>
    private SandboxItemError? CheckImagesUploaded(IReadOnlyList<string>? images)
    {
        if (!Options.RequireUploadedImages)
        {
            return null;
        }

        foreach (var image in images ?? [])
        {
            if (image is null || !_imageSources.ContainsKey(image))
            {
                return new SandboxItemError(SandboxErrorCodes.ImageNotUploaded,
                    $"image '{image}' is not an image id of this shop: upload it first (POST /api/v1/media/upload-image) and send its imageId");
            }
        }

        return null;
    }
}
