using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.IntegrationTests.Infrastructure;

namespace Ocop.MarketSync.IntegrationTests.Intake;

/// <summary>A full pull retires withdrawn products, unless so many vanish that the registry is more likely broken.</summary>
public sealed class RetireGuardTests(PostgresServer postgres)
{
    [Fact]
    public async Task PullFull_QuarterOfProductsMissing_RetiresNoneAndRaisesAnAlert()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres);
        await harness.PullAsync();
        foreach (var id in harness.Registry.Ids().Take(15))
        {
            harness.Registry.Remove(id);
        }

        var run = await harness.PullFullAsync();

        Assert.Equal(IntakeRunStatus.GuardTripped, run.Status);
        Assert.Equal(0, run.Retired);
        Assert.Contains("15 of 60", run.Alert, StringComparison.Ordinal);
        Assert.All(await harness.ProductsAsync(), p => Assert.Null(p.RetiredAt));
    }

    [Fact]
    public async Task PullFull_FewProductsMissing_RetiresThemAndARetiredProductReturns()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres);
        await harness.PullAsync();
        var withdrawn = harness.Registry.Ids().Take(5).ToList();
        var returning = harness.Registry.Get(withdrawn[0])!;
        withdrawn.ForEach(id => harness.Registry.Remove(id));

        var run = await harness.PullFullAsync();

        Assert.Equal((IntakeRunStatus.Succeeded, 5), (run.Status, run.Retired));
        var products = await harness.ProductsAsync();
        Assert.Equal(withdrawn.Order(StringComparer.Ordinal), products.Where(p => p.RetiredAt is not null).Select(p => p.RegistryId));

        harness.Registry.Upsert(returning);
        await harness.PullAsync();

        Assert.Null((await harness.ProductAsync(withdrawn[0])).RetiredAt);
    }

    [Fact]
    public async Task PullFull_RegistryEmpty_RetiresNone()
    {
        await using var harness = await IntakeHarness.CreateAsync(postgres);
        await harness.PullAsync();
        foreach (var id in harness.Registry.Ids())
        {
            harness.Registry.Remove(id);
        }

        var run = await harness.PullFullAsync();

        Assert.Equal(IntakeRunStatus.GuardTripped, run.Status);
        Assert.Equal(60, (await harness.ProductsAsync()).Count(p => p.RetiredAt is null));
    }
}
