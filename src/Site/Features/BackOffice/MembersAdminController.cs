using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Site.Core.Members;
using Site.Core.Workflow;

namespace Site.Features.BackOffice;

/// <summary>Site members for administrators and editors: find them, their groups, lock and unlock, and decide their applications.</summary>
[Route(BackOfficeExtensions.Path + "/members")]
public sealed class MembersAdminController(IMemberAdminService members, TimeProvider clock) : BackOfficeControllerBase
{
    public const int PageSize = 20;

    private bool Allowed => Editor.Groups.Contains(BackOfficeGroups.Administrators) || Editor.Groups.Contains(BackOfficeGroups.Editors);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? text, string? group, int? page, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var wanted = Math.Max(page ?? 1, 1);
        var result = await members.SearchAsync(new MemberSearch(Blank(text), Blank(group), wanted, PageSize), cancellationToken);
        var query = (text is { Length: > 0 } ? "&text=" + Uri.EscapeDataString(text) : "") + (group is { Length: > 0 } ? "&group=" + Uri.EscapeDataString(group) : "");
        var pager = new Pager(result.Page, Pager.PageCount(result.Total, PageSize), result.Total,
            p => BackOfficeExtensions.Path + "/members?page=" + p.ToString(CultureInfo.InvariantCulture) + query);
        var data = new MemberListData(result.Members, pager, text ?? "", group ?? "", await members.GetGroupsAsync(cancellationToken), clock.GetUtcNow());
        return Show("Members", PageOf(Text.Members, "members", data));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Details(Guid id, string? done, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var notice = done switch
        {
            "added" => Text.MemberAddedToGroup,
            "removed" => Text.MemberRemovedFromGroup,
            "locked" => Text.MemberLocked,
            "unlocked" => Text.MemberUnlocked,
            "details" => Text.MemberDetailsSaved,
            _ => null,
        };
        return await DetailsPageAsync(id, notice, [], cancellationToken) is { } page ? Show("Member", page) : Missing();
    }

    [HttpPost("{id:guid}/details")]
    public async Task<IActionResult> EditDetails(Guid id, [FromForm] Members.ProfileForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Allowed)
        {
            return Refused();
        }

        var details = form.Details;
        var result = await members.UpdateDetailsAsync(id, details, Editor.Email, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(BackOfficeExtensions.Path + "/members/" + id.ToString("D") + "?done=details");
        }

        if (result.Errors.Contains(MemberErrors.NotFound))
        {
            return Missing();
        }

        // "Field:code" for each field refused; the form comes back with what was typed.
        var errors = result.Errors.Select(e => e.Split(':', 2)).Select(p => new FormError("d-" + p[0], Text.MemberFieldError(p[0], p.Length > 1 ? p[1] : p[0]))).ToList();
        return await DetailsPageAsync(id, null, errors, cancellationToken, details) is { } page ? Invalid("Member", page) : Missing();
    }

    [HttpPost("{id:guid}/groups")]
    public Task<IActionResult> AddToGroup(Guid id, [FromForm] string? group, CancellationToken cancellationToken) =>
        ChangeAsync(id, "added", () => members.AddToGroupAsync(id, group ?? "", Editor.Email, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/groups/remove")]
    public Task<IActionResult> RemoveFromGroup(Guid id, [FromForm] string? group, CancellationToken cancellationToken) =>
        ChangeAsync(id, "removed", () => members.RemoveFromGroupAsync(id, group ?? "", Editor.Email, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/lock")]
    public Task<IActionResult> Lock(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "locked", () => members.LockAsync(id, null, Editor.Email, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/unlock")]
    public Task<IActionResult> Unlock(Guid id, CancellationToken cancellationToken) =>
        ChangeAsync(id, "unlocked", () => members.UnlockAsync(id, Editor.Email, cancellationToken), cancellationToken);

    [HttpGet("applications")]
    public async Task<IActionResult> Applications(ApplicationStatus? status, string? done, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var data = await ApplicationsAsync(status, null, null, cancellationToken);
        return Show("Applications", PageOf(Text.Applications, "members", data, done == "decided" ? Text.ApplicationDecided : null));
    }

    [HttpPost("applications/{id:guid}")]
    public async Task<IActionResult> Decide(Guid id, [FromForm] ApplicationDecisionForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Allowed)
        {
            return Refused();
        }

        var field = id.ToString("N") + "-";
        List<FormError> errors = [];
        if (form.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add(new FormError(field + "Status", Text.ChooseStatus));
        }
        else
        {
            var result = await members.SetApplicationStatusAsync(id, status, form.Note, Editor.Email, cancellationToken);
            if (result.Succeeded)
            {
                return Redirect(BackOfficeExtensions.Path + "/members/applications?done=decided" + (form.Filter is { } filter ? "&status=" + filter : ""));
            }

            if (result.Errors.Contains(MemberErrors.NotFound))
            {
                return Missing();
            }

            errors.AddRange(result.Errors.Select(code => new FormError(code == MemberRules.Invalid ? field + "Status" : field + "Note", Text.MemberError(code))));
        }

        var data = await ApplicationsAsync(form.Filter, id, form, cancellationToken);
        return Invalid("Applications", PageOf(Text.Applications, "members", data, errors: errors));
    }

    private async Task<IActionResult> ChangeAsync(Guid id, string done, Func<Task<MemberResult>> change, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var result = await change();
        if (result.Succeeded)
        {
            return Redirect(BackOfficeExtensions.Path + "/members/" + id.ToString("D") + "?done=" + done);
        }

        var errors = result.Errors.Select(code => new FormError(null, Text.MemberError(code))).ToList();
        return await DetailsPageAsync(id, null, errors, cancellationToken) is { } page ? Invalid("Member", page) : Missing();
    }

    private async Task<BackOfficePageModel<MemberDetailData>?> DetailsPageAsync(Guid id, string? notice, IReadOnlyList<FormError> errors, CancellationToken cancellationToken, MemberDetails? typed = null)
    {
        var member = await members.GetAsync(id, cancellationToken);
        if (member is null)
        {
            return null;
        }

        var applications = (await members.GetApplicationsAsync(null, cancellationToken)).Where(a => a.MemberId == id).ToList();
        var details = typed ?? new MemberDetails(member.Name, member.School, member.Position, member.City, member.Country, member.PreferredCulture);
        var data = new MemberDetailData(member, await members.GetGroupsAsync(cancellationToken), applications, member.IsLockedOut(clock.GetUtcNow()), details);
        return PageOf(member.Name, "members", data, notice, errors);
    }

    private async Task<ApplicationsData> ApplicationsAsync(ApplicationStatus? status, Guid? failedId, ApplicationDecisionForm? typed, CancellationToken cancellationToken)
    {
        var applications = await members.GetApplicationsAsync(status, cancellationToken);
        var names = new Dictionary<Guid, MemberProfile?>();
        foreach (var memberId in applications.Select(a => a.MemberId).Distinct())
        {
            names[memberId] = await members.GetAsync(memberId, cancellationToken);
        }

        return new ApplicationsData([.. applications.Select(a => new ApplicationRow(a, names[a.MemberId]))], status, failedId, typed);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class ApplicationDecisionForm
{
    public ApplicationStatus? Status { get; set; }
    public string? Note { get; set; }

    /// <summary>The list's status filter, to come back to the same list.</summary>
    public ApplicationStatus? Filter { get; set; }
}

public sealed record MemberListData(IReadOnlyList<MemberProfile> Members, Pager Pager, string Text, string Group, IReadOnlyList<string> Groups, DateTimeOffset Now);

public sealed record MemberDetailData(MemberProfile Member, IReadOnlyList<string> AllGroups, IReadOnlyList<MemberApplication> Applications, bool Locked, MemberDetails Details);

public sealed record ApplicationRow(MemberApplication Application, MemberProfile? Member);

public sealed record ApplicationsData(IReadOnlyList<ApplicationRow> Rows, ApplicationStatus? Status, Guid? FailedId, ApplicationDecisionForm? Typed);
