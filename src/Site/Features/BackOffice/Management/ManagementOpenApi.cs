using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Site.Features.BackOffice.Management;

/// <summary>The management API's OpenAPI document at /umbraco/openapi/management.json, generated from the endpoints.</summary>
internal static class ManagementOpenApi
{
    public const string BearerScheme = "Bearer";

    public static IServiceCollection AddManagementOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(ManagementApi.DocumentName, options =>
        {
            options.OpenApiVersion = OpenApiSpecVersion.OpenApi3_1;
            options.ShouldInclude = description => description.GroupName == ManagementApi.DocumentName;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "Management API",
                    Version = "1.0",
                    Description = "The forum site's back office as JSON, for import scripts and automation. Get a bearer token from " +
                        "POST /umbraco/management/api/v1/security/token with a back-office account; what each call may do follows the account's groups " +
                        "(Administrators, Editors, Writers, Translators) and, for translators, their culture. Refusals are ProblemDetails.",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The accessToken from POST /security/token (one hour; refresh by asking again).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];
                return Task.CompletedTask;
            });
        });

    /// <summary>
    /// Declares the refusals an endpoint can answer before its handler runs, from its shape: a request body that cannot
    /// be read (400), is over the limit (413) or is not of the accepted type (415); a route value of the wrong form
    /// (not a GUID for {id:guid}) matches no route (404). All are ProblemDetails (ErrorController on the API paths).
    /// </summary>
    public static void DescribeRequestProblems(EndpointBuilder endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (endpoint.Metadata.OfType<IAcceptsMetadata>().Any())
        {
            DeclareProblem(endpoint, StatusCodes.Status400BadRequest);
            DeclareProblem(endpoint, StatusCodes.Status413PayloadTooLarge);
            DeclareProblem(endpoint, StatusCodes.Status415UnsupportedMediaType);
        }

        if (endpoint is RouteEndpointBuilder route && route.RoutePattern.Parameters.Any(p => p.ParameterPolicies.Count > 0))
        {
            DeclareProblem(endpoint, StatusCodes.Status404NotFound);
        }
    }

    /// <summary>A ProblemDetails response for the status, unless the endpoint already declares one for it.</summary>
    public static void DeclareProblem(EndpointBuilder endpoint, int status)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.Metadata.OfType<IProducesResponseTypeMetadata>().Any(m => m.StatusCode == status))
        {
            endpoint.Metadata.Add(new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ["application/problem+json"]));
        }
    }
}
