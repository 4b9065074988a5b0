using Site.Features.BackOffice;
using Site.Features.Delivery;
using Site.Features.Members;
using Site.Features.Media;
using Site.Features.Public;
using Site.Features.Search;
using Site.Hosting;

var (command, hostArgs) = SiteCommands.Split(args);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.AddSiteEngine();
builder.AddReverseProxy();
builder.AddSiteScreens();
builder.AddPublicSite();
builder.AddMembers();
builder.AddBackOffice();
builder.AddSiteSearch();
builder.AddDeliveryApi();

var app = builder.Build();

if (command is not null)
{
    return await app.RunCommandAsync(command);
}

app.UseForwardedHeaders();
app.UseHeadAsGet();
app.UseSiteErrorPages();
app.UseSecurityHeaders();
app.UseSiteStaticFiles();
app.UseRouting();
app.UseCors();
// Before authentication: OpenIddict answers bad token and authorize requests inside it, and those count too.
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMediaUploadLimits();
app.UseOutputCache();

app.MapHealthChecks("/healthz");
app.MapPublicSite();
app.MapMemberTokens();
app.MapMemberAuthorization();
app.MapMedia();
app.MapSiteSearch();
app.MapDeliveryApi();
app.MapBackOffice();
app.MapSiteScreens();

await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the test host.</summary>
public partial class Program;
