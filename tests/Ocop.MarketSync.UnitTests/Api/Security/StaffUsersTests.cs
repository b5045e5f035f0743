using Ocop.MarketSync.Api.Security;

namespace Ocop.MarketSync.UnitTests.Api.Security;

/// <summary>Logins from Staff:Users: roles, password hashes, and start-up validation naming the key.</summary>
public sealed class StaffUsersTests
{
    private static readonly string LanHash = StaffPasswordHash.Hash("mật khẩu của Lan 2026");

    private static StaffOptions Options(string? role = StaffRoles.Viewer, string? hash = null) => new()
    {
        Password = "built-in-operator-password",
        Users = { ["lan"] = new StaffUserOptions { Role = role, PasswordHash = hash ?? LanHash } },
    };

    [Fact]
    public void Verify_ConfiguredUserWithItsPassword_SucceedsWithItsRole_BuiltInIsOperator()
    {
        var credentials = new StaffCredentials(Microsoft.Extensions.Options.Options.Create(Options()));

        Assert.True(credentials.Verify("lan", "mật khẩu của Lan 2026"));
        Assert.False(credentials.Verify("lan", "mật khẩu của Lan 2025"));
        Assert.False(credentials.Verify("lan", "built-in-operator-password"));
        Assert.True(credentials.Verify("staff", "built-in-operator-password"));
        Assert.Equal((StaffRoles.Viewer, StaffRoles.Operator), (credentials.RoleOf("lan"), credentials.RoleOf("staff")));
    }

    [Fact]
    public void Verify_OnlyConfiguredUsers_NoBuiltInLoginAccepted()
    {
        var options = Options(StaffRoles.Operator);
        options.Password = null;
        var credentials = new StaffCredentials(Microsoft.Extensions.Options.Options.Create(options));

        Assert.True(new StaffOptionsValidator().Validate(null, options).Succeeded);
        Assert.False(credentials.Verify("staff", string.Empty));
        Assert.True(credentials.Verify("lan", "mật khẩu của Lan 2026"));
    }

    [Fact]
    public void Validate_UnknownRole_FailsNamingTheKey()
    {
        var result = new StaffOptionsValidator().Validate(null, Options(role: "admin"));

        Assert.True(result.Failed);
        Assert.Contains("Staff:Users:lan:Role must be 'viewer' or 'operator' (got 'admin').", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mật khẩu thường")]
    [InlineData("c2hvcnQ=")]
    public void Validate_PasswordInsteadOfHash_FailsNamingTheKeyAndTheCommand(string notAHash)
    {
        var result = new StaffOptionsValidator().Validate(null, Options(hash: notAHash));

        Assert.True(result.Failed);
        Assert.Contains("Staff:Users:lan:PasswordHash is missing or not a password hash", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("staff hash-password", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UserNamedLikeTheBuiltInLogin_Fails()
    {
        var options = Options();
        options.Users["staff"] = options.Users["lan"];

        var result = new StaffOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Staff:Users:staff has the name of the built-in login", result.FailureMessage, StringComparison.Ordinal);
    }
}
