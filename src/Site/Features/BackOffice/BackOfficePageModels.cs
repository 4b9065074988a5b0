using Site.Core.Users;

namespace Site.Features.BackOffice;

/// <summary>A message about one field (or the whole form when <see cref="Field"/> is null).</summary>
public sealed record FormError(string? Field, string Message);

/// <summary>What every back-office page has: the editor's words, who they are, the page's title and section.</summary>
public class BackOfficePageModel(BackOfficeText text, UserProfile? user, string title, string section)
{
    public BackOfficeText T { get; } = text;
    public UserProfile? User { get; } = user;
    public string Title { get; } = title;
    public string Section { get; } = section;
    public string? Notice { get; init; }
    public IReadOnlyList<FormError> Errors { get; init; } = [];

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.Ordinal))?.Message;

    public bool IsIn(string group) => User?.Groups.Contains(group) == true;
}

public sealed class BackOfficePageModel<TData>(BackOfficeText text, UserProfile? user, string title, string section, TData data)
    : BackOfficePageModel(text, user, title, section)
{
    public TData Data { get; } = data;
}

public sealed class LoginForm
{
    public string Email { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string? ReturnUrl { get; set; }
}

public sealed class SetupForm
{
    public string Email { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string Password { get; set; } = string.Empty;
    public string UiCulture { get; set; } = string.Empty;
}

public sealed class PasswordForm
{
    public string CurrentPassword { get; set; } = string.Empty;
    public string NewPassword { get; set; } = string.Empty;
}
