using Site.Core.Members;

namespace Site.Features.Members;

// What the member forms post. Everything is a string, so that what was typed comes back as typed.

/// <summary>A member's details as a visitor registers them: the profile's fields, with an email and a password.</summary>
public sealed class RegisterForm : ProfileForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
}

public sealed class LoginForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
}

public sealed class EmailForm
{
    public string? Email { get; set; }
}

public sealed class ResetPasswordForm
{
    public string? Id { get; set; }
    public string? Code { get; set; }
    public string? NewPassword { get; set; }
}

/// <summary>A member's details: their own profile page and the back office's member screen post these fields.</summary>
public class ProfileForm
{
    public string? Name { get; set; }
    public string? School { get; set; }
    public string? Position { get; set; }
    public string? City { get; set; }
    public string? Country { get; set; }
    public string? PreferredCulture { get; set; }

    public MemberDetails Details => MemberRules.Trim(new MemberDetails(Name ?? "", School ?? "", Position ?? "", City ?? "", Country ?? "", PreferredCulture ?? ""));

    public static ProfileForm From(MemberProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new()
        {
            Name = profile.Name,
            School = profile.School,
            Position = profile.Position,
            City = profile.City,
            Country = profile.Country,
            PreferredCulture = profile.PreferredCulture,
        };
    }
}

public sealed class ChangeEmailForm
{
    public string? NewEmail { get; set; }
    public string? CurrentPassword { get; set; }
}

public sealed class ChangePasswordForm
{
    public string? CurrentPassword { get; set; }
    public string? NewPassword { get; set; }
}

public sealed class ApplicationForm
{
    public string? Kind { get; set; }
    public string? Message { get; set; }
}

public sealed class DeleteAccountForm
{
    public string? CurrentPassword { get; set; }
}

/// <summary>A problem with one field (or, with an empty field name, with the whole form), as a code to put into words.</summary>
public sealed record FieldError(string Field, string Code, int Argument = 0);

public sealed record AccountResult(bool Succeeded, IReadOnlyList<FieldError> Errors)
{
    public static AccountResult Ok { get; } = new(true, []);

    public static AccountResult Fail(params FieldError[] errors) => new(false, errors);
}

public static class ErrorCodes
{
    public const string Required = MemberRules.Required;
    public const string TooLong = MemberRules.TooLong;
    public const string Invalid = MemberRules.Invalid;
    public const string InvalidEmail = "InvalidEmail";
    public const string PasswordTooShort = "PasswordTooShort";
    public const string PasswordUniqueChars = "PasswordUniqueChars";
    public const string PasswordInvalid = "PasswordInvalid";
    public const string WrongPassword = "WrongPassword";
    public const string LoginFailed = "LoginFailed";
    public const string NotConfirmed = "NotConfirmed";
    public const string InvalidLink = "InvalidLink";
}
