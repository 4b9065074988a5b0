using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace Site.Hosting;

/// <summary>
/// The server-rendered screens (public pages, member pages, search, back office): one MVC registration for all of them,
/// so that no family exists only because another registered MVC. Each family declares its own routes on its
/// controllers (attribute routing), under its own path: /{culture}/…, /{culture}/member/…, /{culture}/search, /umbraco/….
/// </summary>
public static class SiteScreens
{
    public static WebApplicationBuilder AddSiteScreens(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddControllersWithViews();
        // Chinese text goes out as text, not as numeric character references: smaller pages, readable source.
        builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication MapSiteScreens(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapControllers();
        return app;
    }
}
