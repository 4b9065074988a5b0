namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string BackOfficeUsers => T("Back-office accounts", "后台账号");
    public string CreateUser => T("Create an account", "创建账号");
    public string EditUser => T("Edit account", "编辑账号");
    public string NotATranslator => T("Not a translator", "非译者");
    public string TranslatorCultureHint => T("Only used for translators: the one language they may edit.", "仅用于译者：其可编辑的唯一语言。");
    public string UserCreated => T("The account was created.", "账号已创建。");
    public string UserSaved => T("The account was saved.", "账号已保存。");
    public string UserLocked => T("The account was locked: its sessions have ended.", "账号已锁定，其会话已结束。");
    public string UserUnlocked => T("The account was unlocked.", "账号已解锁。");
    public string LockUser => T("Lock the account", "锁定账号");
    public string UnlockUser => T("Unlock the account", "解锁账号");
    public string UserLockedState => T("Locked: this account cannot sign in.", "已锁定：该账号无法登录。");
    public string UserActiveState => T("Active.", "正常。");
    public string NoUsers => T("No accounts.", "没有账号。");
}
