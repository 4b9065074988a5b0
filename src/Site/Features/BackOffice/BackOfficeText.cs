namespace Site.Features.BackOffice;

/// <summary>The back office's own words, in the editor's language (zh-CN or en-US): each line holds both.</summary>
public sealed partial class BackOfficeText
{
    public static readonly BackOfficeText Chinese = new("zh-CN");
    public static readonly BackOfficeText English = new("en-US");

    private BackOfficeText(string culture) => Code = culture;

    public string Code { get; }

    public bool IsChinese => Code == "zh-CN";

    public string Lang => IsChinese ? "zh-Hans" : "en";

    public static BackOfficeText For(string? culture) => culture is not null && culture.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;

    /// <summary>Each screen's words sit in a partial file of its own (BackOfficeText.{Screen}.cs), both languages on one line.</summary>
    private string T(string en, string zh) => IsChinese ? zh : en;

    public string BackOffice => T("Back office", "后台管理");
    public string SiteName => T("Jiangsu International Forum for School Principals", "江苏中小学校长国际交流与协作会");
    public string SkipToContent => T("Skip to content", "跳到正文");
    public string MainMenu => T("Back-office sections", "后台栏目");
    public string Dashboard => T("Dashboard", "工作台");
    public string Content => T("Content", "内容");
    public string Tasks => T("Review tasks", "审核任务");
    public string Translations => T("Translations", "翻译");
    public string Media => T("Media", "媒体库");
    public string Members => T("Members", "会员");
    public string Users => T("Users", "后台用户");
    public string Audit => T("Audit trail", "操作日志");
    public string RecycleBin => T("Recycle bin", "回收站");
    public string Search => T("Search index", "搜索索引");
    public string SignedInAs => T("Signed in as", "当前用户");
    public string LogIn => T("Sign in", "登录");
    public string LogOut => T("Sign out", "退出");
    public string Email => T("Email", "电子邮箱");
    public string Password => T("Password", "密码");
    public string PasswordHint => T("At least 10 characters.", "至少 10 个字符。");
    public string CurrentPassword => T("Current password", "当前密码");
    public string NewPassword => T("New password", "新密码");
    public string ChangePassword => T("Change password", "修改密码");
    public string PasswordChanged => T("Your password was changed. Other sessions have been signed out.", "密码已修改，其他会话已退出。");
    public string Name => T("Name", "姓名");
    public string Language => T("Back-office language", "后台语言");
    public string Save => T("Save", "保存");
    public string Setup => T("Set up the back office", "初始化后台");
    public string SetupIntro => T(
        "No back-office account exists yet. Create the first administrator; they can then add editors, writers and translators.",
        "尚无后台账号。请创建第一位管理员，之后可由其添加编辑、作者和译者。");
    public string SetupOrigin(string origin) => string.Format(
        System.Globalization.CultureInfo.InvariantCulture,
        T("Links in mails (password reset, address confirmation) will lead to {0}. To change it, set Site:Public:BaseUrl and restart the site.",
          "邮件中的链接（重设密码、验证邮箱）将指向 {0}。如需更改，请设置 Site:Public:BaseUrl 并重启网站。"),
        origin);
    public string SetupNoOrigin => T(
        "No public address is set (Site:Public:BaseUrl): mails with links are not sent until it is. Set it and restart the site.",
        "尚未设置网站的公开地址（Site:Public:BaseUrl）：设置之前不会发送含链接的邮件。请设置后重启网站。");
    public string CreateAdministrator => T("Create administrator", "创建管理员");
    // One answer for a wrong password, an unknown address and a locked account: a different one would tell which exist.
    public string LoginFailed => T(
        "The email or password is not right, or the account is locked for a while after too many failed attempts. Try again later, or ask an administrator.",
        "电子邮箱或密码不正确，或因失败次数过多账号已被暂时锁定。请稍后再试，或联系管理员。");
    public string SignInFirst => T("Sign in first: send a bearer token from POST /umbraco/management/api/v1/security/token.", "请先登录：请携带从 POST /umbraco/management/api/v1/security/token 获取的 Bearer 令牌。");
    public string Forbidden => T("You do not have permission to do this.", "您没有执行此操作的权限。");
    public string NotFound => T("Not found.", "未找到。");
    public string ThereAreErrors => T("Please correct the following:", "请更正以下问题：");
    public string Groups => T("Groups", "用户组");
    public string TranslatorCulture => T("Language a translator edits", "译者可编辑的语言");
    public string Welcome => T("Welcome", "欢迎");
    public string WaitingForReview => T("Waiting for review", "待审核");
    public string NothingWaiting => T("Nothing is waiting for review.", "目前没有待审核的内容。");
    public string OutstandingTranslations => T("Translations missing or out of date", "缺失或过期的翻译");
    public string Item => T("Item", "内容");
    public string Culture => T("Language", "语言");
    public string RequestedBy => T("Requested by", "提交人");
    public string RequestedAt => T("Requested", "提交时间");
    public string Comment => T("Comment", "备注");
    public string Open => T("Open", "打开");

    public string Group(string group) => group switch
    {
        "Administrators" => T("Administrators", "管理员"),
        "Editors" => T("Editors", "编辑"),
        "Writers" => T("Writers", "作者"),
        "Translators" => T("Translators", "译者"),
        _ => group,
    };

    public string LanguageName(string culture) => culture switch
    {
        "zh-CN" => "中文 (zh-CN)",
        "en-US" => "English (en-US)",
        _ => culture,
    };

    /// <summary>An account error code (ours or Identity's) in words.</summary>
    public string UserError(string code) => code switch
    {
        "SetupDone" => T("The back office is already set up: sign in instead.", "后台已初始化，请直接登录。"),
        "NotFound" => T("The account does not exist.", "该账号不存在。"),
        "UnknownGroup" => T("Choose one of the groups offered.", "请选择列出的用户组。"),
        "NoGroup" => T("Choose at least one group.", "请至少选择一个用户组。"),
        "TranslatorCultureRequired" => T("A translator needs the language they translate into.", "译者需要指定其翻译的语言。"),
        "UnknownCulture" => T("Choose one of the site's languages.", "请选择本站的语言。"),
        "LastAdministrator" => T("The site must keep at least one administrator.", "网站至少需要保留一位管理员。"),
        "NameRequired" => T("Enter a name.", "请填写姓名。"),
        "WrongPassword" => T("The current password is not right.", "当前密码不正确。"),
        "DuplicateEmail" or "DuplicateUserName" => T("An account with this email already exists.", "该电子邮箱已有账号。"),
        "InvalidEmail" or "InvalidUserName" => T("Enter a valid email address.", "请输入有效的电子邮箱。"),
        "PasswordTooShort" => T("The password must be at least 10 characters.", "密码至少需要 10 个字符。"),
        "PasswordRequiresUniqueChars" => T("Use at least 4 different characters in the password.", "密码至少需要 4 个不同的字符。"),
        "InvalidClientId" => T(
            "A client id starts with umbraco-back-office- followed by lower-case letters, digits or hyphens (at most 100 characters in all).",
            "客户端 ID 须以 umbraco-back-office- 开头，后接小写字母、数字或连字符（总长不超过 100 个字符）。"),
        "DuplicateClientId" => T("This client id is already in use.", "该客户端 ID 已被使用。"),
        _ => T("The change could not be made (" + code + ").", "无法完成修改（" + code + "）。"),
    };
}
