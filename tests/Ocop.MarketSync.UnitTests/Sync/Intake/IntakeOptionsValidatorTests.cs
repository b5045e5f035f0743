using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.UnitTests.Sync.Intake;

public sealed class IntakeOptionsValidatorTests
{
    private readonly IntakeOptionsValidator _validator = new();

    [Fact]
    public void Validate_UnknownTimeZone_FailsNamingTheKey()
    {
        // Act
        var result = _validator.Validate(null, new IntakeOptions { TimeZone = "Asia/Atlantis" });

        // Assert
        Assert.True(result.Failed);
        Assert.StartsWith("Intake:TimeZone 'Asia/Atlantis' is not a time zone known to this machine", result.FailureMessage);
    }

    [Theory]
    [InlineData("Asia/Ho_Chi_Minh")]
    [InlineData("UTC")]
    public void Validate_KnownTimeZone_Succeeds(string zone)
    {
        // Act
        var result = _validator.Validate(null, new IntakeOptions { TimeZone = zone });

        // Assert
        Assert.True(result.Succeeded);
    }
}
