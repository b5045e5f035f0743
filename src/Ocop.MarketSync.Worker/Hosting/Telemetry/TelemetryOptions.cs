namespace Ocop.MarketSync.Worker.Hosting.Telemetry;

/// <summary>
/// <c>Telemetry</c>: OpenTelemetry metrics and traces. On by default with the Prometheus scrape endpoint at
/// <c>/metrics</c> for staff; OTLP export only when <c>Telemetry:Otlp:Endpoint</c> is set.
/// </summary>
internal sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>False: no OpenTelemetry at all (spans are not started, instruments have no listener).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// How old the database-derived gauges (listings by state, backlog, held prices, queue depth) may get. They are
    /// refreshed when a scrape or export finds them older than this, never more often, so every node costs the
    /// database a few GROUP BY queries per interval however often it is scraped. 1 s – 10 min.
    /// </summary>
    public TimeSpan GaugeRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Share of traces recorded, 0–1 (parent-based: a trace started elsewhere keeps its decision).</summary>
    public double TraceSampleRatio { get; set; } = 1.0;

    /// <summary>
    /// A span per database command (Npgsql). Off by default: pushing 20,000 listings runs tens of thousands of
    /// commands, and their spans were most of the measured tracing cost (docs/benchmarks.md). Turn on to find a slow
    /// query; the database metrics are there either way.
    /// </summary>
    public bool DatabaseSpans { get; set; }

    public PrometheusTelemetryOptions Prometheus { get; set; } = new();

    public OtlpTelemetryOptions Otlp { get; set; } = new();
}

internal sealed class PrometheusTelemetryOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Path of the scrape endpoint.</summary>
    public string Path { get; set; } = "/metrics";

    /// <summary>
    /// Null: the endpoint is on the service's own port and needs the staff login (Basic works for Prometheus'
    /// <c>basic_auth</c>). A port: the endpoint is served there only, without login, on the host of the first of
    /// <c>Urls</c>; keep that port inside the cluster.
    /// </summary>
    public int? Port { get; set; }
}

internal enum OtlpProtocol
{
    Grpc,
    HttpProtobuf,
}

internal sealed class OtlpTelemetryOptions
{
    /// <summary>The collector, e.g. <c>http://otel-collector:4317</c> (gRPC) or <c>http://otel-collector:4318</c> (HTTP). Empty: no OTLP export.</summary>
    public Uri? Endpoint { get; set; }

    public OtlpProtocol Protocol { get; set; } = OtlpProtocol.Grpc;
}
