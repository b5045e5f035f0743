using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Ocop.MarketSync.Sync.Telemetry;

namespace Ocop.MarketSync.Worker.Hosting.Telemetry;

internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// OpenTelemetry for the service from <c>Telemetry</c> (<see cref="TelemetryOptions"/>): traces of our
    /// <see cref="MarketSyncTelemetry.ActivitySource"/>, ASP.NET Core, HttpClient and Npgsql; metrics of our meter,
    /// ASP.NET Core, HttpClient, Npgsql and the runtime; the Prometheus scrape endpoint and OTLP export as configured.
    /// Nothing is added when <c>Telemetry:Enabled</c> is false.
    /// </summary>
    /// <remarks>
    /// The options are read here, not later, because they decide what is registered; a bad value stops the start
    /// now, naming the key (the same validator also runs through ValidateOnStart for the options others inject).
    /// </remarks>
    public static IServiceCollection AddMarketSyncTelemetry(this IServiceCollection services, IConfiguration configuration, bool databaseGauges = true)
    {
        var options = Read(configuration);
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        if (!options.Enabled)
        {
            return services;
        }

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(MarketSyncTelemetry.Name, serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing =>
            {
                tracing.SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(options.TraceSampleRatio)))
                    .AddSource(MarketSyncTelemetry.Name)
                    .AddAspNetCoreInstrumentation(aspNet => aspNet.Filter = http => !IsNoise(http.Request.Path, options))
                    .AddHttpClientInstrumentation();
                if (options.DatabaseSpans)
                {
                    tracing.AddNpgsql();
                }

                if (options.Otlp.Endpoint is { } endpoint)
                {
                    tracing.AddOtlpExporter(otlp => Configure(otlp, endpoint, options.Otlp.Protocol, "v1/traces"));
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(MarketSyncTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddNpgsqlInstrumentation()
                    .AddRuntimeInstrumentation();
                if (options.Prometheus.Enabled)
                {
                    metrics.AddPrometheusExporter(prometheus => prometheus.ScrapeEndpointPath = options.Prometheus.Path);
                }

                if (options.Otlp.Endpoint is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => Configure(otlp, endpoint, options.Otlp.Protocol, "v1/metrics"));
                }
            });
        _ = otel;
        if (databaseGauges)
        {
            services.AddSingleton<TelemetryGauges>();
            services.AddHostedService(sp => sp.GetRequiredService<TelemetryGauges>());
        }

        return services;
    }

    /// <summary>The options as configured, validated; throws naming the key when they are not valid.</summary>
    public static TelemetryOptions Read(IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var result = new TelemetryOptionsValidator().Validate(null, options);
        return result.Failed ? throw new OptionsValidationException(TelemetryOptions.SectionName, typeof(TelemetryOptions), result.Failures) : options;
    }

    /// <summary>Scrapes and health probes every few seconds would drown the traces that matter.</summary>
    private static bool IsNoise(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments(options.Prometheus.Path, StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);

    /// <summary>With HTTP/protobuf an endpoint set in code is used as is, so the signal's path is added here.</summary>
    private static void Configure(OtlpExporterOptions otlp, Uri endpoint, OtlpProtocol protocol, string signalPath)
    {
        otlp.Protocol = protocol == OtlpProtocol.Grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        otlp.Endpoint = protocol == OtlpProtocol.Grpc ? endpoint : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }
}
