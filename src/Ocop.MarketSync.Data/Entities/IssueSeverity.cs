namespace Ocop.MarketSync.Data.Entities;

/// <summary>How much an issue weighs on a record's outcome. The worst issue decides the outcome.</summary>
public enum IssueSeverity
{
    /// <summary>Something staff or the producer may want to know; no effect on listing.</summary>
    Info,

    /// <summary>Data was corrected or dropped (e.g. a bad GTIN is sent without barcode); still listable.</summary>
    Warning,

    /// <summary>Makes the product ineligible (e.g. certificate expired).</summary>
    Ineligible,

    /// <summary>Makes the record unusable: it is quarantined.</summary>
    Quarantine,
}
