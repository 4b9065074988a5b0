using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Site.Core.Publishing;
using Site.Features.Public;

namespace Site.Features.Members;

/// <summary>Registration, confirmation, log in and out, and the forgotten password: the pages anyone may open.</summary>
[Route("{prefix:culturePrefix}/" + MemberUrls.Segment)]
public sealed class MemberAccountController(
    IMemberAccountService accounts,
    IPublishedSnapshotAccessor snapshots,
    ICurrentMemberAccessor members,
    IOptions<PublicSiteOptions> options) : MemberControllerBase(snapshots, members, options)
{
    [HttpGet("login")]
    public IActionResult Login(string prefix, string? returnUrl) =>
        ClaimsMemberAccessor.MemberId(User) is not null
            ? Redirect(MemberUrls.SafeReturnUrl(returnUrl, Snapshot.Languages) ?? MemberUrls.Page(prefix))
            : Show("Login", Form(prefix, t => t.LogIn, "login", new LoginForm(), returnUrl: MemberUrls.SafeReturnUrl(returnUrl, Snapshot.Languages)));

    [HttpPost("login")]
    [EnableRateLimiting(MembersExtensions.RateLimitPolicy)]
    public async Task<IActionResult> Login(string prefix, [FromForm] LoginForm form, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await accounts.LogInAsync(form, MailOrigin, HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            return Redirect(MemberUrls.SafeReturnUrl(returnUrl, Snapshot.Languages) ?? MemberUrls.Page(prefix));
        }

        return Invalid("Login", Form(prefix, t => t.LogIn, "login", form, result.Errors, MemberUrls.SafeReturnUrl(returnUrl, Snapshot.Languages)));
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout(string prefix)
    {
        await accounts.LogOutAsync();
        return Redirect(Snapshot.Home?.Url(LanguageOf(prefix).IsoCode) ?? $"/{prefix}/");
    }

    [HttpGet("register")]
    public IActionResult Register(string prefix) =>
        Show("Register", Form(prefix, t => t.Register, "register", new RegisterForm { PreferredCulture = LanguageOf(prefix).IsoCode }));

    [HttpPost("register")]
    [EnableRateLimiting(MembersExtensions.RateLimitPolicy)]
    public async Task<IActionResult> Register(string prefix, [FromForm] RegisterForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await accounts.RegisterAsync(form, MailOrigin, HttpContext.RequestAborted);
        return result.Succeeded
            ? RedirectToAction(nameof(CheckEmail), new { prefix, @for = "register" })
            : Invalid("Register", Form(prefix, t => t.Register, "register", form, result.Errors));
    }

    [HttpGet("check-email")]
    public IActionResult CheckEmail(string prefix, string? @for) =>
        Show("Message", Page(prefix, t => t.CheckEmail, "check-email", MemberText.For(LanguageOf(prefix).IsoCode) is var t && @for == "reset" ? t.ResetSent : t.RegisterSent));

    [HttpGet("confirm")]
    public async Task<IActionResult> Confirm(string prefix, string? id, string? code) =>
        await accounts.ConfirmEmailAsync(id, code)
            ? Show("Message", Page(prefix, t => t.Confirmed, "confirm", MemberText.For(LanguageOf(prefix).IsoCode).ConfirmedText))
            : InvalidLink(prefix);

    [HttpGet("confirm-email")]
    public async Task<IActionResult> ConfirmEmailChange(string prefix, string? id, string? email, string? code) =>
        await accounts.ConfirmEmailChangeAsync(id, email, code)
            ? Show("Message", Page(prefix, t => t.EmailChanged, "confirm-email", MemberText.For(LanguageOf(prefix).IsoCode).EmailChanged))
            : InvalidLink(prefix);

    [HttpGet("forgot-password")]
    public IActionResult ForgotPassword(string prefix) =>
        Show("ForgotPassword", Form(prefix, t => t.ForgotPassword, "forgot-password", new EmailForm()));

    [HttpPost("forgot-password")]
    [EnableRateLimiting(MembersExtensions.RateLimitPolicy)]
    public async Task<IActionResult> ForgotPassword(string prefix, [FromForm] EmailForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            return Invalid("ForgotPassword", Form(prefix, t => t.ForgotPassword, "forgot-password", form, [new FieldError(nameof(EmailForm.Email), ErrorCodes.Required)]));
        }

        // Known or not, the same answer.
        await accounts.RequestPasswordResetAsync(form, MailOrigin, HttpContext.RequestAborted);
        return RedirectToAction(nameof(CheckEmail), new { prefix, @for = "reset" });
    }

    [HttpGet("reset-password")]
    public async Task<IActionResult> ResetPassword(string prefix, string? id, string? code) =>
        await accounts.IsResetLinkPlausibleAsync(id, code)
            ? Show("ResetPassword", Form(prefix, t => t.ResetPassword, "reset-password", new ResetPasswordForm { Id = id, Code = code }))
            : InvalidLink(prefix);

    [HttpPost("reset-password")]
    [EnableRateLimiting(MembersExtensions.RateLimitPolicy)]
    public async Task<IActionResult> ResetPassword(string prefix, [FromForm] ResetPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await accounts.ResetPasswordAsync(form);
        if (result.Succeeded)
        {
            return Show("Message", Page(prefix, t => t.PasswordWasReset, "reset-password", MemberText.For(LanguageOf(prefix).IsoCode).PasswordWasResetText));
        }

        return result.Errors.Any(e => e.Code == ErrorCodes.InvalidLink)
            ? InvalidLink(prefix)
            : Invalid("ResetPassword", Form(prefix, t => t.ResetPassword, "reset-password", form, result.Errors));
    }

    [HttpGet("deleted")]
    public IActionResult Deleted(string prefix) =>
        Show("Message", Page(prefix, t => t.AccountDeleted, "deleted", MemberText.For(LanguageOf(prefix).IsoCode).AccountDeletedText));

    private ViewResult InvalidLink(string prefix) =>
        Show("Message", Page(prefix, t => t.InvalidLink, "invalid-link", MemberText.For(LanguageOf(prefix).IsoCode).InvalidLinkText), StatusCodes.Status400BadRequest);
}
