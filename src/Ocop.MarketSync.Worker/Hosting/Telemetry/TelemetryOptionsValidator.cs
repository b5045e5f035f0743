using Microsoft.Extensions.Options;

namespace Ocop.MarketSync.Worker.Hosting.Telemetry;

/// <summary>Checks <c>Telemetry</c> at start; every message names the key and the value it refuses.</summary>
internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var errors = new List<string>();
        if (options.GaugeRefresh < TimeSpan.FromSeconds(1) || options.GaugeRefresh > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Telemetry:GaugeRefresh '{options.GaugeRefresh}' must be between 00:00:01 and 00:10:00.");
        }

        if (options.TraceSampleRatio is < 0 or > 1 || double.IsNaN(options.TraceSampleRatio))
        {
            errors.Add(FormattableString.Invariant($"Telemetry:TraceSampleRatio '{options.TraceSampleRatio}' must be between 0 and 1."));
        }

        if (string.IsNullOrWhiteSpace(options.Prometheus.Path) || !options.Prometheus.Path.StartsWith('/') || options.Prometheus.Path.Length < 2)
        {
            errors.Add($"Telemetry:Prometheus:Path '{options.Prometheus.Path}' must be a path below the root, such as /metrics.");
        }

        if (options.Prometheus.Port is { } port && port is < 1 or > 65535)
        {
            errors.Add($"Telemetry:Prometheus:Port '{port}' must be a TCP port, 1–65535 (or absent: the service's own port, staff only).");
        }

        if (options.Otlp.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"Telemetry:Otlp:Endpoint '{endpoint}' must be an absolute http:// or https:// address of an OTLP collector.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
