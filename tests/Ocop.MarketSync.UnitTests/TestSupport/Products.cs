using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry.Records;
using Ocop.MarketSync.Sync.Intake;

namespace Ocop.MarketSync.UnitTests.TestSupport;

/// <summary>
/// <see cref="Product"/> entities the way intake stores them: a record normalised on the day it was evaluated
/// (the reference date unless given), mapped by <see cref="ProductWriter"/> itself.
/// </summary>
public static class Products
{
    public static Product Sample(string registryId, DateOnly? evaluatedOn = null) =>
        From(SampleData.Record(registryId), evaluatedOn);

    public static Product From(RecordBuilder record, DateOnly? evaluatedOn = null) =>
        From(record.Build(), evaluatedOn);

    private static Product From(RegistryRecord record, DateOnly? evaluatedOn)
    {
        var day = evaluatedOn ?? SampleData.ReferenceDate;
        var normalized = Normalizers.Create().Normalize(record, day);
        var now = day.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc);
        return ProductWriter.ToEntity(
            normalized.RegistryId ?? throw new InvalidOperationException("The record has no registry id."), normalized, now, day);
    }
}
