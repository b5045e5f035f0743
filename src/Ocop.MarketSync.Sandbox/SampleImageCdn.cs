using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Ocop.MarketSync.Sandbox;

/// <summary>
/// A stand-in for the image CDN of the sample data (<c>https://cdn.example.com/…</c>, a host that does not serve
/// them): <c>GET /cdn/{host}/{path}</c> answers every path with the same small JPEG. The Shopee and TikTok Shop
/// adapters fetch each image before uploading it, so against the simulators they need something to fetch, and
/// nothing may leave the machine.
/// </summary>
public static class SampleImageCdn
{
    /// <summary>The path prefix a request for <c>https://{host}/{path}</c> is rewritten to: <c>cdn/{host}/{path}</c>.</summary>
    public const string PathPrefix = "cdn/";

    private static readonly Lazy<byte[]> Jpeg = new(() =>
    {
        using var stream = typeof(SampleImageCdn).Assembly.GetManifestResourceStream("sample-image.jpg")
            ?? throw new InvalidOperationException("The embedded sample-image.jpg is missing from the build.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    });

    public static IEndpointRouteBuilder MapSampleImageCdn(this IEndpointRouteBuilder app)
    {
        app.MapGet("/" + PathPrefix + "{**path}", () => Results.Bytes(Jpeg.Value, "image/jpeg"));
        return app;
    }

    /// <summary>Where the stand-in at <paramref name="cdn"/> serves the image of <paramref name="original"/>.</summary>
    public static Uri Rewrite(Uri cdn, Uri original)
    {
        ArgumentNullException.ThrowIfNull(cdn);
        ArgumentNullException.ThrowIfNull(original);
        return new Uri(cdn, PathPrefix + original.Host + original.AbsolutePath);
    }
}
