using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Jobs;

namespace Ocop.MarketSync.UnitTests.Sync.Jobs;

public sealed class CronKeysValidatorTests
{
    [Theory]
    [InlineData("*/5 * * * *")]
    [InlineData("0 2 * * *")]
    [InlineData("30 4 * * 1-5")]
    [InlineData("0 */10 * * * *")] // six fields: seconds first, as Hangfire reads it
    [InlineData("@daily")]
    public void Problem_CronHangfireAccepts_IsNull(string cron) =>
        Assert.Null(CronKeysValidator<IntakeOptions>.Problem("Intake:PullCron", cron));

    [Theory]
    [InlineData("*/61 * * * *")]
    [InlineData("0 25 * * *")]
    [InlineData("every five minutes")]
    [InlineData("* * * *")]
    public void Problem_BadCron_NamesTheKeyTheValueAndTheFormat(string cron)
    {
        var problem = CronKeysValidator<IntakeOptions>.Problem("Intake:FullCron", cron);

        Assert.NotNull(problem);
        Assert.StartsWith($"Intake:FullCron '{cron}' is not a valid cron expression", problem, StringComparison.Ordinal);
        Assert.Contains("five fields", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoKeysOneBad_FailsForThatKeyOnly()
    {
        var validator = new CronKeysValidator<IntakeOptions>(("Intake:PullCron", o => o.PullCron), ("Intake:FullCron", o => o.FullCron));

        var result = validator.Validate(null, new IntakeOptions { PullCron = "*/5 * * * *", FullCron = "0 2 * *" });

        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith("Intake:FullCron '0 2 * *'", failure, StringComparison.Ordinal);
    }
}
