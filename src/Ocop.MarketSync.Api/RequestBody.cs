using Microsoft.AspNetCore.Http;

namespace Ocop.MarketSync.Api;

/// <summary>Raw request bodies for signed callbacks: the signature is over the bytes exactly as received.</summary>
internal static class RequestBody
{
    /// <returns>The body, or null when it is longer than <paramref name="maxBytes"/> (nothing beyond is read).</returns>
    public static async Task<byte[]?> ReadAtMostAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
