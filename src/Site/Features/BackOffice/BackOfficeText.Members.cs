using Site.Core.Members;

namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string SearchMembers => T("Find members");
    public string SearchText => T("Name, email or school");
    public string MemberGroup => T("Member group");
    public string AnyGroup => T("Any group");
    public string School => T("School");
    public string Position => T("Position");
    public string City => T("City");
    public string Country => T("Country");
    public string Locked => T("Locked");
    public string NoMembers => T("No members match.");
    public string MemberDetails => T("Member");
    public string MemberGroups => T("Member groups");
    public string NoMemberGroups => T("In no group.");
    public string AddToGroup => T("Add to group");
    public string RemoveFromGroup => T("Remove from the group");
    public string LockMember => T("Lock the account");
    public string UnlockMember => T("Unlock the account");
    public string AccountState => T("Account");
    public string AccountLocked => T("Locked: the member cannot sign in.");
    public string AccountActive => T("Active.");
    public string EmailConfirmed => T("Email confirmed");
    public string Registered => T("Registered");
    public string Applications => T("Applications");
    public string NoApplications => T("No applications.");
    public string ApplicationFilter => T("Status");
    public string AnyStatus => T("Any status");
    public string ApplicationKindLabel => T("Kind");
    public string ApplicationMessage => T("Message");
    public string EditorNote => T("Note to the member");
    public string Submitted => T("Submitted on");
    public string Updated => T("Updated");
    public string Decide => T("Save decision");
    public string Decision => T("Decision");
    public string DecideApplications => T("Decide applications");
    public string ApplicationFrom => T("From");
    public string MemberAddedToGroup => T("The member was added to the group.");
    public string MemberRemovedFromGroup => T("The member was removed from the group.");
    public string MemberLocked => T("The account was locked.");
    public string MemberUnlocked => T("The account was unlocked.");
    public string MemberDetailsSaved => T("The member's details were saved.");
    public string EditMemberDetails => T("Details");
    public string SaveDetails => T("Save details");
    public string MemberFieldError(string field, string code) => code switch
    {
        "Required" => T("This is required."),
        "TooLong" => T("This is too long."),
        _ => T("This value is not valid."),
    };
    public string ApplicationDecided => T("The decision was saved.");
    public string ChooseStatus => T("Choose a status.");
    public string UnknownMember => T("Unknown member");

    public string ApplicationKindName(ApplicationKind kind) => kind switch
    {
        ApplicationKind.NextSession => T("Take part in the next session"),
        ApplicationKind.SisterSchool => T("Find a sister school"),
        _ => kind.ToString(),
    };

    public string ApplicationStatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => T("Submitted"),
        ApplicationStatus.UnderReview => T("Under review"),
        ApplicationStatus.Accepted => T("Accepted"),
        ApplicationStatus.Declined => T("Declined"),
        _ => status.ToString(),
    };

    /// <summary>A member error code in words.</summary>
    public string MemberError(string code) => code switch
    {
        MemberErrors.NotFound => T("The member or application does not exist."),
        MemberErrors.UnknownGroup => T("Choose one of the member groups offered."),
        MemberErrors.DuplicateGroup => T("A group with this name already exists."),
        MemberErrors.InvalidGroupName => T("Enter a group name of at most 100 characters."),
        MemberErrors.InvalidMessage or MemberRules.TooLong => T("The note is too long (at most 4000 characters)."),
        MemberRules.Invalid => T("Choose one of the statuses offered."),
        _ => Formatted(T("The change could not be made ({0})."), code),
    };
}
