using Microsoft.Extensions.Options;
using Site.Core.Search;

namespace Site.Features.Search;

public static class SearchSiteExtensions
{
    /// <summary>Site search: its settings ("Site:Search"), checked on start. The engine part comes with AddSiteCore.</summary>
    public static WebApplicationBuilder AddSiteSearch(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<SearchOptions>()
            .BindConfiguration(SearchOptions.SectionName)
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsValidator>();
        builder.Services.AddProblemDetails();
        builder.Services.AddOptions<SearchRateLimitOptions>()
            .BindConfiguration(SearchRateLimitOptions.SectionName)
            .Validate(o => !o.Enabled || (o.TokenLimit > 0 && o.TokensPerSecond > 0), "Site:Search:RateLimit: TokenLimit and TokensPerSecond must be positive.")
            .ValidateOnStart();
        builder.Services.AddRateLimiter(o => o.AddPolicy<string, SearchRateLimitPolicy>(SearchRateLimitPolicy.Name));
        return builder;
    }

    /// <summary>The JSON API: <c>GET /api/search</c> and <c>GET /api/search/suggest</c>. The pages are the controller's.</summary>
    public static WebApplication MapSiteSearch(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/search").RequireRateLimiting(SearchRateLimitPolicy.Name);
        api.MapGet("/", SearchApi.Search);
        api.MapGet("/suggest", SearchApi.Suggest);
        return app;
    }
}

internal sealed class SearchOptionsValidator : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
