using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Registry.Records;

namespace Ocop.MarketSync.UnitTests.TestSupport;

/// <summary>
/// <see cref="Product"/> entities the way intake stores them: a record normalised on the day it was evaluated
/// (the reference date unless given), copied field for field as <c>ProductWriter</c> does.
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
        return new Product
        {
            RegistryId = normalized.RegistryId ?? throw new InvalidOperationException("The record has no registry id."),
            Outcome = normalized.Outcome,
            Issues = [.. normalized.Issues],
            ContentHash = normalized.ContentHash,
            Name = normalized.Data.Name,
            Province = normalized.Data.Producer?.Province,
            ProvinceCode = normalized.Data.Producer?.ProvinceCode,
            ProductSet = normalized.Data.ProductSet,
            Stars = normalized.Data.Stars,
            IsService = normalized.Data.IsService,
            CertificateValidUntil = normalized.Data.Certificate?.ValidUntil,
            Data = normalized.Data,
            SourceJson = normalized.SourceJson,
            EvaluatedOn = day,
            FirstSeenAt = now,
            LastChangedAt = now,
        };
    }
}
