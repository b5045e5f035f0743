namespace Ocop.MarketSync.Registry.Records;

/// <summary>One record as read from a registry page or an import file.</summary>
/// <param name="SourceJson">The record exactly as received, for staff to inspect.</param>
/// <param name="Product">The fields that could be read; a field with the wrong type is null and has an error.</param>
/// <param name="FieldErrors">Type errors, each naming the field (e.g. <c>stars</c>, <c>certificate.issuedOn</c>).</param>
public sealed record RegistryRecord(
    string SourceJson,
    RegistryProductRecord Product,
    IReadOnlyList<RegistryFieldError> FieldErrors);

public sealed record RegistryFieldError(string Field, string Message);
