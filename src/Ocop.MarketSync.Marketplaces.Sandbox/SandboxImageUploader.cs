using Ocop.MarketSync.Marketplaces.Sandbox.Api;
using Ocop.MarketSync.Sync.Marketplaces;
using Refit;

namespace Ocop.MarketSync.Marketplaces.Sandbox;

/// <summary>
/// Uploads the pictures of a batch before it is written (channel option <c>UploadImages</c>), as Shopee and TikTok
/// Shop need one upload per picture before an item may name it. Every upload is an ordinary call on the channel's HTTP
/// client, so the pace counts and spaces it like any other call. Pictures go up one at a time, in the items' order;
/// a URL that appears more than once in one batch is uploaded once, and its outcome (id or failure) serves every item
/// that has it.
/// </summary>
internal sealed class SandboxImageUploader(ISandboxMarketplaceApi api, TimeProvider time)
{
    /// <summary>
    /// Per item, in order: its image ids in place of its URLs, or the failure of the first of its uploads that failed
    /// (its remaining pictures are not uploaded: the item cannot be sent anyway).
    /// </summary>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public async Task<IReadOnlyList<ImageUploads>> UploadAsync(IEnumerable<IReadOnlyList<string>> picturesPerItem, CancellationToken cancellationToken)
    {
        var byUrl = new Dictionary<string, (string? Id, MarketplaceError? Error)>(StringComparer.Ordinal);
        var results = new List<ImageUploads>();
        foreach (var pictures in picturesPerItem)
        {
            var ids = new List<string>(pictures.Count);
            MarketplaceError? failure = null;
            foreach (var url in pictures)
            {
                if (!byUrl.TryGetValue(url, out var upload))
                {
                    byUrl[url] = upload = await UploadOneAsync(url, cancellationToken);
                }

                if (upload.Error is not null)
                {
                    failure = upload.Error;
                    break;
                }

                ids.Add(upload.Id!);
            }

            results.Add(new ImageUploads(failure is null ? ids : null, failure));
        }

        return results;
    }

    private async Task<(string? Id, MarketplaceError? Error)> UploadOneAsync(string url, CancellationToken cancellationToken)
    {
        IApiResponse<WireImage> response;
        try
        {
            response = await api.UploadImageAsync(new WireImageUpload(url), cancellationToken);
        }
        catch (Exception ex) when (SandboxErrorMapper.FromException(ex, cancellationToken) is { } failure)
        {
            return (null, failure);
        }

        using (response)
        {
            var requestId = SandboxErrorMapper.RequestIdOf(response);
            var failure = SandboxErrorMapper.FromResponse(response, time, cancellationToken)
                ?? (string.IsNullOrEmpty(response.Content?.ImageId)
                    ? new MarketplaceError.Transient($"The marketplace answered the upload of {url} without an imageId.") { RequestId = requestId }
                    : null);
            return failure is null ? (response.Content!.ImageId, null) : (null, failure);
        }
    }
}

/// <summary>The outcome of one item's uploads: its image ids, or why they could not all be uploaded.</summary>
internal sealed record ImageUploads(IReadOnlyList<string>? ImageIds, MarketplaceError? Error);
