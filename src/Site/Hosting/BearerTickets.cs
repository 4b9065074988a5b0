using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;

namespace Site.Hosting;

/// <summary>Reads a token that ASP.NET Core's bearer-token handler issued (back-office users and members use one each).</summary>
internal static class BearerTickets
{
    /// <summary>The ticket behind the request's "Authorization: Bearer" header, or null when there is none, or it is forged or expired.</summary>
    public static AuthenticationTicket? Read(HttpRequest request, BearerTokenOptions issuer, TimeProvider clock)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var ticket = issuer.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
        return ticket?.Properties.ExpiresUtc is { } expires && expires >= clock.GetUtcNow() ? ticket : null;
    }
}
