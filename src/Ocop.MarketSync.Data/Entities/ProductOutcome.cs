namespace Ocop.MarketSync.Data.Entities;

/// <summary>What intake decided about a registry record.</summary>
public enum ProductOutcome
{
    /// <summary>Valid data and a valid certificate: may be listed.</summary>
    Eligible,

    /// <summary>Valid data, but it may not carry the OCOP mark online (e.g. certificate expired or revoked).</summary>
    Ineligible,

    /// <summary>Unusable data (e.g. price missing, wrong types): kept with its reasons, never listed.</summary>
    Quarantined,
}
