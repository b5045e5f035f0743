using Ocop.MarketSync.TestSupport;

namespace Ocop.MarketSync.UnitTests.Infrastructure;

/// <summary>
/// What the test setup does on a machine without PostgreSQL or Chromium: the decision only, nothing is installed or
/// removed here (the install path runs for real on a fresh machine, as <c>.ci/run</c> used to).
/// </summary>
public sealed class DebianPackageTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Plan_Present_DoesNothing(bool isRoot)
    {
        var plan = DebianPackage.Postgres.Plan(present: true, isRoot, hasAptGet: true);

        Assert.IsType<ProvisionPlan.Present>(plan);
    }

    [Fact]
    public void Plan_MissingAsRoot_UpdatesThenInstallsWithoutRecommends()
    {
        var plan = DebianPackage.Postgres.Plan(present: false, isRoot: true, hasAptGet: true);

        var install = Assert.IsType<ProvisionPlan.Install>(plan);
        Assert.Equal(["apt-get update", "apt-get install -y --no-install-recommends postgresql"], install.Commands);
    }

    [Fact]
    public void Plan_ChromiumMissingAsRoot_InstallsChromium()
    {
        var plan = DebianPackage.Chromium.Plan(present: false, isRoot: true, hasAptGet: true);

        Assert.Equal("apt-get install -y --no-install-recommends chromium", Assert.IsType<ProvisionPlan.Install>(plan).Commands[1]);
    }

    [Fact]
    public void Plan_MissingNotRoot_FailsNamingTheExactCommand()
    {
        var plan = DebianPackage.Chromium.Plan(present: false, isRoot: false, hasAptGet: true);

        var fail = Assert.IsType<ProvisionPlan.Fail>(plan);
        Assert.Contains("Chromium at /usr/bin/chromium", fail.Message, StringComparison.Ordinal);
        Assert.EndsWith("sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium", fail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_MissingAsRootWithoutAptGet_FailsNamingThePackage()
    {
        var plan = DebianPackage.Postgres.Plan(present: false, isRoot: true, hasAptGet: false);

        Assert.Contains("'postgresql'", Assert.IsType<ProvisionPlan.Fail>(plan).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureAsync_AnotherProcessInstallsWhileWaitingForTheLock_ChecksAgainAndInstallsNothing()
    {
        // Another test process holds the lock while it installs; when it lets go, the package is there.
        var installed = false;
        Task ensure;
        await using (new FileStream(DebianPackage.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            ensure = DebianPackage.Postgres.EnsureAsync(() => Volatile.Read(ref installed), TestContext.Current.CancellationToken);
            await Task.Delay(1500, TestContext.Current.CancellationToken);
            Assert.False(ensure.IsCompleted, "EnsureAsync went ahead while another process held the install lock.");
            Volatile.Write(ref installed, true);
        }

        // Had it not checked again under the lock, it would have run apt-get (as root) or thrown (as anyone else).
        await ensure.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task EnsureAsync_Present_ReturnsWithoutTheLock()
    {
        await using var held = new FileStream(DebianPackage.LockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        await DebianPackage.Chromium.EnsureAsync(() => true, TestContext.Current.CancellationToken)
            .WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }
}
