using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Ocop.MarketSync.Sandbox.Registry;

/// <summary>
/// Makes the registry sandbox call the service's change notification (<c>POST /api/registry/changes</c>) whenever its
/// data changes, signed as the contract says: <c>X-Registry-Timestamp</c> (Unix seconds) and
/// <c>X-Registry-Signature: sha256=</c> lowercase hex HMAC-SHA256 of <c>{timestamp}.{body}</c> with the shared secret.
/// </summary>
/// <remarks>
/// Sending is fire-and-forget with a few quick retries: a notification is only a hint; the service's scheduled pull
/// catches up with anything a lost notification would have announced.
/// </remarks>
public sealed class RegistryChangeNotifier : IDisposable
{
    private readonly RegistrySandbox _sandbox;
    private readonly HttpClient _http;
    private readonly Uri _target;
    private readonly byte[] _secret;
    private readonly TimeProvider _time;
    private int _sent;
    private int _failed;

    public RegistryChangeNotifier(RegistrySandbox sandbox, Uri target, string secret, TimeProvider? time = null, HttpMessageHandler? handler = null)
    {
        _sandbox = sandbox;
        _target = target;
        _secret = Encoding.UTF8.GetBytes(secret);
        _time = time ?? TimeProvider.System;
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.Timeout = TimeSpan.FromSeconds(10);
        sandbox.Changed += OnChanged;
    }

    public int Sent => Volatile.Read(ref _sent);
    public int Failed => Volatile.Read(ref _failed);

    /// <summary>The signature the contract asks for; public so tests and other senders sign the same way.</summary>
    public static string Sign(byte[] secret, string timestamp, byte[] body)
    {
        var signed = new byte[timestamp.Length + 1 + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        signed[timestamp.Length] = (byte)'.';
        body.CopyTo(signed, timestamp.Length + 1);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, signed));
    }

    public void Dispose()
    {
        _sandbox.Changed -= OnChanged;
        _http.Dispose();
    }

    private void OnChanged(string registryId) => _ = SendAsync(registryId);

    private async Task SendAsync(string registryId)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new { registryIds = new[] { registryId }, at = _time.GetUtcNow() });
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            try
            {
                var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
                using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                request.Headers.Add("X-Registry-Timestamp", timestamp);
                request.Headers.Add("X-Registry-Signature", Sign(_secret, timestamp, body));
                using var response = await _http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _sent);
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or ObjectDisposedException)
            {
                // Retried below; a service that is down catches up with its next scheduled pull.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt));
        }

        Interlocked.Increment(ref _failed);
    }
}
