using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Features.Public;

namespace Site.Features.Members;

/// <summary>
/// The member area: profile, email, password, applications, data export and deletion. Every action works on the
/// signed-in member's own id from their cookie; no id from the request ever selects whose data is read.
/// </summary>
[Authorize]
[Route("{prefix:culturePrefix}/" + MemberUrls.Segment)]
public sealed class MemberAreaController(
    IMemberAccountService accounts,
    IMemberDataService data,
    IMemberApplicationService applications,
    ISessionRegistrationService registrations,
    SessionSchedule schedule,
    RegistrationMails mails,
    IPublishedSnapshotAccessor snapshots,
    ICurrentMemberAccessor members,
    IOptions<PublicSiteOptions> options) : MemberControllerBase(snapshots, members, options)
{
    private Guid MemberId => ClaimsMemberAccessor.MemberId(User) ?? throw new InvalidOperationException("No signed-in member.");

    [HttpGet("")]
    public async Task<IActionResult> Index(string prefix, string? done)
    {
        var profile = await data.GetProfileAsync(MemberId, HttpContext.RequestAborted);
        if (profile is null)
        {
            await accounts.LogOutAsync();
            return Redirect(MemberUrls.Page(prefix, "login"));
        }

        var language = LanguageOf(prefix);
        var text = MemberText.For(language.IsoCode);
        var mine = await applications.GetForMemberAsync(MemberId, HttpContext.RequestAborted);
        var registered = await registrations.GetAllForMemberAsync(MemberId, HttpContext.RequestAborted);
        var model = new AccountPageModel(Snapshot, language, BaseUrl, CurrentMember, profile, mine)
        {
            Registrations = [.. registered
                .Select(r => (Registration: r, Session: Snapshot.GetByKey(r.SessionKey)))
                .Where(r => r.Session?.IsPublished(language.IsoCode) == true)
                .Select(r => (r.Registration, r.Session!))],
            Notice = done switch
            {
                "profile" => text.ProfileSaved,
                "password" => text.PasswordChanged,
                "email" => text.EmailChangeSent,
                "application" => text.ApplicationSent,
                _ => null,
            },
        };
        return Show("Account", model);
    }

    [HttpGet("profile")]
    public async Task<IActionResult> Profile(string prefix)
    {
        var profile = await data.GetProfileAsync(MemberId, HttpContext.RequestAborted);
        return profile is null ? NotFound() : Show("Profile", Form(prefix, t => t.EditProfile, "profile", ProfileForm.From(profile)));
    }

    [HttpPost("profile")]
    public async Task<IActionResult> Profile(string prefix, [FromForm] ProfileForm form)
    {
        var result = await accounts.UpdateProfileAsync(MemberId, form);
        return result.Succeeded ? Done(prefix, "profile") : Invalid("Profile", Form(prefix, t => t.EditProfile, "profile", form, result.Errors));
    }

    [HttpGet("email")]
    public IActionResult ChangeEmail(string prefix) => Show("ChangeEmail", Form(prefix, t => t.ChangeEmail, "email", new ChangeEmailForm()));

    [HttpPost("email")]
    public async Task<IActionResult> ChangeEmail(string prefix, [FromForm] ChangeEmailForm form)
    {
        var result = await accounts.ChangeEmailAsync(MemberId, form, MailOrigin, HttpContext.RequestAborted);
        return result.Succeeded ? Done(prefix, "email") : Invalid("ChangeEmail", Form(prefix, t => t.ChangeEmail, "email", form, result.Errors));
    }

    [HttpGet("password")]
    public IActionResult ChangePassword(string prefix) => Show("ChangePassword", Form(prefix, t => t.ChangePassword, "password", new ChangePasswordForm()));

    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword(string prefix, [FromForm] ChangePasswordForm form)
    {
        var result = await accounts.ChangePasswordAsync(MemberId, form);
        return result.Succeeded ? Done(prefix, "password") : Invalid("ChangePassword", Form(prefix, t => t.ChangePassword, "password", form, result.Errors));
    }

    [HttpGet("applications/new")]
    public IActionResult NewApplication(string prefix, string? kind)
    {
        // Taking part in an announced session is registration to attend, with its window and places.
        if (kind == nameof(ApplicationKind.NextSession)
            && schedule.Next(Snapshot, LanguageOf(prefix).IsoCode) is { State: not RegistrationWindowState.NotOffered })
        {
            return Redirect(MemberUrls.Page(prefix, "registration"));
        }

        return Show("NewApplication", Form(prefix, t => t.NewApplication, "applications/new", new ApplicationForm { Kind = kind }));
    }

    [HttpPost("applications/new")]
    public async Task<IActionResult> NewApplication(string prefix, [FromForm] ApplicationForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new List<FieldError>();
        if (!Enum.TryParse<ApplicationKind>(form.Kind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind) || int.TryParse(form.Kind, out _))
        {
            errors.Add(new FieldError(nameof(ApplicationForm.Kind), ErrorCodes.Invalid));
        }

        if (MemberApplications.ValidateMessage(form.Message) is { } messageError)
        {
            errors.Add(new FieldError(nameof(ApplicationForm.Message), messageError, MemberApplications.MaxMessageLength));
        }

        if (errors.Count == 0)
        {
            var (result, _) = await applications.SubmitAsync(MemberId, kind, form.Message!, HttpContext.RequestAborted);
            if (result.Succeeded)
            {
                return Done(prefix, "application");
            }

            errors.Add(new FieldError(nameof(ApplicationForm.Message), ErrorCodes.Invalid));
        }

        return Invalid("NewApplication", Form(prefix, t => t.NewApplication, "applications/new", form, errors));
    }

    [HttpGet("applications/{id:guid}")]
    public async Task<IActionResult> Application(string prefix, Guid id)
    {
        // Another member's application is not found, exactly as one that does not exist.
        var application = await applications.GetAsync(MemberId, id, HttpContext.RequestAborted);
        return application is null
            ? NotFound()
            : Show("Application", new ApplicationPageModel(Snapshot, LanguageOf(prefix), BaseUrl, CurrentMember, application));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export()
    {
        var json = await data.ExportAsync(MemberId, HttpContext.RequestAborted);
        if (json is null)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(Encoding.UTF8.GetBytes(json), "application/json; charset=utf-8", "forum-member-data.json");
    }

    [HttpGet("delete")]
    public IActionResult Delete(string prefix) => Show("Delete", Form(prefix, t => t.DeleteAccount, "delete", new DeleteAccountForm()));

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(string prefix, [FromForm] DeleteAccountForm form)
    {
        var memberId = MemberId;
        var held = await registrations.GetAllForMemberAsync(memberId, HttpContext.RequestAborted);
        var result = await accounts.DeleteAsync(memberId, form, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            return Invalid("Delete", Form(prefix, t => t.DeleteAccount, "delete", form, result.Errors));
        }

        // The account's places went with it: they go to those waiting.
        foreach (var place in held.Where(r => r.Status == RegistrationStatus.Confirmed))
        {
            var capacity = schedule.CapacityOf(Snapshot.GetByKey(place.SessionKey));
            var filled = await registrations.FillFreePlacesAsync(place.SessionKey, capacity, memberId.ToString(), HttpContext.RequestAborted);
            foreach (var promoted in filled.Promoted)
            {
                await mails.SendAsync(promoted, RegistrationMailKind.Promoted, MailOrigin, HttpContext.RequestAborted);
            }
        }

        return Redirect(MemberUrls.Page(prefix, "deleted"));
    }

    private RedirectResult Done(string prefix, string what) => Redirect(MemberUrls.Page(prefix) + "?done=" + what);
}
