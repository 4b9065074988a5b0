using Site.Core.Languages;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Features.Public;
using Site.Core.Localization;

namespace Site.Features.Members;

/// <summary>A member page: the site's layout, the member words, and the same page in the other languages.</summary>
public class MemberPageModel : LayoutModel
{
    private readonly string _title;

    public MemberPageModel(PublishedSnapshot snapshot, Language language, string baseUrl, MemberIdentity? member, string title, string page)
        : base(snapshot, language, baseUrl, member)
    {
        ArgumentNullException.ThrowIfNull(language);
        _title = title;
        Page = page;
        M = MemberText.For(language.IsoCode);
    }

    public MemberText M { get; }

    /// <summary>The page's path under /{prefix}/member/.</summary>
    public string Page { get; }

    /// <summary>A note shown above the page's content (after a change was saved).</summary>
    public string? Notice { get; init; }

    public override string Title => _title;

    public string Prefix => Language.UrlPrefix;

    public string MemberUrl(string page = "") => MemberUrls.Page(Prefix, page);

    public override IReadOnlyList<LanguageAlternate> Alternates =>
    [
        .. Snapshot.Languages.All.Select(l => new LanguageAlternate(
            l, UiText.For(l.IsoCode), MemberUrls.Page(l.UrlPrefix, Page), string.Equals(l.IsoCode, Culture, StringComparison.OrdinalIgnoreCase))),
    ];

    public override IReadOnlyList<Breadcrumb> Breadcrumbs => Member is null || Page.Length == 0
        ? [new Breadcrumb(Text.Home, HomeUrl), new Breadcrumb(Title, MemberUrl(Page))]
        : [new Breadcrumb(Text.Home, HomeUrl), new Breadcrumb(M.Account, MemberUrl()), new Breadcrumb(Title, MemberUrl(Page))];

    public string StatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => M.StatusSubmitted,
        ApplicationStatus.UnderReview => M.StatusUnderReview,
        ApplicationStatus.Accepted => M.StatusAccepted,
        ApplicationStatus.Declined => M.StatusDeclined,
        _ => status.ToString(),
    };

    public string RegistrationStatusName(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Confirmed => M.RegistrationStatusConfirmed,
        RegistrationStatus.WaitListed => M.RegistrationStatusWaitListed,
        _ => M.RegistrationStatusCancelled,
    };

    public string KindName(ApplicationKind kind) => kind == ApplicationKind.SisterSchool ? M.KindSisterSchool : M.KindNextSession;

    public string LanguageName(string culture) => UiText.For(culture).LanguageName;
}

/// <summary>A page with a form: what was typed, and a message per field in the page's language.</summary>
public sealed class MemberFormPageModel<TForm> : MemberPageModel, IMemberFormErrors
    where TForm : class
{
    public MemberFormPageModel(PublishedSnapshot snapshot, Language language, string baseUrl, MemberIdentity? member, string title, string page, TForm form, IReadOnlyList<FieldError>? errors = null)
        : base(snapshot, language, baseUrl, member, title, page)
    {
        Form = form;
        Errors = errors ?? [];
    }

    public TForm Form { get; }

    public IReadOnlyList<FieldError> Errors { get; }

    public string? ReturnUrl { get; init; }

    /// <summary>A message shown in the page's intro (e.g. the form's purpose).</summary>
    public string? Intro { get; init; }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.Ordinal)) is { } error ? Describe(error) : null;

    public bool HasErrors => Errors.Count > 0;

    public string ErrorSummaryTitle => M.ErrorSummary;

    /// <summary>Every message, with the id of the input it is about (null for the whole form).</summary>
    public IEnumerable<(string Message, string? Target)> AllErrors => Errors.Select(e => (Describe(e), e.Field switch
    {
        "" => null,
        "PreferredCulture" => "f-PreferredCulture-" + Snapshot.Languages.Default?.IsoCode,
        _ => "f-" + e.Field,
    }));

    public string Describe(FieldError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var label = Label(error.Field);
        var pattern = error.Code switch
        {
            ErrorCodes.Required => M.Required,
            ErrorCodes.TooLong => M.TooLong,
            ErrorCodes.InvalidEmail => M.InvalidEmail,
            ErrorCodes.Invalid => M.InvalidChoice,
            ErrorCodes.PasswordTooShort => M.PasswordTooShort,
            ErrorCodes.PasswordUniqueChars => M.PasswordUniqueChars,
            ErrorCodes.WrongPassword => M.WrongPassword,
            ErrorCodes.LoginFailed => M.LoginFailed,
            ErrorCodes.NotConfirmed => M.NotConfirmed,
            ErrorCodes.InvalidLink => M.InvalidLinkText,
            _ => M.PasswordInvalid,
        };
        return FormatText(pattern, label, error.Argument);
    }

    public string Label(string field) => field switch
    {
        "Email" => M.Email,
        "NewEmail" => M.NewEmail,
        "Password" => M.Password,
        "CurrentPassword" => M.CurrentPassword,
        "NewPassword" => M.NewPassword,
        "Name" => M.Name,
        "School" => M.School,
        "Position" => M.Position,
        "City" => M.City,
        "Country" => M.Country,
        "PreferredCulture" => M.PreferredLanguage,
        "Kind" => M.ApplicationKind,
        "Message" => M.Message,
        _ => field,
    };
}

/// <summary>What the error summary of a form shows.</summary>
public interface IMemberFormErrors
{
    bool HasErrors { get; }

    string ErrorSummaryTitle { get; }

    IEnumerable<(string Message, string? Target)> AllErrors { get; }
}

/// <summary>The member's home: their profile and applications.</summary>
public sealed class AccountPageModel(PublishedSnapshot snapshot, Language language, string baseUrl, MemberIdentity? member, MemberProfile profile, IReadOnlyList<MemberApplication> applications)
    : MemberPageModel(snapshot, language, baseUrl, member, MemberText.For(language?.IsoCode ?? TextCatalog.SourceCulture).Account, "")
{
    public MemberProfile Profile { get; } = profile;

    public IReadOnlyList<MemberApplication> Applications { get; } = applications;

    /// <summary>The member's registrations to attend, with the sessions still published in this language.</summary>
    public IReadOnlyList<(SessionRegistration Registration, PublishedContent Session)> Registrations { get; init; } = [];
}

public sealed class ApplicationPageModel(PublishedSnapshot snapshot, Language language, string baseUrl, MemberIdentity? member, MemberApplication application)
    : MemberPageModel(snapshot, language, baseUrl, member, MemberText.For(language?.IsoCode ?? TextCatalog.SourceCulture).Application, $"applications/{application?.Id:N}")
{
    public MemberApplication Application { get; } = application!;
}

/// <summary>One input of a member form, with its label, hint and message.</summary>
public sealed record FieldView(string Name, string Label, string? Value, string Type, string? Error, string Autocomplete, bool Required = true, string? Hint = null)
{
    public string Id => "f-" + Name;

    public string? DescribedBy => string.Join(' ', new[] { Hint is null ? null : Id + "-hint", Error is null ? null : Id + "-error" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

public static class MemberFormExtensions
{
    public static FieldView Field<TForm>(this MemberFormPageModel<TForm> page, string name, string? value, string type, string autocomplete, bool required = true, string? hint = null)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(page);
        // Passwords are never sent back into the page.
        return new FieldView(name, page.Label(name), type == "password" ? null : value, type, page.ErrorFor(name), autocomplete, required, hint);
    }
}
