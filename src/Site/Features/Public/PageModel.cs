using System.Globalization;
using Site.Core.Languages;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Localization;

namespace Site.Features.Public;

/// <summary>A link to the same page in another language, or (Url null) a note that it has no translation yet.</summary>
public sealed record LanguageAlternate(Language Language, UiText Text, string? Url, bool IsCurrent);

public sealed record Breadcrumb(string Name, string Url);

/// <summary>What the layout of every public page needs: the culture, the words of the UI, navigation and alternates.</summary>
public abstract class LayoutModel
{
    protected LayoutModel(PublishedSnapshot snapshot, Language language, string baseUrl, MemberIdentity? member)
    {
        Member = member;
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(language);
        Snapshot = snapshot;
        Language = language;
        BaseUrl = baseUrl;
        Text = UiText.For(language.IsoCode);
        Format = CultureInfo.GetCultureInfo(language.IsoCode);
    }

    public PublishedSnapshot Snapshot { get; }

    /// <summary>The signed-in member, or null for an anonymous visitor: lists show only what they may see.</summary>
    public MemberIdentity? Member { get; }

    public Language Language { get; }

    public string Culture => Language.IsoCode;

    public UiText Text { get; }

    /// <summary>For dates and numbers in the page's culture; never the thread's.</summary>
    public IFormatProvider Format { get; }

    public string BaseUrl { get; }

    public PublishedContent? Home => Snapshot.Home;

    public string HomeUrl => Home?.Url(Culture) ?? $"/{Language.UrlPrefix}/";

    public abstract string Title { get; }

    public virtual string? MetaDescription => null;

    /// <summary>The page's one URL, absolute; null for pages that must not be indexed (errors).</summary>
    public virtual string? CanonicalUrl => null;

    public virtual string OpenGraphType => "website";

    public virtual bool IsHome => false;

    public virtual IReadOnlyList<LanguageAlternate> Alternates =>
    [
        .. Snapshot.Languages.All.Select(l => new LanguageAlternate(
            l, UiText.For(l.IsoCode), Home?.Url(l.IsoCode), string.Equals(l.IsoCode, Culture, StringComparison.OrdinalIgnoreCase))),
    ];

    public virtual string? XDefaultUrl => null;

    public virtual IReadOnlyList<Breadcrumb> Breadcrumbs => [];

    public virtual PublishedContent? Section => null;

    public IEnumerable<PublishedContent> Navigation => Home is null ? [] : ChildrenOf(Home);

    /// <summary>The children of a node that are published in this culture and that the visitor may see.</summary>
    public IEnumerable<PublishedContent> ChildrenOf(PublishedContent node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Children(Culture).Where(c => c.IsPage && Member.CanSee(c));
    }

    /// <summary>A node to link to: published in this culture and visible to the visitor; otherwise null.</summary>
    public PublishedContent? Linkable(PublishedContent? node) =>
        node is not null && node.IsPage && node.IsPublished(Culture) && Member.CanSee(node) ? node : null;

    public string FeedUrl => $"/{Language.UrlPrefix}/feed.xml";

    public string Absolute(string path) => BaseUrl.TrimEnd('/') + path;

    public string Name(PublishedContent node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Value("title", Culture) ?? node.Name(Culture) ?? string.Empty;
    }

    public string FormatDate(DateOnly date) => date.ToString(Text.DateFormat, Format);

    public string FormatDate(DateTime date) => date.ToString(Text.DateFormat, Format);

    public string FormatNumber(int number) => number.ToString("N0", Format);

    public string FormatText(string pattern, params object[] args) => string.Format(Format, pattern, args);

    /// <summary>"13th session" / "第13届".</summary>
    public string SessionLabel(int? number)
    {
        if (number is not { } n)
        {
            return Text.NotRecorded;
        }

        // {1} is English's ordinal suffix; a translation may leave it out ("第{0}届").
        var suffix = (n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
        return FormatText(SiteTexts.Public.Get(Culture, "{0}{1} session"), n, suffix);
    }
}

/// <summary>What every content page knows: the node and the links around it.</summary>
public class PageModel : LayoutModel
{
    public PageModel(PublishedSnapshot snapshot, PublishedContent content, Language language, string baseUrl, MemberIdentity? member)
        : base(snapshot, language, baseUrl, member)
    {
        ArgumentNullException.ThrowIfNull(content);
        Content = content;
    }

    public PublishedContent Content { get; }

    public override string Title => Name(Content);

    public override string? MetaDescription => Content.Value("metaDescription", Culture) ?? Content.Value("summary", Culture);

    public string Url => Content.Url(Culture) ?? "/";

    public override string CanonicalUrl => Absolute(Url);

    public override bool IsHome => Content == Home;

    public override string OpenGraphType => Content.ContentTypeAlias == "newsArticle" ? "article" : "website";

    /// <summary>The top-level section the page belongs to, for marking the current navigation item.</summary>
    public override PublishedContent? Section => Content.Level <= 1 ? null : Content.Level == 2 ? Content : Content.Ancestors().ElementAtOrDefault(1);

    public override IReadOnlyList<Breadcrumb> Breadcrumbs =>
    [
        .. Content.Ancestors().Where(a => a.IsPublished(Culture)).Select(a => new Breadcrumb(a == Home ? Text.Home : Name(a), a.Url(Culture)!)),
        new Breadcrumb(IsHome ? Text.Home : Name(Content), Url),
    ];

    public override IReadOnlyList<LanguageAlternate> Alternates =>
    [
        .. Snapshot.Languages.All.Select(l => new LanguageAlternate(
            l, UiText.For(l.IsoCode), Content.Url(l.IsoCode), string.Equals(l.IsoCode, Culture, StringComparison.OrdinalIgnoreCase))),
    ];

    /// <summary>The version for visitors whose language the site does not have: the default language's.</summary>
    public override string? XDefaultUrl => Snapshot.Languages.Default is { } language ? Content.Url(language.IsoCode) : null;

    /// <summary>
    /// A text value in the page's culture; when only the other culture has it, that text with its language marked,
    /// so a visitor sees the real record rather than a guess or a silent fallback.
    /// </summary>
    public LocalizedValue TextValue(PublishedContent node, string alias)
    {
        ArgumentNullException.ThrowIfNull(node);
        if (node.Value(alias, Culture) is { } own)
        {
            return new LocalizedValue(own, null);
        }

        foreach (var other in Snapshot.Languages.All.Where(l => l != Language))
        {
            if (node.Value(alias, other.IsoCode) is { } text)
            {
                return new LocalizedValue(text, other.IsoCode);
            }
        }

        return new LocalizedValue(null, null);
    }
}

/// <summary>A value and, when it is not in the page's language, the language it is in.</summary>
public sealed record LocalizedValue(string? Text, string? OtherCulture)
{
    public bool HasValue => Text is not null;
}

/// <summary>A 404 or error page in the visitor's language; for a page that exists only in another language, links to it.</summary>
public sealed class ErrorPageModel(PublishedSnapshot snapshot, Language language, string baseUrl, MemberIdentity? member, int statusCode, IReadOnlyList<LanguageAlternate> otherVersions)
    : LayoutModel(snapshot, language, baseUrl, member)
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The requested page in the languages it does exist in.</summary>
    public IReadOnlyList<LanguageAlternate> OtherVersions { get; } = otherVersions;

    /// <summary>For 413: the most the address accepts, in bytes, when known.</summary>
    public long? LimitBytes { get; init; }

    public override string Title => StatusCode switch
    {
        404 => Text.NotFoundTitle,
        401 => Text.MembersOnlyTitle,
        403 => Text.NoAccessTitle,
        413 => Text.TooLargeTitle,
        429 => Text.TooManyRequestsTitle,
        < 500 => Text.BadRequestTitle,
        _ => Text.ErrorTitle,
    };

    public string Message => StatusCode switch
    {
        404 => Text.NotFoundText,
        401 => Text.MembersOnlyText,
        403 => Text.NoAccessText,
        413 when LimitBytes is { } limit => FormatText(Text.TooLargeText, RequestFailures.Megabytes(limit)),
        413 => Text.TooLargeNoLimitText,
        429 => Text.TooManyRequestsText,
        < 500 => Text.BadRequestText,
        _ => Text.ErrorText,
    };
}
