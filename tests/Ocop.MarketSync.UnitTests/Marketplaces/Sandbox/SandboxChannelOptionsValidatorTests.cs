using Ocop.MarketSync.Marketplaces.Sandbox;

namespace Ocop.MarketSync.UnitTests.Marketplaces.Sandbox;

public sealed class SandboxChannelOptionsValidatorTests
{
    private readonly SandboxChannelOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeeds()
    {
        // Act
        var result = _validator.Validate("sandbox-hcm", new SandboxChannelOptions());

        // Assert
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_BadValues_FailsNamingEachKeyOfTheChannel()
    {
        // Arrange
        var options = new SandboxChannelOptions
        {
            WriteBatchSize = 0,
            PageSize = 5000,
            RequestsPerSecond = 0,
            AttemptTimeout = TimeSpan.Zero,
            ReadRetryDelay = TimeSpan.FromMinutes(2),
        };

        // Act
        var result = _validator.Validate("sandbox-hcm", options);

        // Assert
        Assert.Equal(
            [
                "Channels:sandbox-hcm:Sandbox:WriteBatchSize must be from 1 to 1000 (got 0).",
                "Channels:sandbox-hcm:Sandbox:PageSize must be from 1 to 1000 (got 5000).",
                "Channels:sandbox-hcm:Sandbox:RequestsPerSecond must be above 0 and at most 10000 (got 0).",
                "Channels:sandbox-hcm:Sandbox:AttemptTimeout must be from 10 ms to 10 minutes (got 00:00:00).",
                "Channels:sandbox-hcm:Sandbox:ReadRetryDelay must be from 0 to 1 minute (got 00:02:00).",
            ],
            result.Failures!);
    }
}
