namespace Site.Features.Delivery;

/// <summary>Settings of the headless Delivery API, bound from "Site:DeliveryApi" (Umbraco's "DeliveryApi" section, and more).</summary>
public sealed class DeliveryApiOptions
{
    public const string SectionName = "Site:DeliveryApi";

    /// <summary>Off: the API's endpoints answer 404 (the document too).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// True: anyone may read published content. False: every request needs the <see cref="ApiKey"/> in the Api-Key
    /// header (Umbraco's PublicAccess setting).
    /// </summary>
    public bool PublicAccess { get; set; } = true;

    /// <summary>The key for preview (drafts) and, when <see cref="PublicAccess"/> is off, for every request. Empty: no preview.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The largest page a query may ask for (take).</summary>
    public int MaxTake { get; set; } = 1000;

    /// <summary>How long shared caches (CDNs) may keep a response without asking again; 0: revalidate every time (ETag, 304).</summary>
    public int MaxAgeSeconds { get; set; }

    /// <summary>How long a response stays in the server's output cache when nothing is published meanwhile.</summary>
    public int OutputCacheSeconds { get; set; } = 600;

    /// <summary>
    /// True: <c>route.path</c> ends in a slash (<c>/en/sessions/…/</c>), as Umbraco's default
    /// (<c>Umbraco:CMS:RequestHandler:AddTrailingSlash</c>) writes it. Lookups by path accept both forms either way.
    /// </summary>
    public bool AddTrailingSlash { get; set; } = true;

    /// <summary>
    /// False (Umbraco's behaviour): an Accept-Language naming one culture the site does not have is that culture, so
    /// items are 404 and queries empty. True: such a request is answered in the default language, as Content-Language says.
    /// </summary>
    public bool UnknownCultureAsDefault { get; set; }

    public DeliveryCorsOptions Cors { get; set; } = new();

    public DeliveryRateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Members signing in to other front ends through OpenID Connect (Umbraco's DeliveryApi:MemberAuthorization).</summary>
    public DeliveryMemberAuthorizationOptions MemberAuthorization { get; set; } = new();
}

/// <summary>How members get tokens for the Delivery API (Umbraco's shape: an authorization code flow for apps).</summary>
public sealed class DeliveryMemberAuthorizationOptions
{
    public DeliveryAuthorizationCodeFlowOptions AuthorizationCodeFlow { get; set; } = new();

    public DeliveryClientCredentialsFlowOptions ClientCredentialsFlow { get; set; } = new();
}

/// <summary>
/// Server-to-server access as a member (Umbraco 15's "API members"): a confidential client whose token carries the
/// member's groups, and dies with the member's security stamp like any other.
/// </summary>
public sealed class DeliveryClientCredentialsFlowOptions
{
    public bool Enabled { get; set; }

    public IList<DeliveryMemberClient> Clients { get; } = [];
}

/// <summary>A client id (starting with "umbraco-member-"), its secret, and the member it acts as.</summary>
public sealed class DeliveryMemberClient
{
    public string ClientId { get; set; } = "";

    public string ClientSecret { get; set; } = "";

    public string MemberEmail { get; set; } = "";
}

/// <summary>
/// The authorization code flow with PKCE for public clients (a mobile app, a single-page app): the member signs in on
/// the site's own page and the app gets a code at one of <see cref="LoginRedirectUrls"/>, nowhere else.
/// </summary>
public sealed class DeliveryAuthorizationCodeFlowOptions
{
    /// <summary>Off: no client may ask for member tokens at the authorize endpoint.</summary>
    public bool Enabled { get; set; }

    /// <summary>The exact addresses a code may be sent to, such as "myapp://callback" or "http://127.0.0.1:7890/callback".</summary>
    public IList<Uri> LoginRedirectUrls { get; } = [];

    /// <summary>The exact addresses the sign-out may return to.</summary>
    public IList<Uri> LogoutRedirectUrls { get; } = [];
}

/// <summary>Which other front ends (browser origins) may call the API.</summary>
public sealed class DeliveryCorsOptions
{
    /// <summary>Origins such as "https://app.example.org"; "*" allows any. Empty: no cross-origin browser calls.</summary>
    public IList<string> AllowedOrigins { get; } = [];
}

/// <summary>A token bucket per client address. Requests with a valid API key are not limited.</summary>
public sealed class DeliveryRateLimitOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>The burst a client may send at once.</summary>
    public int TokenLimit { get; set; } = 600;

    /// <summary>Tokens given back every second: the sustained rate per client.</summary>
    public int TokensPerSecond { get; set; } = 300;
}
