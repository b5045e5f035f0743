using System.Text.Json;

namespace Ocop.MarketSync.Registry.Records;

/// <summary>Turns one JSON record (from the API or a file) into a <see cref="RegistryRecord"/>, never throwing on bad fields.</summary>
public static class RegistryRecordReader
{
    public static RegistryRecord Read(JsonElement element)
    {
        var raw = element.GetRawText();
        var errors = new List<RegistryFieldError>();
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new RegistryFieldError("$", $"record: expected an object, got {element.ValueKind.ToString().ToLowerInvariant()}"));
            return new RegistryRecord(raw, new RegistryProductRecord(), errors);
        }

        var f = new JsonFieldReader(errors);
        var product = new RegistryProductRecord
        {
            RegistryId = f.String(element, "registryId"),
            OcopCode = f.String(element, "ocopCode"),
            Name = f.String(element, "name"),
            NameEn = f.String(element, "nameEn"),
            Producer = ReadProducer(element, f),
            Group = f.String(element, "group"),
            GroupCode = f.String(element, "groupCode"),
            ProductSet = f.Int32(element, "productSet"),
            Subgroup = f.String(element, "subgroup"),
            Stars = f.Int32(element, "stars"),
            Certificate = ReadCertificate(element, f),
            Gtin = f.String(element, "gtin"),
            Unit = f.String(element, "unit"),
            NetWeight = ReadQuantity(element, "netWeight", f),
            Volume = ReadQuantity(element, "volume", f),
            PriceVnd = f.Int64(element, "priceVnd"),
            Stock = f.Int32(element, "stock"),
            Images = f.StringArray(element, "images"),
            Description = f.String(element, "description"),
            ShelfLifeDays = f.Int32(element, "shelfLifeDays"),
            Standards = f.StringArray(element, "standards"),
            Traceability = ReadTraceability(element, f),
        };
        return new RegistryRecord(raw, product, errors);
    }

    private static RegistryProducer? ReadProducer(JsonElement element, JsonFieldReader f)
    {
        if (!f.TryGetObject(element, "producer", out var p))
        {
            return null;
        }

        var n = f.Nested("producer");
        return new RegistryProducer(n.String(p, "name"), n.String(p, "type"), n.String(p, "province"), n.String(p, "commune"));
    }

    private static RegistryCertificate? ReadCertificate(JsonElement element, JsonFieldReader f)
    {
        if (!f.TryGetObject(element, "certificate", out var c))
        {
            return null;
        }

        var n = f.Nested("certificate");
        RegistryRevocation? revocation = null;
        if (n.TryGetObject(c, "revocation", out var r))
        {
            var rn = n.Nested("revocation");
            revocation = new RegistryRevocation(
                rn.String(r, "decisionNumber"), rn.Date(r, "revokedOn"), rn.String(r, "issuedBy"), rn.String(r, "reason"));
        }

        return new RegistryCertificate
        {
            DecisionNumber = n.String(c, "decisionNumber"),
            IssuedOn = n.Date(c, "issuedOn"),
            ExpiresOn = n.Date(c, "expiresOn"),
            IssuedBy = n.String(c, "issuedBy"),
            Status = n.String(c, "status"),
            Revocation = revocation,
        };
    }

    private static RegistryQuantity? ReadQuantity(JsonElement element, string name, JsonFieldReader f)
    {
        if (!f.TryGetObject(element, name, out var q))
        {
            return null;
        }

        var n = f.Nested(name);
        return new RegistryQuantity(n.Decimal(q, "value"), n.String(q, "unit"));
    }

    private static RegistryTraceability? ReadTraceability(JsonElement element, JsonFieldReader f)
    {
        if (!f.TryGetObject(element, "traceability", out var t))
        {
            return null;
        }

        var n = f.Nested("traceability");
        return new RegistryTraceability(n.String(t, "code"), n.String(t, "url"));
    }
}
