namespace Site.Core.Workflow;

/// <summary>The back-office groups, as Umbraco names its user groups.</summary>
public static class BackOfficeGroups
{
    public const string Administrators = "Administrators";

    /// <summary>Write, review and publish.</summary>
    public const string Editors = "Editors";

    /// <summary>Create, edit and submit for review; cannot approve or publish.</summary>
    public const string Writers = "Writers";

    /// <summary>Edit and submit one culture only.</summary>
    public const string Translators = "Translators";

    public static IReadOnlyList<string> All { get; } = [Administrators, Editors, Writers, Translators];
}

/// <summary>Someone working in the back office: their groups, and for translators the one culture they may edit.</summary>
public sealed record BackOfficeUser(string Id, string Name, IReadOnlySet<string> Groups, string? TranslatorCulture = null)
{
    public bool IsIn(string group) => Groups.Contains(group);
}

/// <summary>What can be done to content in the back office.</summary>
public enum ContentAction
{
    Create,
    Edit,
    Submit,
    Approve,
    Reject,
    Publish,
    Unpublish,
    Schedule,
    Delete,
    Rollback,
}

/// <summary>Who may do what, per culture. One table of rules, used by every screen and endpoint.</summary>
public static class ContentPermissions
{
    public static bool Can(BackOfficeUser user, ContentAction action, string? culture)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.IsIn(BackOfficeGroups.Administrators) || user.IsIn(BackOfficeGroups.Editors))
        {
            return true;
        }

        if (user.IsIn(BackOfficeGroups.Writers) && action is ContentAction.Create or ContentAction.Edit or ContentAction.Submit or ContentAction.Rollback)
        {
            return true;
        }

        // A translator works on existing content in their own culture only.
        return user.IsIn(BackOfficeGroups.Translators)
            && action is ContentAction.Edit or ContentAction.Submit
            && culture is not null
            && string.Equals(culture, user.TranslatorCulture, StringComparison.OrdinalIgnoreCase);
    }
}
