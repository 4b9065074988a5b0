using Site.Core.Workflow;

namespace Site.Core.Users;

/// <summary>A back-office user as screens and the management API show them.</summary>
public sealed record UserProfile(
    Guid Id,
    string Email,
    string Name,
    string UiCulture,
    string? TranslatorCulture,
    IReadOnlyList<string> Groups,
    DateTimeOffset? LockedOutUntil,
    DateTime CreatedUtc)
{
    public bool IsLockedOut(DateTimeOffset now) => LockedOutUntil is { } until && until > now;

    /// <summary>An account without a password: only client credentials sign it in (a script's, an integration's).</summary>
    public bool IsApiUser { get; init; }

    /// <summary>The user as the workflow rules see them; the email is the name written in history and the audit.</summary>
    public BackOfficeUser ToWorkflowUser() => new(Email, Name, Groups.ToHashSet(StringComparer.Ordinal), TranslatorCulture);
}

/// <summary>A new account: an administrator's form, the first-run setup page or the unattended configuration.</summary>
/// <remarks>An API user (<paramref name="ApiUser"/>) has no password: it signs in only with client credentials, as Umbraco's API users.</remarks>
public sealed record NewUser(string Email, string Name, string Password, IReadOnlyList<string> Groups, string? TranslatorCulture = null, string? UiCulture = null, bool ApiUser = false);

/// <summary>What an administrator may change on an account.</summary>
public sealed record UserChanges(string Name, IReadOnlyList<string> Groups, string? TranslatorCulture, string? UiCulture);

/// <summary>The outcome of a change: done, or error codes (Identity's codes and <see cref="UserErrors"/>) for the caller to word.</summary>
public sealed record UserResult(bool Succeeded, IReadOnlyList<string> Errors, UserProfile? User = null)
{
    public static UserResult Failed(params string[] errors) => new(false, errors);
}

public enum SignInOutcome
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record UserSignIn(SignInOutcome Outcome, UserProfile? User = null, DateTimeOffset? LockedOutUntil = null);

/// <summary>Error codes of our own, beside Identity's (DuplicateEmail, PasswordTooShort...).</summary>
public static class UserErrors
{
    public const string SetupDone = "SetupDone";
    public const string NotFound = "NotFound";
    public const string UnknownGroup = "UnknownGroup";
    public const string NoGroup = "NoGroup";
    public const string TranslatorCultureRequired = "TranslatorCultureRequired";
    public const string UnknownCulture = "UnknownCulture";
    public const string LastAdministrator = "LastAdministrator";
    public const string NameRequired = "NameRequired";
    public const string WrongPassword = "WrongPassword";
    public const string InvalidClientId = "InvalidClientId";
    public const string DuplicateClientId = "DuplicateClientId";
}

/// <summary>Client credentials (OAuth 2.0 client_credentials grant) for scripts and integrations, as Umbraco's API users have.</summary>
public static class ClientCredentials
{
    /// <summary>Umbraco requires it, so scripts written for Umbraco work unchanged.</summary>
    public const string Prefix = "umbraco-back-office-";

    /// <summary>Identity's login provider name under which client ids (user_logins) and secret hashes (user_tokens) are kept.</summary>
    internal const string LoginProvider = "client-credentials";

    /// <summary>The prefix, then 1–80 lower-case letters, digits or hyphens.</summary>
    public static bool IsValidClientId(string? clientId) =>
        clientId is not null && clientId.StartsWith(Prefix, StringComparison.Ordinal) && clientId.Length is > 20 and <= 100
        && clientId[Prefix.Length..].All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');

    /// <summary>256 random bits, URL-safe Base64.</summary>
    internal static string NewSecret() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
