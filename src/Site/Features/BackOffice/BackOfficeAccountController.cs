using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Site.Core.Users;
using Site.Core.Workflow;
using Site.Features.Members;
using Site.Hosting;

namespace Site.Features.BackOffice;

/// <summary>First-run setup, sign-in and sign-out, the editor's password and language.</summary>
[Route(BackOfficeExtensions.Path)]
public sealed class BackOfficeAccountController(IUserService users, IBackOfficeCultures uiCultures) : BackOfficeControllerBase
{
    [HttpGet("setup")]
    [AllowAnonymous]
    public async Task<IActionResult> Setup(CancellationToken cancellationToken) =>
        await users.HasUsersAsync(cancellationToken) ? Redirect(BackOfficeExtensions.Path + "/login") : Show("Setup", SetupPage(new SetupForm { UiCulture = Text.Code }));

    [HttpPost("setup")]
    [AllowAnonymous]
    [EnableRateLimiting(MembersExtensions.RateLimitPolicy)]
    public async Task<IActionResult> Setup([FromForm] SetupForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var culture = uiCultures.Contains(form.UiCulture) ? uiCultures.Resolve(form.UiCulture) : Text.Code;
        var result = await users.CreateFirstAdministratorAsync(
            new NewUser(form.Email ?? "", form.Name ?? "", form.Password ?? "", [BackOfficeGroups.Administrators], null, culture), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Errors.Contains(UserErrors.SetupDone))
            {
                return Show("Message", Page(Text.Setup, "", Text.UserError(UserErrors.SetupDone)), StatusCodes.Status409Conflict);
            }

            return Invalid("Setup", SetupPage(new SetupForm { Email = form.Email ?? "", Name = form.Name ?? "", UiCulture = culture }, Errors(result)));
        }

        await SignInAsync(result.User!, cancellationToken);
        return Redirect(BackOfficeExtensions.Path);
    }

    [HttpGet("login")]
    [AllowAnonymous]
    public async Task<IActionResult> Login(string? returnUrl, CancellationToken cancellationToken) =>
        await users.HasUsersAsync(cancellationToken)
            ? Show("Login", PageOf(Text.LogIn, "", new LoginForm { ReturnUrl = SafeReturnUrl(returnUrl) }))
            : Redirect(BackOfficeExtensions.Path + "/setup");

    [HttpPost("login")]
    [AllowAnonymous]
    [EnableRateLimiting(MembersExtensions.RateLimitPolicy)]
    public async Task<IActionResult> Login([FromForm] LoginForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var signIn = await users.CheckPasswordAsync(form.Email ?? "", form.Password ?? "", cancellationToken);
        if (signIn.Outcome != SignInOutcome.Succeeded)
        {
            var page = PageOf(Text.LogIn, "", new LoginForm { Email = form.Email ?? "", ReturnUrl = SafeReturnUrl(form.ReturnUrl) }, errors: [new FormError(null, Text.LoginFailed)]);
            return Invalid("Login", page);
        }

        await SignInAsync(signIn.User!, cancellationToken);
        return Redirect(SafeReturnUrl(form.ReturnUrl) ?? BackOfficeExtensions.Path);
    }

    [HttpPost("logout")]
    [AllowAnonymous]
    public async Task<IActionResult> Logout()
    {
        await HttpContext.SignOutAsync(BackOfficeAuthentication.CookieScheme);
        return Redirect(BackOfficeExtensions.Path + "/login");
    }

    [HttpGet("password")]
    public IActionResult Password() => Show("Password", PageOf(Text.ChangePassword, "", new PasswordForm()));

    [HttpPost("password")]
    public async Task<IActionResult> Password([FromForm] PasswordForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await users.ChangePasswordAsync(Editor.Id, form.CurrentPassword ?? "", form.NewPassword ?? "", cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid("Password", PageOf(Text.ChangePassword, "", new PasswordForm(), errors: Errors(result, wrongPasswordField: nameof(PasswordForm.CurrentPassword))));
        }

        // The new stamp ends every other session; this one gets a fresh cookie.
        await SignInAsync(result.User!, cancellationToken);
        return Show("Password", PageOf(Text.ChangePassword, "", new PasswordForm(), notice: Text.PasswordChanged));
    }

    [HttpPost("language")]
    public async Task<IActionResult> Language([FromForm] string culture, [FromForm] string? returnUrl, CancellationToken cancellationToken)
    {
        var result = await users.SetUiCultureAsync(Editor.Id, culture, cancellationToken);
        return result.Succeeded ? Redirect(SafeReturnUrl(returnUrl) ?? BackOfficeExtensions.Path) : BadRequest();
    }

    [HttpGet("forbidden")]
    public IActionResult Forbidden() => Refused();

    private BackOfficePageModel<SetupForm> SetupPage(SetupForm form, IReadOnlyList<FormError>? errors = null) =>
        PageOf(Text.Setup, "", form, errors: errors);

    private async Task SignInAsync(UserProfile user, CancellationToken cancellationToken)
    {
        var stamp = await users.GetSessionStampAsync(user.Id, cancellationToken) ?? "";
        await HttpContext.SignInAsync(BackOfficeAuthentication.CookieScheme, BackOfficeAuthentication.CreatePrincipal(user, stamp, BackOfficeAuthentication.CookieScheme));
    }

    private List<FormError> Errors(UserResult result, string? wrongPasswordField = null) =>
        [.. result.Errors.Select(code => new FormError(FieldOf(code, wrongPasswordField), Text.UserError(code)))];

    private static string? FieldOf(string code, string? wrongPasswordField) => code switch
    {
        "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
        "NameRequired" => "Name",
        UserErrors.WrongPassword => wrongPasswordField,
        _ when code.StartsWith("Password", StringComparison.Ordinal) => wrongPasswordField is null ? "Password" : "NewPassword",
        _ => null,
    };

    /// <summary>Only a path inside the back office: never an open redirect.</summary>
    internal static string? SafeReturnUrl(string? url) => LocalReturnUrl.Check(url, [BackOfficeExtensions.Path]);
}
