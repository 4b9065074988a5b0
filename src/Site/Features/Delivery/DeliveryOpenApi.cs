using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Site.Features.Delivery;

/// <summary>
/// Our OpenAPI document at /umbraco/openapi/delivery.json, generated from the endpoints: the contract's paths,
/// parameters, schema names and security scheme, plus our two extension headers.
/// </summary>
internal static class DeliveryOpenApi
{
    public const string ApiKeyScheme = "ApiKeyAuth";

    private static readonly Dictionary<Type, string> SchemaNames = new()
    {
        [typeof(ApiContentResponse)] = "IApiContentResponseModel",
        [typeof(ApiContentRoute)] = "IApiContentRouteModel",
        [typeof(ApiContentStartItem)] = "IApiContentStartItemModel",
        [typeof(ApiPagedContent)] = "PagedIApiContentResponseModel",
        [typeof(ApiMediaWithCrops)] = "IApiMediaWithCropsResponseModel",
        [typeof(ApiFocalPoint)] = "ImageFocalPointModel",
        [typeof(ApiImageCrop)] = "ImageCropModel",
        [typeof(ApiImageCropCoordinates)] = "ImageCropCoordinatesModel",
        [typeof(ApiPagedMedia)] = "PagedIApiMediaWithCropsResponseModel",
        [typeof(ProblemDetails)] = "ProblemDetails",
    };

    /// <summary>Descriptions of the parameters (set here: [Description] on [AsParameters] members breaks the generator).</summary>
    private static readonly Dictionary<string, string> Descriptions = new(StringComparer.Ordinal)
    {
        ["fetch"] = "Specifies the items to fetch: ancestors:, children: or descendants: with an id or a path (media, where it is required: children:/, children:id, children:path).",
        ["filter"] = "contentType:alias (media: mediaType:alias), name:text (negate either with !), createDate or updateDate with >, >:, < or <: and a date. Repeated filters must all hold.",
        ["sort"] = "createDate, level, name, sortOrder or updateDate with :asc or :desc; several sort in order.",
        ["skip"] = "Specifies the number of found items to skip. Use this to control pagination of the response.",
        ["take"] = "Specifies the number of found items to take. Use this to control pagination of the response.",
        ["expand"] = "The properties to expand: properties[$all], properties[alias1,alias2] or properties[alias1[properties[nestedAlias]]].",
        ["fields"] = "The properties to include (all by default): properties[$all], properties[alias1,alias2] or nested.",
        ["Accept-Language"] = "Defines the language to return (one of the site's cultures, in lower case); without it, the default language. One culture the site does not have finds nothing.",
        ["Accept-Segment"] = "Defines the segment to return. This site has no segments: the header is accepted and ignored.",
        ["Preview"] = "Whether to request draft content; needs the Api-Key header.",
        ["Start-Item"] = "URL segment or GUID of a root content item.",
        [DeliveryHeaderNames.LanguageFallback] = "Beyond Umbraco: 'default' serves items missing in the requested language in the default language, marked with fallbackCulture.",
        [DeliveryHeaderNames.MarkdownFormat] = "Beyond Umbraco: 'markdown' sends Markdown properties as their source instead of sanitized HTML.",
        ["path"] = "The path of the item: a site URL (/en/sessions/13th-forum-2017) or a path in the requested language (/sessions/13th-forum-2017).",
    };

    public static IServiceCollection AddDeliveryOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DeliveryApiExtensions.DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => description.GroupName == DeliveryApiExtensions.DocumentName;
            options.CreateSchemaReferenceId = type =>
                SchemaNames.TryGetValue(type.Type, out var name) ? name : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Delivery API",
                    Version = "Latest",
                    Description = "Umbraco's Content Delivery API v2 for the forum site (zh-CN, en-US). Beyond Umbraco: the " +
                        $"{DeliveryHeaderNames.LanguageFallback} and {DeliveryHeaderNames.MarkdownFormat} headers.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    Name = DeliveryHeaderNames.ApiKey,
                    In = ParameterLocation.Header,
                    Description = "API key specified through configuration to authorize access to the API.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyScheme, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, _, _) =>
            {
                foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
                {
                    // Bound as text so that a malformed value is our 400 naming it; documented as the contract types it.
                    parameter.Schema = (parameter.Name, parameter.In) switch
                    {
                        ("skip", ParameterLocation.Query) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Default = JsonValue.Create(0) },
                        ("take", ParameterLocation.Query) => new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Default = JsonValue.Create(10) },
                        ("Preview", ParameterLocation.Header) => new OpenApiSchema { Type = JsonSchemaType.Boolean },
                        ("id", ParameterLocation.Query) => new OpenApiSchema
                        {
                            Type = JsonSchemaType.Array,
                            Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
                        },
                        ("path", ParameterLocation.Path) => new OpenApiSchema { Type = JsonSchemaType.String, Default = JsonValue.Create(string.Empty) },
                        _ => parameter.Schema,
                    };
                    parameter.Description ??= Descriptions.GetValueOrDefault(parameter.Name ?? string.Empty);
                    if (parameter.In == ParameterLocation.Path)
                    {
                        parameter.Required = true;
                    }
                }

                return Task.CompletedTask;
            });
        });
}
