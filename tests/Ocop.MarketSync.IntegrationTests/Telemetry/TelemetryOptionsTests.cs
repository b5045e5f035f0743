using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Ocop.MarketSync.Worker.Hosting.Telemetry;

namespace Ocop.MarketSync.IntegrationTests.Telemetry;

/// <summary>A bad <c>Telemetry</c> value stops the start with a message naming the key.</summary>
public sealed class TelemetryOptionsTests
{
    [Theory]
    [InlineData("Telemetry:Prometheus:Port", "70000")]
    [InlineData("Telemetry:Prometheus:Path", "metrics")]
    [InlineData("Telemetry:Otlp:Endpoint", "ftp://collector:4317")]
    [InlineData("Telemetry:TraceSampleRatio", "1.5")]
    [InlineData("Telemetry:GaugeRefresh", "00:00:00.1")]
    public void Read_BadValue_ThrowsNamingTheKey(string key, string value)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();

        var error = Assert.Throws<OptionsValidationException>(() => TelemetryServiceCollectionExtensions.Read(configuration));

        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Defaults_AreValid()
    {
        var options = TelemetryServiceCollectionExtensions.Read(new ConfigurationBuilder().Build());

        Assert.True(options.Enabled);
        Assert.Equal("/metrics", options.Prometheus.Path);
        Assert.Null(options.Prometheus.Port);
        Assert.Null(options.Otlp.Endpoint);
    }
}
