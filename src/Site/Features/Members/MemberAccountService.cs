using System.Net.Mail;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Users;
using Site.Features.Public;
using Site.Localization;

namespace Site.Features.Members;

/// <summary>
/// A member's own account: registration, confirmation, sign-in, password reset, changes of email and password,
/// profile and deletion. Answers never tell whether an email address has an account.
/// </summary>
public interface IMemberAccountService
{
    Task<AccountResult> RegisterAsync(RegisterForm form, string? linkOrigin, CancellationToken cancellationToken);

    Task<bool> ConfirmEmailAsync(string? id, string? code);

    Task<AccountResult> LogInAsync(LoginForm form, string? linkOrigin, CancellationToken cancellationToken);

    Task LogOutAsync();

    Task RequestPasswordResetAsync(EmailForm form, string? linkOrigin, CancellationToken cancellationToken);

    /// <summary>Whether a reset link is worth showing the form for (it names an existing member).</summary>
    Task<bool> IsResetLinkPlausibleAsync(string? id, string? code);

    Task<AccountResult> ResetPasswordAsync(ResetPasswordForm form);

    Task<AccountResult> ChangeEmailAsync(Guid memberId, ChangeEmailForm form, string? linkOrigin, CancellationToken cancellationToken);

    Task<bool> ConfirmEmailChangeAsync(string? id, string? email, string? code);

    Task<AccountResult> ChangePasswordAsync(Guid memberId, ChangePasswordForm form);

    Task<AccountResult> UpdateProfileAsync(Guid memberId, ProfileForm form);

    Task<AccountResult> DeleteAsync(Guid memberId, DeleteAccountForm form, CancellationToken cancellationToken);
}

internal sealed partial class MemberAccountService(
    UserManager<Member> users,
    SignInManager<Member> signIn,
    IMemberDataService data,
    IMailSender mail,
    IOptions<IdentityOptions> identity,
    TimeProvider clock,
    IPublishedSnapshotAccessor snapshots,
    ILogger<MemberAccountService> logger) : IMemberAccountService
{
    public const int MaxEmailLength = 254;

    public async Task<AccountResult> RegisterAsync(RegisterForm form, string? linkOrigin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var email = CheckEmail(nameof(RegisterForm.Email), form.Email, errors);
        errors.AddRange(MemberRules.Validate(form.Details, snapshots.Current.Languages).Select(e => new FieldError(e.Key, e.Value, Max(e.Key))));
        errors.AddRange(await CheckPasswordAsync(nameof(RegisterForm.Password), form.Password).ConfigureAwait(false));
        if (errors.Count > 0)
        {
            return new AccountResult(false, errors);
        }

        var existing = await users.FindByEmailAsync(email!).ConfigureAwait(false);
        if (existing is not null)
        {
            // The same answer, and the same password hashing, as for a new address; the owner hears of it by mail.
            EqualPasswordWork.Spend(users.PasswordHasher, form.Password);
            var text = MemberText.For(existing.PreferredCulture);
            await SendAsync(existing, linkOrigin, "login", (text.MailAlreadyRegisteredSubject, text.MailAlreadyRegisteredBody), cancellationToken).ConfigureAwait(false);
            return AccountResult.Ok;
        }

        var member = new Member { Id = Guid.NewGuid(), Email = email, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        member.UserName = member.Id.ToString("N");
        MemberMapping.Apply(member, form.Details);
        var created = await users.CreateAsync(member, form.Password!).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            // A parallel registration of the same address: still the same answer.
            return created.Errors.All(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                ? AccountResult.Ok
                : new AccountResult(false, [.. PasswordErrors(nameof(RegisterForm.Password), created.Errors)]);
        }

        await SendConfirmationAsync(member, linkOrigin, cancellationToken).ConfigureAwait(false);
        return AccountResult.Ok;
    }

    public async Task<bool> ConfirmEmailAsync(string? id, string? code)
    {
        var member = await FindAsync(id).ConfigureAwait(false);
        var token = Decode(code);
        if (member is null || token is null)
        {
            return false;
        }

        return member.EmailConfirmed || (await users.ConfirmEmailAsync(member, token).ConfigureAwait(false)).Succeeded;
    }

    public async Task<AccountResult> LogInAsync(LoginForm form, string? linkOrigin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var email = CheckEmail(nameof(LoginForm.Email), form.Email, errors);
        if (string.IsNullOrEmpty(form.Password))
        {
            errors.Add(new FieldError(nameof(LoginForm.Password), ErrorCodes.Required));
        }

        if (errors.Count > 0)
        {
            return new AccountResult(false, errors);
        }

        var failed = AccountResult.Fail(new FieldError(string.Empty, ErrorCodes.LoginFailed));
        var member = await users.FindByEmailAsync(email!).ConfigureAwait(false);
        if (member is null)
        {
            EqualPasswordWork.Spend(users.PasswordHasher, form.Password);
            return failed;
        }

        var result = await signIn.PasswordSignInAsync(member, form.Password!, form.RememberMe, lockoutOnFailure: true).ConfigureAwait(false);
        if (result.Succeeded)
        {
            return AccountResult.Ok;
        }

        // Identity refuses a locked or unconfirmed account before it checks the password; the check runs all the same, so
        // that the answer takes as long as for anyone else, and an unconfirmed address is said so only to whoever knows it.
        if (result.IsLockedOut || result.IsNotAllowed)
        {
            var knowsPassword = await users.CheckPasswordAsync(member, form.Password!).ConfigureAwait(false);
            if (result.IsNotAllowed && !member.EmailConfirmed && knowsPassword)
            {
                await SendConfirmationAsync(member, linkOrigin, cancellationToken).ConfigureAwait(false);
                return AccountResult.Fail(new FieldError(string.Empty, ErrorCodes.NotConfirmed));
            }
        }

        return failed;
    }

    public Task LogOutAsync() => signIn.SignOutAsync();

    public async Task RequestPasswordResetAsync(EmailForm form, string? linkOrigin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        var email = CheckEmail(nameof(EmailForm.Email), form.Email, errors);
        var member = email is null ? null : await users.FindByEmailAsync(email).ConfigureAwait(false);
        if (member is null)
        {
            return;
        }

        if (!member.EmailConfirmed)
        {
            await SendConfirmationAsync(member, linkOrigin, cancellationToken).ConfigureAwait(false);
            return;
        }

        var token = await users.GeneratePasswordResetTokenAsync(member).ConfigureAwait(false);
        var text = MemberText.For(member.PreferredCulture);
        await SendAsync(member, linkOrigin, $"reset-password?id={member.Id:N}&code={Encode(token)}", (text.MailResetSubject, text.MailResetBody), cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> IsResetLinkPlausibleAsync(string? id, string? code) =>
        Decode(code) is not null && await FindAsync(id).ConfigureAwait(false) is not null;

    public async Task<AccountResult> ResetPasswordAsync(ResetPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var invalid = AccountResult.Fail(new FieldError(string.Empty, ErrorCodes.InvalidLink));
        var member = await FindAsync(form.Id).ConfigureAwait(false);
        var token = Decode(form.Code);
        if (member is null || token is null)
        {
            return invalid;
        }

        var passwordErrors = await CheckPasswordAsync(nameof(ResetPasswordForm.NewPassword), form.NewPassword).ConfigureAwait(false);
        if (passwordErrors.Count > 0)
        {
            return new AccountResult(false, passwordErrors);
        }

        var reset = await users.ResetPasswordAsync(member, token, form.NewPassword!).ConfigureAwait(false);
        if (reset.Succeeded)
        {
            return AccountResult.Ok;
        }

        return reset.Errors.Any(e => e.Code == "InvalidToken") ? invalid : new AccountResult(false, [.. PasswordErrors(nameof(ResetPasswordForm.NewPassword), reset.Errors)]);
    }

    public async Task<AccountResult> ChangeEmailAsync(Guid memberId, ChangeEmailForm form, string? linkOrigin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var member = await users.FindByIdAsync(memberId.ToString()).ConfigureAwait(false) ?? throw new InvalidOperationException("The signed-in member no longer exists.");
        var errors = new List<FieldError>();
        var email = CheckEmail(nameof(ChangeEmailForm.NewEmail), form.NewEmail, errors);
        await CheckCurrentPasswordAsync(member, nameof(ChangeEmailForm.CurrentPassword), form.CurrentPassword, errors).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return new AccountResult(false, errors);
        }

        // An address that another account uses gets no mail, and the member hears the same as for a free one.
        if (await users.FindByEmailAsync(email!).ConfigureAwait(false) is null)
        {
            var token = await users.GenerateChangeEmailTokenAsync(member, email!).ConfigureAwait(false);
            var text = MemberText.For(member.PreferredCulture);
            if (Link(linkOrigin, member, $"confirm-email?id={member.Id:N}&email={Uri.EscapeDataString(email!)}&code={Encode(token)}") is { } link)
            {
                await mail.SendAsync(new OutgoingMail(email!, member.Name, text.MailChangeEmailSubject, Body(text, text.MailChangeEmailBody, member.Name, link), text.Culture), cancellationToken).ConfigureAwait(false);
            }
        }

        return AccountResult.Ok;
    }

    public async Task<bool> ConfirmEmailChangeAsync(string? id, string? email, string? code)
    {
        var member = await FindAsync(id).ConfigureAwait(false);
        var token = Decode(code);
        if (member is null || token is null || string.IsNullOrWhiteSpace(email))
        {
            return false;
        }

        var changed = await users.ChangeEmailAsync(member, email, token).ConfigureAwait(false);
        if (!changed.Succeeded)
        {
            return false;
        }

        member.RefreshSearchText();
        await users.UpdateAsync(member).ConfigureAwait(false);
        return true;
    }

    public async Task<AccountResult> ChangePasswordAsync(Guid memberId, ChangePasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var member = await users.FindByIdAsync(memberId.ToString()).ConfigureAwait(false) ?? throw new InvalidOperationException("The signed-in member no longer exists.");
        var errors = new List<FieldError>();
        await CheckCurrentPasswordAsync(member, nameof(ChangePasswordForm.CurrentPassword), form.CurrentPassword, errors).ConfigureAwait(false);
        errors.AddRange(await CheckPasswordAsync(nameof(ChangePasswordForm.NewPassword), form.NewPassword).ConfigureAwait(false));
        if (errors.Count > 0)
        {
            return new AccountResult(false, errors);
        }

        var changed = await users.ChangePasswordAsync(member, form.CurrentPassword!, form.NewPassword!).ConfigureAwait(false);
        if (!changed.Succeeded)
        {
            return new AccountResult(false, [.. PasswordErrors(nameof(ChangePasswordForm.NewPassword), changed.Errors)]);
        }

        // The new security stamp would end this session too at its next check: renew it now.
        await signIn.RefreshSignInAsync(member).ConfigureAwait(false);
        return AccountResult.Ok;
    }

    public async Task<AccountResult> UpdateProfileAsync(Guid memberId, ProfileForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var details = form.Details;
        var errors = MemberRules.Validate(details, snapshots.Current.Languages);
        if (errors.Count > 0)
        {
            return new AccountResult(false, [.. errors.Select(e => new FieldError(e.Key, e.Value, Max(e.Key)))]);
        }

        var member = await users.FindByIdAsync(memberId.ToString()).ConfigureAwait(false) ?? throw new InvalidOperationException("The signed-in member no longer exists.");
        MemberMapping.Apply(member, details);
        var updated = await users.UpdateAsync(member).ConfigureAwait(false);
        if (!updated.Succeeded)
        {
            throw new InvalidOperationException("The profile could not be saved: " + string.Join(", ", updated.Errors.Select(e => e.Code)));
        }

        await signIn.RefreshSignInAsync(member).ConfigureAwait(false); // the name shown in the header
        return AccountResult.Ok;
    }

    public async Task<AccountResult> DeleteAsync(Guid memberId, DeleteAccountForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var member = await users.FindByIdAsync(memberId.ToString()).ConfigureAwait(false) ?? throw new InvalidOperationException("The signed-in member no longer exists.");
        var errors = new List<FieldError>();
        await CheckCurrentPasswordAsync(member, nameof(DeleteAccountForm.CurrentPassword), form.CurrentPassword, errors).ConfigureAwait(false);
        if (errors.Count > 0)
        {
            return new AccountResult(false, errors);
        }

        await signIn.SignOutAsync().ConfigureAwait(false);
        await data.DeleteAsync(memberId, cancellationToken).ConfigureAwait(false);
        return AccountResult.Ok;
    }

    private static int Max(string field) => field is nameof(MemberDetails.City) or nameof(MemberDetails.Country) ? MemberRules.MaxPlaceLength : MemberRules.MaxNameLength;

    private static string? CheckEmail(string field, string? value, List<FieldError> errors)
    {
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            errors.Add(new FieldError(field, ErrorCodes.Required));
            return null;
        }

        if (email.Length > MaxEmailLength || !MailAddress.TryCreate(email, out var parsed) || !string.Equals(parsed.Address, email, StringComparison.Ordinal)
            || !parsed.Host.Contains('.', StringComparison.Ordinal))
        {
            errors.Add(new FieldError(field, ErrorCodes.InvalidEmail));
            return null;
        }

        return email;
    }

    private async Task<List<FieldError>> CheckPasswordAsync(string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return [new FieldError(field, ErrorCodes.Required)];
        }

        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new Member(), password).ConfigureAwait(false);
            errors.AddRange(result.Errors);
        }

        return [.. PasswordErrors(field, errors)];
    }

    private IEnumerable<FieldError> PasswordErrors(string field, IEnumerable<IdentityError> errors)
    {
        var rules = identity.Value.Password;
        return errors.Select(e => e.Code switch
        {
            nameof(IdentityErrorDescriber.PasswordTooShort) => new FieldError(field, ErrorCodes.PasswordTooShort, rules.RequiredLength),
            nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => new FieldError(field, ErrorCodes.PasswordUniqueChars, rules.RequiredUniqueChars),
            _ => new FieldError(field, ErrorCodes.PasswordInvalid),
        }).Distinct();
    }

    private async Task CheckCurrentPasswordAsync(Member member, string field, string? password, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(password))
        {
            errors.Add(new FieldError(field, ErrorCodes.Required));
        }
        else if (!await users.CheckPasswordAsync(member, password).ConfigureAwait(false))
        {
            errors.Add(new FieldError(field, ErrorCodes.WrongPassword));
        }
    }

    private async Task<Member?> FindAsync(string? id) =>
        Guid.TryParseExact(id, "N", out var key) ? await users.FindByIdAsync(key.ToString()).ConfigureAwait(false) : null;

    private async Task SendConfirmationAsync(Member member, string? linkOrigin, CancellationToken cancellationToken)
    {
        var token = await users.GenerateEmailConfirmationTokenAsync(member).ConfigureAwait(false);
        var text = MemberText.For(member.PreferredCulture);
        await SendAsync(member, linkOrigin, $"confirm?id={member.Id:N}&code={Encode(token)}", (text.MailConfirmSubject, text.MailConfirmBody), cancellationToken).ConfigureAwait(false);
    }

    private Task SendAsync(Member member, string? linkOrigin, string path, (string Subject, string Body) template, CancellationToken cancellationToken)
    {
        var text = MemberText.For(member.PreferredCulture);
        return Link(linkOrigin, member, path) is { } link
            ? mail.SendAsync(new OutgoingMail(member.Email!, member.Name, template.Subject, Body(text, template.Body, member.Name, link), text.Culture), cancellationToken)
            : Task.CompletedTask;
    }

    /// <summary>Links in mails lead to the member's own language; without a trusted origin no link, and so no mail, is made.</summary>
    private string? Link(string? linkOrigin, Member member, string path)
    {
        if (string.IsNullOrEmpty(linkOrigin))
        {
            LogNoTrustedOrigin(logger, PublicOrigin.RequiredMessage);
            return null;
        }

        return $"{linkOrigin.TrimEnd('/')}/{MemberUrls.PrefixOf(member.PreferredCulture, snapshots.Current.Languages)}/member/{path}";
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A mail to a member was not sent: its link needs a trusted origin. {Advice}")]
    private static partial void LogNoTrustedOrigin(ILogger logger, string advice);

    private static string Body(MemberText text, string template, string name, string link) =>
        LanguageNames.Format(text.Culture, template, name, link, SiteTexts.SiteName(text.Culture)) + text.MailSignature;

    private static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    private static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 2000)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
