using Microsoft.AspNetCore.Mvc;
using Site.Core.Users;
using Site.Core.Workflow;

namespace Site.Features.BackOffice;

/// <summary>Back-office accounts, for administrators only: list, create, edit groups and languages, lock and unlock.</summary>
[Route(BackOfficeExtensions.Path + "/users")]
public sealed class UsersAdminController(IUserService users, TimeProvider clock) : BackOfficeControllerBase
{
    private bool Allowed => Editor.Groups.Contains(BackOfficeGroups.Administrators);

    [HttpGet("")]
    public async Task<IActionResult> Index(string? done, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var notice = done == "created" ? Text.UserCreated : null;
        return Show("Users", PageOf(Text.Users, "users", await ListAsync(new UserForm { UiCulture = Text.Code }, cancellationToken), notice));
    }

    [HttpPost("")]
    public async Task<IActionResult> Create([FromForm] UserForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Allowed)
        {
            return Refused();
        }

        var result = await users.CreateAsync(
            new NewUser(form.Email?.Trim() ?? "", form.Name?.Trim() ?? "", form.Password ?? "", form.Groups, Blank(form.TranslatorCulture), Blank(form.UiCulture), form.ApiUser),
            Editor.Email, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(BackOfficeExtensions.Path + "/users?done=created");
        }

        form.Password = "";
        return Invalid("Users", PageOf(Text.Users, "users", await ListAsync(form, cancellationToken), errors: Errors(result)));
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, string? done, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var user = await users.GetAsync(id, cancellationToken);
        if (user is null)
        {
            return Missing();
        }

        var notice = done switch
        {
            "saved" => Text.UserSaved,
            "locked" => Text.UserLocked,
            "unlocked" => Text.UserUnlocked,
            "client-removed" => Text.ClientRemoved,
            _ => null,
        };
        var form = UserForm.From(user);
        return Show("User", PageOf(user.Name, "users", await EditDataAsync(user, form, cancellationToken), notice));
    }

    [HttpPost("{id:guid}/clients")]
    public async Task<IActionResult> AddClient(Guid id, [FromForm] string? clientId, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var (result, secret) = await users.AddClientCredentialAsync(id, clientId ?? "", Editor.Email, cancellationToken);
        var user = await users.GetAsync(id, cancellationToken);
        if (user is null || result.Errors.Contains(UserErrors.NotFound))
        {
            return Missing();
        }

        var form = UserForm.From(user);
        var data = await EditDataAsync(user, form, cancellationToken);
        if (!result.Succeeded)
        {
            return Invalid("User", PageOf(user.Name, "users", data with { NewClientId = clientId }, errors: [.. result.Errors.Select(code => new FormError("ClientId", Text.UserError(code)))]));
        }

        // The secret is shown on this response only (never in a URL, never stored in clear); nothing may cache it.
        Response.Headers.CacheControl = "no-store";
        return Show("User", PageOf(user.Name, "users", data with { NewSecret = (clientId!.Trim(), secret!) }, Text.ClientSecretOnce(clientId.Trim())));
    }

    [HttpPost("{id:guid}/clients/remove")]
    public async Task<IActionResult> RemoveClient(Guid id, [FromForm] string? clientId, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var result = await users.RemoveClientCredentialAsync(id, clientId ?? "", Editor.Email, cancellationToken);
        return result.Succeeded ? Redirect(BackOfficeExtensions.Path + "/users/" + id.ToString("D") + "?done=client-removed") : Missing();
    }

    private async Task<UserEditData> EditDataAsync(UserProfile user, UserForm form, CancellationToken cancellationToken) =>
        new(user, form, user.IsLockedOut(clock.GetUtcNow())) { ClientIds = await users.GetClientIdsAsync(user.Id, cancellationToken) };

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, [FromForm] UserForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Allowed)
        {
            return Refused();
        }

        var result = await users.UpdateAsync(id, new UserChanges(form.Name?.Trim() ?? "", form.Groups, Blank(form.TranslatorCulture), Blank(form.UiCulture)), Editor.Email, cancellationToken);
        if (result.Succeeded)
        {
            return Redirect(BackOfficeExtensions.Path + "/users/" + id.ToString("D") + "?done=saved");
        }

        return await FailedEditAsync(id, form, result, cancellationToken);
    }

    [HttpPost("{id:guid}/lock")]
    public Task<IActionResult> Lock(Guid id, CancellationToken cancellationToken) =>
        LockingAsync(id, "locked", () => users.LockAsync(id, Editor.Email, cancellationToken), cancellationToken);

    [HttpPost("{id:guid}/unlock")]
    public Task<IActionResult> Unlock(Guid id, CancellationToken cancellationToken) =>
        LockingAsync(id, "unlocked", () => users.UnlockAsync(id, Editor.Email, cancellationToken), cancellationToken);

    private async Task<IActionResult> LockingAsync(Guid id, string done, Func<Task<UserResult>> change, CancellationToken cancellationToken)
    {
        if (!Allowed)
        {
            return Refused();
        }

        var result = await change();
        if (result.Succeeded)
        {
            return Redirect(BackOfficeExtensions.Path + "/users/" + id.ToString("D") + "?done=" + done);
        }

        var user = await users.GetAsync(id, cancellationToken);
        if (user is null)
        {
            return Missing();
        }

        var form = UserForm.From(user);
        return await FailedEditAsync(id, form, result, cancellationToken);
    }

    private async Task<IActionResult> FailedEditAsync(Guid id, UserForm form, UserResult result, CancellationToken cancellationToken)
    {
        var user = await users.GetAsync(id, cancellationToken);
        if (user is null || result.Errors.Contains(UserErrors.NotFound))
        {
            return Missing();
        }

        form.Email = user.Email;
        var data = await EditDataAsync(user, form, cancellationToken);
        return Invalid("User", PageOf(user.Name, "users", data, errors: Errors(result)));
    }

    private async Task<UserListData> ListAsync(UserForm form, CancellationToken cancellationToken) =>
        new(await users.ListAsync(cancellationToken), form, clock.GetUtcNow());

    private List<FormError> Errors(UserResult result) =>
        [.. result.Errors.Distinct(StringComparer.Ordinal).Select(code => new FormError(FieldOf(code), Text.UserError(code)))];

    private static string? FieldOf(string code) => code switch
    {
        "DuplicateEmail" or "DuplicateUserName" or "InvalidEmail" or "InvalidUserName" => "Email",
        UserErrors.NameRequired => "Name",
        UserErrors.NoGroup or UserErrors.UnknownGroup or UserErrors.LastAdministrator => "Groups",
        UserErrors.TranslatorCultureRequired => "TranslatorCulture",
        UserErrors.UnknownCulture => null,
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Password",
        _ => null,
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed class UserForm
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? Password { get; set; }

    /// <summary>An account for a script: no password, client credentials only.</summary>
    public bool ApiUser { get; set; }

    /// <summary>The account as it is, for its edit form.</summary>
    public static UserForm From(UserProfile user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new() { Email = user.Email, Name = user.Name, Groups = [.. user.Groups], TranslatorCulture = user.TranslatorCulture, UiCulture = user.UiCulture };
    }
    public List<string> Groups { get; set; } = [];
    public string? TranslatorCulture { get; set; }
    public string? UiCulture { get; set; }
}

public sealed record UserListData(IReadOnlyList<UserProfile> Users, UserForm Form, DateTimeOffset Now);

public sealed record UserEditData(UserProfile User, UserForm Form, bool Locked)
{
    public IReadOnlyList<string> ClientIds { get; init; } = [];

    /// <summary>What was typed into the client id field, after a refusal.</summary>
    public string? NewClientId { get; init; }

    /// <summary>A client id just added and its secret: shown once.</summary>
    public (string ClientId, string Secret)? NewSecret { get; init; }
}
