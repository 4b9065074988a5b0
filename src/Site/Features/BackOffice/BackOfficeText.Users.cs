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
    public string ApiUserOption => T("API user (for a script: no password)", "API 用户（供脚本使用，无密码）");
    public string ApiUserHint => T(
        "An API user cannot sign in to the back office; it gets tokens only with client credentials, added on its page after it is created. Leave the password empty.",
        "API 用户不能登录后台，只能通过客户端凭据获取令牌（创建后在其页面添加凭据）。密码请留空。");
    public string ApiUserState => T("API user: signs in only with client credentials.", "API 用户：只能通过客户端凭据登录。");
    public string ApiAccess => T("API access (client credentials)", "API 访问（客户端凭据）");
    public string ApiAccessHint => T(
        "A script or integration gets a bearer token with the account's rights from POST /umbraco/management/api/v1/security/back-office/token (grant_type=client_credentials, client_id, client_secret), as with Umbraco's API users.",
        "脚本或集成程序可通过 POST /umbraco/management/api/v1/security/back-office/token（grant_type=client_credentials、client_id、client_secret）获取具有本账号权限的 Bearer 令牌，与 Umbraco 的 API 用户相同。");
    public string ClientId => T("Client id", "客户端 ID");
    public string ClientIdHint => T("Starts with umbraco-back-office-, e.g. umbraco-back-office-news-import.", "以 umbraco-back-office- 开头，例如 umbraco-back-office-news-import。");
    public string AddClient => T("Add client credentials", "添加客户端凭据");
    public string RemoveClient => T("Remove", "删除");
    public string NoClients => T("No client credentials.", "没有客户端凭据。");
    public string ClientRemoved => T("The client credentials were removed: tokens issued to this account have ended.", "客户端凭据已删除，签发给该账号的令牌均已失效。");
    public string ClientSecretOnce(string clientId) => T(
        $"Client credentials added for {clientId}. Copy the secret now: it is stored only as a hash and is not shown again.",
        $"已为 {clientId} 添加客户端凭据。请立即复制密钥：系统只保存其哈希值，之后不再显示。");
    public string ClientSecret => T("Client secret", "客户端密钥");
    public string TokenFormRequired => T("Send the request as application/x-www-form-urlencoded.", "请以 application/x-www-form-urlencoded 格式发送请求。");
    public string TokenGrantType => T("Only grant_type=client_credentials is supported here.", "此处仅支持 grant_type=client_credentials。");
    public string ClientRefused => T(
        "The client id or secret is not right, or the account is locked for a while after too many failed attempts.",
        "客户端 ID 或密钥不正确，或因失败次数过多账号已被暂时锁定。");
}
