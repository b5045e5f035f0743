using Microsoft.Extensions.Options;
using Ocop.MarketSync.Api.Security;

namespace Ocop.MarketSync.UnitTests.Api.Security;

public sealed class StaffCredentialsTests
{
    private static StaffCredentials Credentials(string? password = null, string username = "staff") =>
        new(Options.Create(new StaffOptions { Username = username, Password = password, GeneratePassword = password is null }));

    [Fact]
    public void Verify_GeneratedPassword_Succeeds()
    {
        // Arrange
        var credentials = Credentials();

        // Act
        var ok = credentials.Verify("staff", credentials.GeneratedPassword);

        // Assert
        Assert.True(ok);
        Assert.Matches("^[a-km-zA-HJ-NP-Z2-9]{20}$", credentials.GeneratedPassword);
    }

    [Fact]
    public void Constructor_TwoGenerations_GiveDifferentPasswords()
    {
        // Act
        var first = Credentials().GeneratedPassword;
        var second = Credentials().GeneratedPassword;

        // Assert
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Constructor_ConfiguredPassword_GeneratesNone()
    {
        // Act
        var credentials = Credentials("correct horse battery");

        // Assert
        Assert.Null(credentials.GeneratedPassword);
        Assert.Equal("staff", credentials.Username);
        Assert.True(credentials.Verify("staff", "correct horse battery"));
    }

    [Theory]
    [InlineData("staff", "correct horse batterY")]
    [InlineData("staff", "correct horse battery ")]
    [InlineData("staff", "")]
    [InlineData("admin", "correct horse battery")]
    [InlineData("Staff", "correct horse battery")]
    [InlineData(null, "correct horse battery")]
    [InlineData("staff", null)]
    public void Verify_WrongUserOrPassword_Fails(string? username, string? password)
    {
        // Arrange
        var credentials = Credentials("correct horse battery");

        // Act
        var ok = credentials.Verify(username, password);

        // Assert
        Assert.False(ok);
    }

    [Fact]
    public void Verify_WrongPasswordForGeneratedCredentials_Fails()
    {
        // Arrange
        var credentials = Credentials();

        // Act
        var ok = credentials.Verify("staff", credentials.GeneratedPassword + "x");

        // Assert
        Assert.False(ok);
    }
}
