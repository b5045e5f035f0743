using Microsoft.EntityFrameworkCore;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Sandbox.Registry;

namespace Ocop.MarketSync.IntegrationTests.Intake;

/// <summary>A bad page loses nothing already stored, fails the run visibly, and the cursor resumes after it.</summary>
public sealed class RegistryFaultTests(PostgresServer postgres)
{
    [Fact]
    public async Task PullIncremental_SecondPageAnswers500_KeepsFirstPageAndResumesFromItsCursor()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, pageSize: 20);
        harness.Registry.Faults.Add(new RegistryFaultRule(RegistryFault.ServerError, int.MaxValue, AtCursor: "c20"));

        var error = await Assert.ThrowsAsync<RegistryPageException>(harness.PullAsync);

        Assert.Equal(RegistryFailure.HttpError, error.Failure);
        Assert.Contains("HTTP 500", error.Message, StringComparison.Ordinal);
        Assert.Equal(20, (await harness.ProductsAsync()).Count);
        Assert.Equal("c20", await harness.CursorAsync());
        var failed = await LastRunAsync(harness);
        Assert.Equal(IntakeRunStatus.Failed, failed.Status);
        Assert.Contains("HTTP 500", failed.Error, StringComparison.Ordinal);

        harness.Registry.Faults.Clear();
        var retry = await harness.PullAsync();

        Assert.Equal(("c20", 40, 40), (retry.CursorFrom, retry.Received, retry.Inserted));
        Assert.Equal(60, (await harness.ProductsAsync()).Select(p => p.RegistryId).Distinct().Count());
    }

    [Fact]
    public async Task PullIncremental_MalformedJsonPage_FailsAsMalformedAndKeepsEarlierPages()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, pageSize: 20);
        harness.Registry.Faults.Add(new RegistryFaultRule(RegistryFault.MalformedJson, int.MaxValue, AtCursor: "c40"));

        var error = await Assert.ThrowsAsync<RegistryPageException>(harness.PullAsync);

        Assert.Equal(RegistryFailure.Malformed, error.Failure);
        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
        Assert.Equal(40, (await harness.ProductsAsync()).Count);
        Assert.Equal("c40", await harness.CursorAsync());
    }

    [Fact]
    public async Task PullIncremental_RegistryTooSlow_FailsAsTimeoutAndKeepsEarlierPages()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, pageSize: 20, new Dictionary<string, string?>
        {
            ["Registry:Resilience:AttemptTimeout:Timeout"] = "00:00:00.300",
            ["Registry:Resilience:TotalRequestTimeout:Timeout"] = "00:00:02",
        });
        harness.Registry.Faults.Add(new RegistryFaultRule(RegistryFault.Timeout, int.MaxValue, AtCursor: "c20", Delay: TimeSpan.FromSeconds(5)));

        var error = await Assert.ThrowsAsync<RegistryPageException>(harness.PullAsync);

        Assert.Equal(RegistryFailure.Timeout, error.Failure);
        Assert.Equal(20, (await harness.ProductsAsync()).Count);
    }

    [Fact]
    public async Task PullIncremental_RecordWithWrongTypes_IsQuarantinedAndTheRestOfThePageStored()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres, pageSize: 20);
        harness.Registry.Faults.Add(new RegistryFaultRule(RegistryFault.WrongTypes, 1, AtCursor: ""));

        var run = await harness.PullAsync();

        Assert.Equal(IntakeRunStatus.Succeeded, run.Status);
        Assert.Equal(60, run.Received);
        var bad = await harness.ProductAsync("REG-00001");
        Assert.Equal(ProductOutcome.Quarantined, bad.Outcome);
        Assert.Contains(bad.Issues, i => i.Code == "field.type" && i.Message.StartsWith("stars:", StringComparison.Ordinal));
        Assert.Contains(bad.Issues, i => i.Code == "field.type" && i.Message.StartsWith("priceVnd:", StringComparison.Ordinal));
        using var source = System.Text.Json.JsonDocument.Parse(bad.SourceJson);
        Assert.Equal("bốn", source.RootElement.GetProperty("stars").GetString());
        Assert.Equal(57, (await harness.ProductsAsync()).Count(p => p.Outcome == ProductOutcome.Eligible) + 1);
    }

    private static Task<IntakeRun> LastRunAsync(IntakeHarness harness) =>
        harness.QueryAsync(db => db.IntakeRuns.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync(TestContext.Current.CancellationToken));
}
