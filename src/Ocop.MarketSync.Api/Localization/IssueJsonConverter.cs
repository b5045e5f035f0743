using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Ocop.MarketSync.Data.Entities;
using Ocop.MarketSync.Sync.Texts;

namespace Ocop.MarketSync.Api.Localization;

/// <summary>
/// An issue or reason in the status API: <c>code</c> unchanged, <c>message</c> in the request's language
/// (<see cref="RequestLanguage"/>), <c>detail</c> the English sentence naming the values involved, and <c>severity</c>.
/// </summary>
internal sealed class IssueJsonConverter : JsonConverter<ProductIssue>
{
    public override ProductIssue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        var root = document.RootElement;
        var severity = root.TryGetProperty("severity", out var s) ? s.Deserialize<IssueSeverity>(options) : IssueSeverity.Info;
        var text = root.TryGetProperty("detail", out var d) ? d.GetString() : root.TryGetProperty("message", out var m) ? m.GetString() : null;
        return new ProductIssue(root.GetProperty("code").GetString() ?? string.Empty, text ?? string.Empty, severity);
    }

    public override void Write(Utf8JsonWriter writer, ProductIssue value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("code", value.Code);
        writer.WriteString("message", ReasonTexts.Message(value.Code, CultureInfo.CurrentUICulture.Name == "en" ? ReasonTexts.English : ReasonTexts.Vietnamese, value.Message));
        writer.WriteString("detail", value.Message);
        writer.WritePropertyName("severity");
        JsonSerializer.Serialize(writer, value.Severity, options);
        writer.WriteEndObject();
    }
}
