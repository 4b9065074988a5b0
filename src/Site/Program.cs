using Site.Features.Media;
using Site.Features.Public;
using Site.Hosting;

var (command, hostArgs) = SiteCommands.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.AddSiteEngine();
builder.AddPublicSite();

var app = builder.Build();

if (command is not null)
{
    await app.InitializeSiteAsync();
    return await app.RunCommandAsync(command);
}

app.UseSiteErrorPages();
app.UseSecurityHeaders();
app.UseSiteStaticFiles();
app.UseRouting();
app.UseOutputCache();

app.MapHealthChecks("/healthz");
app.MapPublicSite();
app.MapMedia();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
