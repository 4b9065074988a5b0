using System.Collections.Concurrent;
using Site.Core.Localization;
using Site.Localization;

namespace Site.Features.BackOffice;

/// <summary>
/// The back office's own words in the editor's language: each text by its English source, translated in
/// Localization/BackOffice.{culture}.json (see <see cref="TextCatalog"/>); the languages offered come from configuration.
/// </summary>
public sealed partial class BackOfficeText
{
    private static readonly ConcurrentDictionary<string, BackOfficeText> ByCulture = new(StringComparer.OrdinalIgnoreCase);

    private BackOfficeText(string culture) => Code = culture;

    public string Code { get; }

    /// <summary>The html lang attribute: the culture's own tag.</summary>
    public string Lang => Code;

    /// <summary>The words in a culture (English where it has no translation).</summary>
    public static BackOfficeText For(string culture) => ByCulture.GetOrAdd(culture, c => new BackOfficeText(c));

    /// <summary>Each screen's words sit in a partial file of its own (BackOfficeText.{Screen}.cs).</summary>
    private string T(string english) => SiteTexts.BackOffice.Get(Code, english);

    private string Formatted(string template, params object[] args) => LanguageNames.Format(Code, template, args);

    public string BackOffice => T("Back office");
    public string SiteName => SiteTexts.SiteName(Code);
    public string SkipToContent => T("Skip to content");
    public string MainMenu => T("Back-office sections");
    public string Dashboard => T("Dashboard");
    public string Content => T("Content");
    public string Tasks => T("Review tasks");
    public string Translations => T("Translations");
    public string Media => T("Media");
    public string Members => T("Members");
    public string Users => T("Users");
    public string Audit => T("Audit trail");
    public string RecycleBin => T("Recycle bin");
    public string Search => T("Search index");
    public string SignedInAs => T("Signed in as");
    public string LogIn => T("Sign in");
    public string LogOut => T("Sign out");
    public string Email => T("Email");
    public string Password => T("Password");
    public string PasswordHint => T("At least 10 characters.");
    public string CurrentPassword => T("Current password");
    public string NewPassword => T("New password");
    public string ChangePassword => T("Change password");
    public string PasswordChanged => T("Your password was changed. Other sessions have been signed out.");
    public string Name => T("Name");
    public string Language => T("Back-office language");
    public string Save => T("Save");
    public string Setup => T("Set up the back office");
    public string SetupIntro => T("No back-office account exists yet. Create the first administrator; they can then add editors, writers and translators.");
    public string SetupOrigin(string origin) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        T("Links in mails (password reset, address confirmation) will lead to {0}. To change it, set Site:Public:BaseUrl and restart the site."),
        origin);
    public string SetupNoOrigin => T("No public address is set (Site:Public:BaseUrl): mails with links are not sent until it is. Set it and restart the site.");
    public string CreateAdministrator => T("Create administrator");
    // One answer for a wrong password, an unknown address and a locked account: a different one would tell which exist.
    public string LoginFailed => T("The email or password is not right, or the account is locked for a while after too many failed attempts. Try again later, or ask an administrator.");
    public string SignInFirst => T("Sign in first: send a bearer token from POST /umbraco/management/api/v1/security/token.");
    public string Forbidden => T("You do not have permission to do this.");
    public string NotFound => T("Not found.");
    public string ThereAreErrors => T("Please correct the following:");
    public string Groups => T("Groups");
    public string TranslatorCulture => T("Language a translator edits");
    public string Welcome => T("Welcome");
    public string WaitingForReview => T("Waiting for review");
    public string NothingWaiting => T("Nothing is waiting for review.");
    public string OutstandingTranslations => T("Translations missing or out of date");
    public string Item => T("Item");
    public string Culture => T("Language");
    public string RequestedBy => T("Requested by");
    public string RequestedAt => T("Requested");
    public string Comment => T("Comment");
    public string Open => T("Open");

    public string Group(string group) => group switch
    {
        "Administrators" => T("Administrators"),
        "Editors" => T("Editors"),
        "Writers" => T("Writers"),
        "Translators" => T("Translators"),
        _ => group,
    };

    /// <summary>A language by its own name, with its code: "中文 (zh-CN)", "English (en-US)".</summary>
    public string LanguageName(string culture) => $"{LanguageNames.Of(culture, culture)} ({culture})";

    /// <summary>An account error code (ours or Identity's) in words.</summary>
    public string UserError(string code) => code switch
    {
        "SetupDone" => T("The back office is already set up: sign in instead."),
        "NotFound" => T("The account does not exist."),
        "UnknownGroup" => T("Choose one of the groups offered."),
        "NoGroup" => T("Choose at least one group."),
        "TranslatorCultureRequired" => T("A translator needs the language they translate into."),
        "UnknownCulture" => T("Choose one of the site's languages."),
        "LastAdministrator" => T("The site must keep at least one administrator."),
        "NameRequired" => T("Enter a name."),
        "WrongPassword" => T("The current password is not right."),
        "DuplicateEmail" or "DuplicateUserName" => T("An account with this email already exists."),
        "InvalidEmail" or "InvalidUserName" => T("Enter a valid email address."),
        "PasswordTooShort" => T("The password must be at least 10 characters."),
        "PasswordRequiresUniqueChars" => T("Use at least 4 different characters in the password."),
        "InvalidClientId" => T("A client id starts with umbraco-back-office- followed by lower-case letters, digits or hyphens (at most 100 characters in all)."),
        "DuplicateClientId" => T("This client id is already in use."),
        _ => Formatted(T("The change could not be made ({0})."), code),
    };
}
