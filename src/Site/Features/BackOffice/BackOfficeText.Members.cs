using Site.Core.Members;

namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string SearchMembers => T("Find members", "查找会员");
    public string SearchText => T("Name, email or school", "姓名、电子邮箱或学校");
    public string MemberGroup => T("Member group", "会员组");
    public string AnyGroup => T("Any group", "全部会员组");
    public string School => T("School", "学校");
    public string Position => T("Position", "职务");
    public string City => T("City", "城市");
    public string Country => T("Country", "国家/地区");
    public string Locked => T("Locked", "已锁定");
    public string NoMembers => T("No members match.", "没有符合条件的会员。");
    public string MemberDetails => T("Member", "会员");
    public string MemberGroups => T("Member groups", "会员组");
    public string NoMemberGroups => T("In no group.", "未加入任何会员组。");
    public string AddToGroup => T("Add to group", "加入会员组");
    public string RemoveFromGroup => T("Remove", "移出");
    public string LockMember => T("Lock the account", "锁定账号");
    public string UnlockMember => T("Unlock the account", "解锁账号");
    public string AccountState => T("Account", "账号状态");
    public string AccountLocked => T("Locked: the member cannot sign in.", "已锁定：该会员无法登录。");
    public string AccountActive => T("Active.", "正常。");
    public string EmailConfirmed => T("Email confirmed", "邮箱已验证");
    public string Registered => T("Registered", "注册时间");
    public string Applications => T("Applications", "申请");
    public string NoApplications => T("No applications.", "没有申请。");
    public string ApplicationFilter => T("Status", "状态");
    public string AnyStatus => T("Any status", "全部状态");
    public string ApplicationKindLabel => T("Kind", "类型");
    public string ApplicationMessage => T("Message", "申请内容");
    public string EditorNote => T("Note to the member", "给会员的备注");
    public string Submitted => T("Submitted", "提交时间");
    public string Updated => T("Updated", "更新时间");
    public string Decide => T("Save decision", "保存决定");
    public string Decision => T("Decision", "处理");
    public string DecideApplications => T("Decide applications", "处理申请");
    public string ApplicationFrom => T("From", "申请人");
    public string MemberAddedToGroup => T("The member was added to the group.", "已将会员加入会员组。");
    public string MemberRemovedFromGroup => T("The member was removed from the group.", "已将会员移出会员组。");
    public string MemberLocked => T("The account was locked.", "账号已锁定。");
    public string MemberUnlocked => T("The account was unlocked.", "账号已解锁。");
    public string MemberDetailsSaved => T("The member's details were saved.", "会员资料已保存。");
    public string EditMemberDetails => T("Details", "资料");
    public string SaveDetails => T("Save details", "保存资料");
    public string MemberFieldError(string field, string code) => code switch
    {
        "Required" => T("This is required.", "此项必填。"),
        "TooLong" => T("This is too long.", "内容过长。"),
        _ => T("This value is not valid.", "此值无效。"),
    };
    public string ApplicationDecided => T("The decision was saved.", "处理结果已保存。");
    public string ChooseStatus => T("Choose a status.", "请选择状态。");
    public string UnknownMember => T("Unknown member", "未知会员");

    public string ApplicationKindName(ApplicationKind kind) => kind switch
    {
        ApplicationKind.NextSession => T("Take part in the next session", "参加下一届论坛"),
        ApplicationKind.SisterSchool => T("Find a sister school", "结对友好学校"),
        _ => kind.ToString(),
    };

    public string ApplicationStatusName(ApplicationStatus status) => status switch
    {
        ApplicationStatus.Submitted => T("Submitted", "已提交"),
        ApplicationStatus.UnderReview => T("Under review", "审核中"),
        ApplicationStatus.Accepted => T("Accepted", "已通过"),
        ApplicationStatus.Declined => T("Declined", "未通过"),
        _ => status.ToString(),
    };

    /// <summary>A member error code in words.</summary>
    public string MemberError(string code) => code switch
    {
        MemberErrors.NotFound => T("The member or application does not exist.", "该会员或申请不存在。"),
        MemberErrors.UnknownGroup => T("Choose one of the member groups offered.", "请选择列出的会员组。"),
        MemberErrors.DuplicateGroup => T("A group with this name already exists.", "已有同名会员组。"),
        MemberErrors.InvalidGroupName => T("Enter a group name of at most 100 characters.", "会员组名称不能超过 100 个字符。"),
        MemberErrors.InvalidMessage or MemberRules.TooLong => T("The note is too long (at most 4000 characters).", "备注过长（最多 4000 个字符）。"),
        MemberRules.Invalid => T("Choose one of the statuses offered.", "请选择列出的状态。"),
        _ => T("The change could not be made (" + code + ").", "无法完成修改（" + code + "）。"),
    };
}
