namespace Ocop.MarketSync.Api.Security;

/// <summary>
/// Section <c>Staff:Lockout</c>: how failed logins are slowed and then locked, counted separately per username and
/// per client address (so one address cannot try many users, and many addresses cannot try one user quickly).
/// </summary>
public sealed class LoginLockoutOptions
{
    public const string SectionName = "Staff:Lockout";

    /// <summary>Failures allowed at full speed within <see cref="Window"/>.</summary>
    public int FreeAttempts { get; set; } = 5;

    /// <summary>Failures within <see cref="Window"/> after which every login of that user or address is refused for <see cref="LockFor"/>.</summary>
    public int LockAfter { get; set; } = 10;

    /// <summary>
    /// The same for a client address. Higher than <see cref="LockAfter"/>: a provincial office behind one NAT address
    /// must not lock all its staff out because one of them mistyped.
    /// </summary>
    public int AddressLockAfter { get; set; } = 30;

    /// <summary>How long failures are remembered.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan LockFor { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The wait imposed after each failure beyond the free ones doubles from 1 s up to this.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        if (FreeAttempts < 1)
        {
            yield return "Staff:Lockout:FreeAttempts must be at least 1.";
        }

        if (LockAfter <= FreeAttempts)
        {
            yield return "Staff:Lockout:LockAfter must be greater than Staff:Lockout:FreeAttempts.";
        }

        if (AddressLockAfter <= FreeAttempts)
        {
            yield return "Staff:Lockout:AddressLockAfter must be greater than Staff:Lockout:FreeAttempts.";
        }

        if (Window < TimeSpan.FromMinutes(1) || LockFor < TimeSpan.FromMinutes(1))
        {
            yield return "Staff:Lockout:Window and Staff:Lockout:LockFor must be at least 00:01:00.";
        }

        if (MaxDelay < TimeSpan.FromSeconds(1) || MaxDelay > TimeSpan.FromMinutes(10))
        {
            yield return "Staff:Lockout:MaxDelay must be between 00:00:01 and 00:10:00.";
        }
    }
}

/// <summary>Names every wrong key of <c>Staff:Lockout</c> at start-up.</summary>
internal sealed class LoginLockoutOptionsValidator : Microsoft.Extensions.Options.IValidateOptions<LoginLockoutOptions>
{
    public Microsoft.Extensions.Options.ValidateOptionsResult Validate(string? name, LoginLockoutOptions options)
    {
        var failures = options.Validate().ToList();
        return failures.Count == 0
            ? Microsoft.Extensions.Options.ValidateOptionsResult.Success
            : Microsoft.Extensions.Options.ValidateOptionsResult.Fail(failures);
    }
}
