using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Ocop.MarketSync.Api.Localization;

/// <summary>
/// Says in the OpenAPI document what the status API does with language and errors, which the generated schema cannot
/// see: reasons are written by <see cref="IssueJsonConverter"/> (<c>code</c>, <c>message</c> in the request's language,
/// <c>detail</c>, <c>severity</c>), the language comes from <c>Accept-Language</c> (<see cref="RequestLanguage"/>), and
/// every error is an RFC 7807 problem whose <c>detail</c> says what happened and what to do.
/// </summary>
internal sealed class ApiLanguageOpenApi : IOpenApiDocumentTransformer, IOpenApiSchemaTransformer
{
    public const string Header = "Accept-Language";
    private const string ProblemSchema = "ProblemDetails";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();

        foreach (var (path, item) in document.Paths)
        {
            if (!path.StartsWith("/api/", StringComparison.Ordinal) || item.Operations is null)
            {
                continue;
            }

            foreach (var operation in item.Operations.Values)
            {
                operation.Parameters ??= [];
                if (!operation.Parameters.Any(p => string.Equals(p.Name, Header, StringComparison.OrdinalIgnoreCase)))
                {
                    operation.Parameters.Add(AcceptLanguage());
                }

                operation.Responses ??= [];
                operation.Responses.TryAdd("default", new OpenApiResponse
                {
                    Description = "An error, as an RFC 7807 problem: `title` names it, `detail` says what happened and what to do.",
                    Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(ProblemSchema, document) },
                    },
                });
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>A reason or issue, wherever it appears: the generator cannot see through its JSON converter.</summary>
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (type != typeof(Data.Entities.ProductIssue) && type.IsAssignableTo(typeof(IEnumerable<Data.Entities.ProductIssue>)))
        {
            // A list of reasons: the generator leaves its items empty, the element being opaque to it.
            schema.Items = Issue();
        }
        else if (type == typeof(Data.Entities.ProductIssue))
        {
            var issue = Issue();
            schema.Type = issue.Type;
            schema.Description = issue.Description;
            schema.Required = issue.Required;
            schema.Properties = issue.Properties;
        }

        return Task.CompletedTask;
    }

    private static OpenApiParameter AcceptLanguage() => new()
    {
        Name = Header,
        In = ParameterLocation.Header,
        Required = false,
        Description = "Language of the `message` of reasons and issues: Vietnamese (`vi-VN`, the default) unless English (`en`) comes first. "
            + "`code` never changes; the answer's Content-Language says which language was used.",
        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Default = JsonValue.Create("vi-VN"), Examples = [JsonValue.Create("vi-VN"), JsonValue.Create("en")] },
    };

    private static OpenApiSchema Issue() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "Why a product or listing is as it is (an intake issue, or the reason a listing is not online).",
        Required = new HashSet<string> { "code", "message", "severity" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["code"] = Text("Stable machine code, e.g. `certificate.expired`; the same in every language."),
            ["message"] = Text("The reason for people, in the request's language (`Accept-Language`: Vietnamese by default, or English)."),
            ["detail"] = Text("The English sentence naming the values involved (dates, prices, limits), as the service recorded it."),
            ["severity"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "How much it matters.",
                Enum = [.. Enum.GetNames<Data.Entities.IssueSeverity>().Select(n => (JsonNode)JsonValue.Create(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(n)))],
            },
        },
    };

    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "RFC 7807 problem details.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the kind of problem."),
            ["title"] = Text("Short summary, e.g. `Product not found`."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The HTTP status code." },
            ["detail"] = Text("What happened and what to do, naming the values involved (e.g. the unknown id, the accepted values)."),
            ["instance"] = Text("The request path."),
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
