using Ocop.MarketSync.Api.Security;

namespace Ocop.MarketSync.UnitTests.Api.Security;

public sealed class StaffOptionsValidatorTests
{
    private readonly StaffOptionsValidator _validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Validate_NoPasswordAndNoGeneration_FailsNamingStaffPassword(string? password)
    {
        // Act
        var result = _validator.Validate(null, new StaffOptions { Password = password, GeneratePassword = false });

        // Assert
        Assert.True(result.Failed);
        Assert.StartsWith("Staff:Password is required", result.FailureMessage);
    }

    [Theory]
    [InlineData("abcde")]
    [InlineData("abcdefghijk")] // 11
    public void Validate_PasswordShorterThan12_Fails(string password)
    {
        // Act
        var result = _validator.Validate(null, new StaffOptions { Password = password });

        // Assert
        Assert.True(result.Failed);
        Assert.Equal("Staff:Password must be at least 12 characters long.", result.FailureMessage);
    }

    [Fact]
    public void Validate_ShortPasswordEvenWithGeneration_Fails()
    {
        // Act: a configured password is used as is, so generation does not excuse a weak one.
        var result = _validator.Validate(null, new StaffOptions { Password = "abcde", GeneratePassword = true });

        // Assert
        Assert.True(result.Failed);
    }

    [Fact]
    public void Validate_TwelveCharacterPassword_Succeeds()
    {
        // Act
        var result = _validator.Validate(null, new StaffOptions { Password = "abcdefghijkl" });

        // Assert
        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_NoPasswordWithGeneration_Succeeds()
    {
        // Act
        var result = _validator.Validate(null, new StaffOptions { GeneratePassword = true });

        // Assert
        Assert.True(result.Succeeded);
    }
}
