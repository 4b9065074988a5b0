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
}
