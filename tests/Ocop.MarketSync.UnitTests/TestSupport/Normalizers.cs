using Microsoft.Extensions.Options;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Sync.Intake.Provinces;
using Ocop.MarketSync.Sync.Intake.Rules;

namespace Ocop.MarketSync.UnitTests.TestSupport;

/// <summary>Builds the normaliser the way the service does, and small assertions on its issues.</summary>
public static class Normalizers
{
    private static readonly Lazy<ProvinceDirectory> Provinces = new(ProvinceDirectory.LoadEmbedded);

    public static ProductNormalizer Create(IntakeOptions? options = null) =>
        new(Provinces.Value, new DescriptionSanitizer(), Options.Create(options ?? new IntakeOptions()));

    public static NormalizedRecord Normalize(RecordBuilder record, DateOnly? today = null) =>
        Create().Normalize(record.Build(), today ?? SampleData.ReferenceDate);

    /// <summary>The single issue with <paramref name="code"/>; fails if there is none or several, or if its severity differs.</summary>
    public static ProductIssue Issue(this NormalizedRecord record, string code, IssueSeverity severity)
    {
        var issue = Assert.Single(record.Issues, i => i.Code == code);
        Assert.Equal(severity, issue.Severity);
        return issue;
    }

    public static void NoIssue(this NormalizedRecord record, string code) =>
        Assert.DoesNotContain(record.Issues, i => i.Code == code);
}
