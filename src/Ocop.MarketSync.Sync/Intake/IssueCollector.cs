using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Sync.Intake;

/// <summary>Collects issues for one record; the worst severity decides the outcome.</summary>
internal sealed class IssueCollector
{
    private readonly List<ProductIssue> _issues = [];

    public IReadOnlyList<ProductIssue> Issues => _issues;

    public void Info(string code, string message) => _issues.Add(new ProductIssue(code, message, IssueSeverity.Info));

    public void Warn(string code, string message) => _issues.Add(new ProductIssue(code, message, IssueSeverity.Warning));

    public void Ineligible(string code, string message) => _issues.Add(new ProductIssue(code, message, IssueSeverity.Ineligible));

    public void Quarantine(string code, string message) => _issues.Add(new ProductIssue(code, message, IssueSeverity.Quarantine));

    public ProductOutcome Outcome()
    {
        var worst = _issues.Count == 0 ? IssueSeverity.Info : _issues.Max(i => i.Severity);
        return worst switch
        {
            IssueSeverity.Quarantine => ProductOutcome.Quarantined,
            IssueSeverity.Ineligible => ProductOutcome.Ineligible,
            IssueSeverity.Info or IssueSeverity.Warning => ProductOutcome.Eligible,
            _ => throw new InvalidOperationException($"Unknown severity {worst}."),
        };
    }
}
