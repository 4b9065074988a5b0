using System.Collections.Concurrent;
using Site.Localization;

namespace Site.Features.Public;

/// <summary>The site's own words (not content), in each culture. Content text comes from the CMS.</summary>
public sealed record UiText
{
    public required string Culture { get; init; }
    public required string LanguageName { get; init; }
    public required string SiteName { get; init; }
    public required string SiteShortName { get; init; }
    public required string SkipToContent { get; init; }
    public required string MainNavigation { get; init; }
    public required string Breadcrumbs { get; init; }
    public required string Home { get; init; }
    public required string LanguageSwitcher { get; init; }
    public required string NotTranslated { get; init; }
    public required string NotTranslatedLong { get; init; }
    public required string NotRecorded { get; init; }
    public required string Yes { get; init; }
    public required string No { get; init; }
    public required string SessionNumber { get; init; }
    public required string Year { get; init; }
    public required string Dates { get; init; }
    public required string Venue { get; init; }
    public required string City { get; init; }
    public required string Country { get; init; }
    public required string Location { get; init; }
    public required string LocationHome { get; init; }
    public required string LocationAbroad { get; init; }
    public required string Theme { get; init; }
    public required string Attendees { get; init; }
    public required string Countries { get; init; }
    public required string SisterSchoolPairs { get; init; }
    public required string Sources { get; init; }
    public required string Gallery { get; init; }
    public required string Tags { get; init; }
    public required string Filter { get; init; }
    public required string AllLocations { get; init; }
    public required string AllDecades { get; init; }
    public required string Decade { get; init; }
    public required string SortOrder { get; init; }
    public required string SortNewestFirst { get; init; }
    public required string SortOldestFirst { get; init; }
    public required string SessionsShown { get; init; }
    public required string NoSessionsMatch { get; init; }
    public required string LatestSession { get; init; }
    public required string NextSession { get; init; }
    public required string RegisterToAttend { get; init; }
    public required string RegistrationOpensOn { get; init; }
    public required string RegistrationOpenUntil { get; init; }
    public required string RegistrationIsOpen { get; init; }
    public required string RegistrationClosed { get; init; }
    public required string KeyFigures { get; init; }
    public required string SessionsHeld { get; init; }
    public required string SisterSchoolPartnerships { get; init; }
    public required string ExchangeParticipants { get; init; }
    public required string LatestNews { get; init; }
    public required string AllNews { get; init; }
    public required string AllSessions { get; init; }
    public required string ReadMore { get; init; }
    public required string PhotoGallery { get; init; }
    public required string Published { get; init; }
    public required string RelatedSession { get; init; }
    public required string Partners { get; init; }
    public required string Status { get; init; }
    public required string StatusActive { get; init; }
    public required string StatusEnded { get; init; }
    public required string StatusUnknown { get; init; }
    public required string Since { get; init; }
    public required string JiangsuPartner { get; init; }
    public required string OverseasPartner { get; init; }
    public required string Pagination { get; init; }
    public required string PreviousPage { get; init; }
    public required string NextPage { get; init; }
    public required string PageOf { get; init; }
    public required string NewsFeed { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string ErrorTitle { get; init; }
    public required string MembersOnlyTitle { get; init; }
    public required string MembersOnlyText { get; init; }
    public required string NoAccessTitle { get; init; }
    public required string NoAccessText { get; init; }
    public required string ErrorText { get; init; }
    public required string BadRequestTitle { get; init; }
    public required string BadRequestText { get; init; }
    public required string TooLargeTitle { get; init; }
    public required string TooManyRequestsTitle { get; init; }
    public required string TooManyRequestsText { get; init; }
    /// <summary>{0}: the limit in MB.</summary>
    public required string TooLargeText { get; init; }
    public required string TooLargeNoLimitText { get; init; }
    public required string BackHome { get; init; }
    public required string Hosts { get; init; }
    public required string CoOrganizers { get; init; }
    public required string Contact { get; init; }
    public required string LabelSeparator { get; init; }
    public required string Address { get; init; }
    public required string Phone { get; init; }
    public required string Email { get; init; }
    public required string FollowUs { get; init; }
    public required string WeChatAccount { get; init; }
    public required string WeChatQrAlt { get; init; }
    public required string WeChatQr { get; init; }
    public required string Weibo { get; init; }
    public required string SiteInformation { get; init; }
    public required string Sitemap { get; init; }
    public required string FooterSources { get; init; }
    public required string DateFormat { get; init; }
    public required string Search { get; init; }
    public required string SearchLabel { get; init; }
    public required string SearchButton { get; init; }
    public required string SearchPlaceholder { get; init; }
    public required string SearchSuggestions { get; init; }
    public required string SearchResultCount { get; init; }
    public required string SearchNoResults { get; init; }
    public required string SearchEnterWords { get; init; }
    public required string SearchDidYouMean { get; init; }
    public required string SearchRelaxed { get; init; }
    public required string SearchTimedOut { get; init; }
    public required string SearchRefine { get; init; }
    public required string SearchAllResults { get; init; }
    public required string SearchContentType { get; init; }
    public required string SearchSortRelevance { get; init; }
    public required string SearchSortDate { get; init; }
    public required string SearchResults { get; init; }
    public required IReadOnlyDictionary<string, string> ContentTypeNames { get; init; }

    private static readonly ConcurrentDictionary<string, UiText> ByCulture = new(StringComparer.OrdinalIgnoreCase);

    // The content types' names on search results, translated like the rest (the uSync labels are the back office's).
    private static readonly (string Alias, string Name)[] TypeNames =
    [
        ("home", "Home page"), ("about", "About"), ("sessionArchive", "Session archive"), ("session", "Session"), ("partnerIndex", "Partnerships"),
        ("partnerStory", "Partner story"), ("newsIndex", "News"), ("newsArticle", "News article"), ("page", "Page"),
        ("speakerIndex", "Speakers"), ("speaker", "Speaker"),
    ];

    /// <summary>The words in a culture: its translation where there is one, English otherwise.</summary>
    public static UiText For(string culture) => ByCulture.GetOrAdd(culture, Create);

    /// <summary>"Read it in Chinese": a link to the version in another language.</summary>
    public string ReadIn(string otherCulture) => Formatted("Read it in {0}", LanguageNames.Of(otherCulture, Culture));

    /// <summary>"Recorded in Chinese only": a value shown in the language it was recorded in.</summary>
    public string RecordedOnlyIn(string otherCulture) => Formatted("Recorded in {0} only", LanguageNames.Of(otherCulture, Culture));

    /// <summary>"in Chinese only": a search result that exists in another language only.</summary>
    /// <summary>The words of a link to a video on another site (nothing of that site loads until the visitor follows it).</summary>
    public string WatchVideoOn(string host) => Formatted("Watch the video on {0} (opens another site)", host);

    public string OnlyIn(string otherCulture) => Formatted("in {0} only", LanguageNames.Of(otherCulture, Culture));

    private string Formatted(string source, params object[] args) => LanguageNames.Format(Culture, SiteTexts.Public.Get(Culture, source), args);

    private static UiText Create(string culture) => new()
    {
        Culture = culture,
        LanguageName = LanguageNames.Of(culture, culture),
        SiteName = SiteTexts.SiteName(culture),
        SiteShortName = SiteTexts.Public.Get(culture, "Jiangsu Principals' Forum"),
        SkipToContent = SiteTexts.Public.Get(culture, "Skip to main content"),
        MainNavigation = SiteTexts.Public.Get(culture, "Main"),
        Breadcrumbs = SiteTexts.Public.Get(culture, "Breadcrumb"),
        Home = SiteTexts.Public.Get(culture, "Home"),
        LanguageSwitcher = SiteTexts.Public.Get(culture, "Language"),
        NotTranslated = SiteTexts.Public.Get(culture, "not translated"),
        NotTranslatedLong = LanguageNames.Format(culture, SiteTexts.Public.Get(culture, "This page has not been translated into {0} yet."), LanguageNames.Of(culture, culture)),
        NotRecorded = SiteTexts.Public.Get(culture, "Not recorded"),
        Yes = SiteTexts.Public.Get(culture, "Yes"),
        No = SiteTexts.Public.Get(culture, "No"),
        SessionNumber = SiteTexts.Public.Get(culture, "Session"),
        Year = SiteTexts.Public.Get(culture, "Year"),
        Dates = SiteTexts.Public.Get(culture, "Dates"),
        Venue = SiteTexts.Public.Get(culture, "Venue"),
        City = SiteTexts.Public.Get(culture, "City"),
        Country = SiteTexts.Public.Get(culture, "Country"),
        Location = SiteTexts.Public.Get(culture, "Held"),
        LocationHome = SiteTexts.Public.Get(culture, "In Jiangsu"),
        LocationAbroad = SiteTexts.Public.Get(culture, "Abroad"),
        Theme = SiteTexts.Public.Get(culture, "Theme"),
        Attendees = SiteTexts.Public.Get(culture, "Attendance"),
        Countries = SiteTexts.Public.Get(culture, "Countries represented"),
        SisterSchoolPairs = SiteTexts.Public.Get(culture, "Sister-school pairs recorded"),
        Sources = SiteTexts.Public.Get(culture, "Sources"),
        Gallery = SiteTexts.Public.Get(culture, "Photos"),
        Tags = SiteTexts.Public.Get(culture, "Tags"),
        Filter = SiteTexts.Public.Get(culture, "Filter sessions"),
        AllLocations = SiteTexts.Public.Get(culture, "All venues"),
        AllDecades = SiteTexts.Public.Get(culture, "All years"),
        Decade = SiteTexts.Public.Get(culture, "{0}s"),
        SortOrder = SiteTexts.Public.Get(culture, "Order"),
        SortNewestFirst = SiteTexts.Public.Get(culture, "Newest first"),
        SortOldestFirst = SiteTexts.Public.Get(culture, "Oldest first"),
        SessionsShown = SiteTexts.Public.Get(culture, "{0} of {1} sessions shown"),
        NoSessionsMatch = SiteTexts.Public.Get(culture, "No session matches these filters."),
        LatestSession = SiteTexts.Public.Get(culture, "Latest session"),
        NextSession = SiteTexts.Public.Get(culture, "Next session"),
        RegisterToAttend = SiteTexts.Public.Get(culture, "Register to attend"),
        RegistrationOpensOn = SiteTexts.Public.Get(culture, "Registration opens on {0}."),
        RegistrationOpenUntil = SiteTexts.Public.Get(culture, "Registration is open until {0}."),
        RegistrationIsOpen = SiteTexts.Public.Get(culture, "Registration is open."),
        RegistrationClosed = SiteTexts.Public.Get(culture, "Registration is closed."),
        KeyFigures = SiteTexts.Public.Get(culture, "Key figures"),
        SessionsHeld = SiteTexts.Public.Get(culture, "sessions held since 2005"),
        SisterSchoolPartnerships = SiteTexts.Public.Get(culture, "sister-school partnerships"),
        ExchangeParticipants = SiteTexts.Public.Get(culture, "in exchange visits"),
        LatestNews = SiteTexts.Public.Get(culture, "Latest news"),
        AllNews = SiteTexts.Public.Get(culture, "All news"),
        AllSessions = SiteTexts.Public.Get(culture, "All sessions"),
        ReadMore = SiteTexts.Public.Get(culture, "Read more"),
        PhotoGallery = SiteTexts.Public.Get(culture, "Photo gallery"),
        Published = SiteTexts.Public.Get(culture, "Published"),
        RelatedSession = SiteTexts.Public.Get(culture, "Related session"),
        Partners = SiteTexts.Public.Get(culture, "Partners"),
        Status = SiteTexts.Public.Get(culture, "Status"),
        StatusActive = SiteTexts.Public.Get(culture, "Active"),
        StatusEnded = SiteTexts.Public.Get(culture, "Ended"),
        StatusUnknown = SiteTexts.Public.Get(culture, "Current status not recorded"),
        Since = SiteTexts.Public.Get(culture, "Since"),
        JiangsuPartner = SiteTexts.Public.Get(culture, "Jiangsu partner"),
        OverseasPartner = SiteTexts.Public.Get(culture, "Overseas partner"),
        Pagination = SiteTexts.Public.Get(culture, "Pages"),
        PreviousPage = SiteTexts.Public.Get(culture, "Previous page"),
        NextPage = SiteTexts.Public.Get(culture, "Next page"),
        PageOf = SiteTexts.Public.Get(culture, "Page {0} of {1}"),
        NewsFeed = SiteTexts.Public.Get(culture, "News feed (Atom)"),
        NotFoundTitle = SiteTexts.Public.Get(culture, "Page not found"),
        NotFoundText = SiteTexts.Public.Get(culture, "We could not find the page you asked for. It may have moved, or the address may be mistyped."),
        ErrorTitle = SiteTexts.Public.Get(culture, "Something went wrong"),
        MembersOnlyTitle = SiteTexts.Public.Get(culture, "Members only"),
        MembersOnlyText = SiteTexts.Public.Get(culture, "This page is for registered members. Please sign in to read it."),
        NoAccessTitle = SiteTexts.Public.Get(culture, "No access"),
        NoAccessText = SiteTexts.Public.Get(culture, "Your account does not give access to this page. If you think it should, please contact the organisers."),
        ErrorText = SiteTexts.Public.Get(culture, "The page could not be shown because of an error on our side. Please try again in a moment."),
        BadRequestTitle = SiteTexts.Public.Get(culture, "The request could not be accepted"),
        BadRequestText = SiteTexts.Public.Get(culture, "What your browser sent could not be read, or the form had expired. Please go back, reload the page and try again."),
        TooLargeTitle = SiteTexts.Public.Get(culture, "Too large to send"),
        TooManyRequestsTitle = SiteTexts.Public.Get(culture, "Too many requests"),
        TooManyRequestsText = SiteTexts.Public.Get(culture, "You have searched very often in a short time. Please wait a moment and try again."),
        TooLargeText = SiteTexts.Public.Get(culture, "What you sent is larger than {0} MB, the most this page accepts."),
        TooLargeNoLimitText = SiteTexts.Public.Get(culture, "What you sent is larger than this page accepts."),
        BackHome = SiteTexts.Public.Get(culture, "Go to the home page"),
        Hosts = SiteTexts.Public.Get(culture, "Hosted by"),
        CoOrganizers = SiteTexts.Public.Get(culture, "Co-organised by"),
        Contact = SiteTexts.Public.Get(culture, "Contact"),
        LabelSeparator = SiteTexts.Public.Get(culture, ": "),
        Address = SiteTexts.Public.Get(culture, "Address"),
        Phone = SiteTexts.Public.Get(culture, "Phone"),
        Email = SiteTexts.Public.Get(culture, "Email"),
        FollowUs = SiteTexts.Public.Get(culture, "Follow us"),
        WeChatAccount = SiteTexts.Public.Get(culture, "WeChat official account"),
        WeChatQrAlt = SiteTexts.Public.Get(culture, "QR code of the WeChat official account {0}"),
        WeChatQr = SiteTexts.Public.Get(culture, "QR code of the WeChat official account"),
        Weibo = SiteTexts.Public.Get(culture, "Weibo"),
        SiteInformation = SiteTexts.Public.Get(culture, "About this site"),
        Sitemap = SiteTexts.Public.Get(culture, "Sitemap"),
        FooterSources = SiteTexts.Public.Get(culture, "Sources and methods"),
        DateFormat = SiteTexts.Public.Get(culture, "d MMMM yyyy"),
        Search = SiteTexts.Public.Get(culture, "Search"),
        SearchLabel = SiteTexts.Public.Get(culture, "Search the site"),
        SearchButton = SiteTexts.Public.Get(culture, "Search"),
        SearchPlaceholder = SiteTexts.Public.Get(culture, "Session, city, country, partner…"),
        SearchSuggestions = SiteTexts.Public.Get(culture, "Suggestions"),
        SearchResultCount = SiteTexts.Public.Get(culture, "{0} results for “{1}”"),
        SearchNoResults = SiteTexts.Public.Get(culture, "Nothing was found for “{0}”."),
        SearchEnterWords = SiteTexts.Public.Get(culture, "Type a word or two to search the sessions, partner stories and news, in English or Chinese."),
        SearchDidYouMean = SiteTexts.Public.Get(culture, "Did you mean"),
        SearchRelaxed = SiteTexts.Public.Get(culture, "No page contains all of your words; these pages contain some of them."),
        SearchTimedOut = SiteTexts.Public.Get(culture, "The search took too long and may have missed some pages."),
        SearchRefine = SiteTexts.Public.Get(culture, "Refine the results"),
        SearchAllResults = SiteTexts.Public.Get(culture, "All"),
        SearchContentType = SiteTexts.Public.Get(culture, "Type"),
        SearchSortRelevance = SiteTexts.Public.Get(culture, "Best match"),
        SearchSortDate = SiteTexts.Public.Get(culture, "Newest first"),
        SearchResults = SiteTexts.Public.Get(culture, "Search results"),
        ContentTypeNames = TypeNames.ToDictionary(t => t.Alias, t => SiteTexts.Public.Get(culture, t.Name), StringComparer.Ordinal),
    };
}
