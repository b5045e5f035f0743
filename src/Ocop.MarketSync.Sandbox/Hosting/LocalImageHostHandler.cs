
namespace Ocop.MarketSync.Sandbox.Hosting;

/// <summary>
/// Sends requests for the sample data's image hosts (<c>Sandbox:Marketplaces:Simulators:ImageHosts</c>) to the local
/// stand-in instead of the network; every other request passes untouched. Only on the embedded simulators.
/// </summary>
internal sealed class LocalImageHostHandler(Uri cdn, IReadOnlySet<string> hosts) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri && hosts.Contains(uri.Host))
        {
            request.RequestUri = SampleImageCdn.Rewrite(cdn, uri);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
