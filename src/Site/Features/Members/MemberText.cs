namespace Site.Features.Members;

/// <summary>The words of the member pages and mails, in each culture.</summary>
public sealed record MemberText
{
    public required string Culture { get; init; }
    public required string Member { get; init; }
    public required string LogIn { get; init; }
    public required string LogOut { get; init; }
    public required string Register { get; init; }
    public required string NoAccountYet { get; init; }
    public required string RegisterNow { get; init; }
    public required string ForgotPassword { get; init; }
    public required string ForgotPasswordIntro { get; init; }
    public required string ResetPassword { get; init; }
    public required string CheckEmail { get; init; }
    public required string RegisterSent { get; init; }
    public required string ResetSent { get; init; }
    public required string Confirmed { get; init; }
    public required string ConfirmedText { get; init; }
    public required string InvalidLink { get; init; }
    public required string InvalidLinkText { get; init; }
    public required string PasswordWasReset { get; init; }
    public required string PasswordWasResetText { get; init; }
    public required string Account { get; init; }
    public required string Welcome { get; init; }
    public required string Profile { get; init; }
    public required string EditProfile { get; init; }
    public required string ChangeEmail { get; init; }
    public required string ChangePassword { get; init; }
    public required string Applications { get; init; }
    public required string NewApplication { get; init; }
    public required string Application { get; init; }
    public required string NoApplications { get; init; }
    public required string YourData { get; init; }
    public required string ExportText { get; init; }
    public required string Export { get; init; }
    public required string DeleteAccount { get; init; }
    public required string DeleteWarning { get; init; }
    public required string AccountDeleted { get; init; }
    public required string AccountDeletedText { get; init; }
    public required string Save { get; init; }
    public required string Send { get; init; }
    public required string Email { get; init; }
    public required string NewEmail { get; init; }
    public required string Password { get; init; }
    public required string PasswordHint { get; init; }
    public required string CurrentPassword { get; init; }
    public required string NewPassword { get; init; }
    public required string RememberMe { get; init; }
    public required string Name { get; init; }
    public required string School { get; init; }
    public required string Position { get; init; }
    public required string City { get; init; }
    public required string Country { get; init; }
    public required string PreferredLanguage { get; init; }
    public required string Groups { get; init; }
    public required string ApplicationKind { get; init; }
    public required string KindNextSession { get; init; }
    public required string KindSisterSchool { get; init; }
    public required string Message { get; init; }
    public required string MessageHint { get; init; }
    public required string Status { get; init; }
    public required string StatusSubmitted { get; init; }
    public required string StatusUnderReview { get; init; }
    public required string StatusAccepted { get; init; }
    public required string StatusDeclined { get; init; }
    public required string SubmittedOn { get; init; }
    public required string UpdatedOn { get; init; }
    public required string EditorNote { get; init; }
    public required string ErrorSummary { get; init; }
    public required string Required { get; init; }
    public required string TooLong { get; init; }
    public required string InvalidEmail { get; init; }
    public required string InvalidChoice { get; init; }
    public required string PasswordTooShort { get; init; }
    public required string PasswordUniqueChars { get; init; }
    public required string PasswordInvalid { get; init; }
    public required string WrongPassword { get; init; }
    public required string LoginFailed { get; init; }
    public required string NotConfirmed { get; init; }
    public required string ProfileSaved { get; init; }
    public required string PasswordChanged { get; init; }
    public required string EmailChangeSent { get; init; }
    public required string EmailChanged { get; init; }
    public required string ApplicationSent { get; init; }
    public required string TooManyRequests { get; init; }
    public required string MailConfirmSubject { get; init; }
    public required string MailConfirmBody { get; init; }
    public required string MailAlreadyRegisteredSubject { get; init; }
    public required string MailAlreadyRegisteredBody { get; init; }
    public required string MailResetSubject { get; init; }
    public required string MailResetBody { get; init; }
    public required string MailChangeEmailSubject { get; init; }
    public required string MailChangeEmailBody { get; init; }
    public required string MailSignature { get; init; }

    public static MemberText English { get; } = new()
    {
        Culture = "en-US",
        Member = "Members",
        LogIn = "Log in",
        LogOut = "Log out",
        Register = "Register",
        NoAccountYet = "No account yet?",
        RegisterNow = "Register now",
        ForgotPassword = "Forgotten your password?",
        ForgotPasswordIntro = "Enter the email address of your account and we will send you a link to choose a new password.",
        ResetPassword = "Choose a new password",
        CheckEmail = "Check your email",
        RegisterSent = "If this address can be registered, we have sent it a link. Open the link to confirm your email address, then log in.",
        ResetSent = "If an account uses this address, we have sent it a link to choose a new password. The link is valid for one day.",
        Confirmed = "Email address confirmed",
        ConfirmedText = "Thank you. Your email address is confirmed and you can now log in.",
        InvalidLink = "This link cannot be used",
        InvalidLinkText = "The link is invalid, has already been used or has expired. Please ask for a new one.",
        PasswordWasReset = "Your password has been changed",
        PasswordWasResetText = "You can now log in with your new password.",
        Account = "My account",
        Welcome = "Welcome, {0}",
        Profile = "Profile",
        EditProfile = "Edit profile",
        ChangeEmail = "Change email address",
        ChangePassword = "Change password",
        Applications = "My applications",
        NewApplication = "Apply to take part",
        Application = "Application",
        NoApplications = "You have not applied yet.",
        YourData = "Your data",
        ExportText = "Download everything we store about you, as a JSON file.",
        Export = "Download my data",
        DeleteAccount = "Delete my account",
        DeleteWarning = "This deletes your account, your profile and your applications at once. It cannot be undone.",
        AccountDeleted = "Your account has been deleted",
        AccountDeletedText = "Your account, your profile and your applications have been deleted.",
        Save = "Save",
        Send = "Send",
        Email = "Email address",
        NewEmail = "New email address",
        Password = "Password",
        PasswordHint = "At least 10 characters. A few words you can remember make a good password.",
        CurrentPassword = "Current password",
        NewPassword = "New password",
        RememberMe = "Keep me logged in on this device",
        Name = "Name",
        School = "School or organisation",
        Position = "Position",
        City = "City",
        Country = "Country",
        PreferredLanguage = "Language for our emails",
        Groups = "Groups",
        ApplicationKind = "I would like to",
        KindNextSession = "take part in the next session of the forum",
        KindSisterSchool = "find a sister school",
        Message = "About your school and your wishes",
        MessageHint = "At most 4,000 characters.",
        Status = "Status",
        StatusSubmitted = "Submitted",
        StatusUnderReview = "Under review",
        StatusAccepted = "Accepted",
        StatusDeclined = "Declined",
        SubmittedOn = "Submitted",
        UpdatedOn = "Last changed",
        EditorNote = "Note from the organisers",
        ErrorSummary = "Please correct the following",
        Required = "{0}: please fill this in.",
        TooLong = "{0}: at most {1} characters.",
        InvalidEmail = "{0}: enter an address like name@example.org.",
        InvalidChoice = "{0}: please choose one of the options.",
        PasswordTooShort = "{0}: at least {1} characters.",
        PasswordUniqueChars = "{0}: use at least {1} different characters.",
        PasswordInvalid = "{0}: this password cannot be used; please choose another.",
        WrongPassword = "{0}: this is not your current password.",
        LoginFailed = "The email address or password is wrong. After 5 failed attempts an account is locked for 15 minutes.",
        NotConfirmed = "Please confirm your email address first. We have sent you the link again.",
        ProfileSaved = "Your profile has been saved.",
        PasswordChanged = "Your password has been changed.",
        EmailChangeSent = "We have sent a link to the new address. Your email address changes when you open it.",
        EmailChanged = "Your email address has been changed.",
        ApplicationSent = "Your application has been submitted. You will find its status here.",
        TooManyRequests = "Too many attempts. Please wait a minute and try again.",
        MailConfirmSubject = "Please confirm your email address",
        MailConfirmBody = "Dear {0},\n\nthank you for registering with the Jiangsu International Forum for School Principals. Please open this link to confirm your email address:\n\n{1}\n\nIf you did not register, you can ignore this email.",
        MailAlreadyRegisteredSubject = "You already have an account",
        MailAlreadyRegisteredBody = "Dear {0},\n\nsomeone (perhaps you) tried to register again with this email address. You already have an account: log in at\n\n{1}\n\nIf you have forgotten your password, you can choose a new one on the login page. If it was not you, you can ignore this email.",
        MailResetSubject = "Choose a new password",
        MailResetBody = "Dear {0},\n\nwe received a request to reset the password of your account. Open this link to choose a new password (valid for one day):\n\n{1}\n\nIf you did not ask for this, you can ignore this email; your password stays as it is.",
        MailChangeEmailSubject = "Confirm your new email address",
        MailChangeEmailBody = "Dear {0},\n\nplease open this link to use this address for your account from now on:\n\n{1}\n\nIf you did not ask for this, you can ignore this email.",
        MailSignature = "\n\nJiangsu International Forum for School Principals\nJESIE, Jiangsu Education Services for International Exchange",
    };

    public static MemberText Chinese { get; } = new()
    {
        Culture = "zh-CN",
        Member = "会员",
        LogIn = "用户登录",
        LogOut = "退出登录",
        Register = "注册",
        NoAccountYet = "还没有账号?",
        RegisterNow = "立即注册",
        ForgotPassword = "忘记密码?",
        ForgotPasswordIntro = "请输入您账号的电子邮箱，我们将发送一个设置新密码的链接。",
        ResetPassword = "设置新密码",
        CheckEmail = "请查收邮件",
        RegisterSent = "如果该邮箱可以注册，我们已向其发送一个链接。请打开链接确认邮箱，然后登录。",
        ResetSent = "如果有账号使用该邮箱，我们已向其发送设置新密码的链接，链接一天内有效。",
        Confirmed = "邮箱已确认",
        ConfirmedText = "谢谢！您的邮箱已确认，现在可以登录了。",
        InvalidLink = "链接无法使用",
        InvalidLinkText = "该链接无效、已被使用或已过期，请重新申请。",
        PasswordWasReset = "密码已修改",
        PasswordWasResetText = "现在可以用新密码登录了。",
        Account = "会员中心",
        Welcome = "{0}，您好",
        Profile = "个人资料",
        EditProfile = "修改个人资料",
        ChangeEmail = "更改电子邮箱",
        ChangePassword = "修改密码",
        Applications = "我的申请",
        NewApplication = "申请参加",
        Application = "申请",
        NoApplications = "您还没有提交申请。",
        YourData = "您的数据",
        ExportText = "以 JSON 文件下载我们保存的您的全部数据。",
        Export = "下载我的数据",
        DeleteAccount = "注销账号",
        DeleteWarning = "注销将立即删除您的账号、个人资料和全部申请，且无法恢复。",
        AccountDeleted = "账号已注销",
        AccountDeletedText = "您的账号、个人资料和申请均已删除。",
        Save = "保存",
        Send = "提交",
        Email = "电子邮箱",
        NewEmail = "新电子邮箱",
        Password = "密码",
        PasswordHint = "至少 10 个字符。几个容易记住的词组成的密码就很安全。",
        CurrentPassword = "当前密码",
        NewPassword = "新密码",
        RememberMe = "在此设备上保持登录",
        Name = "姓名",
        School = "学校或单位",
        Position = "职务",
        City = "城市",
        Country = "国家",
        PreferredLanguage = "邮件语言",
        Groups = "会员组",
        ApplicationKind = "申请事项",
        KindNextSession = "参加下一届交流与协作会",
        KindSisterSchool = "寻找友好学校",
        Message = "学校情况与意向",
        MessageHint = "最多 4000 个字符。",
        Status = "状态",
        StatusSubmitted = "已提交",
        StatusUnderReview = "审核中",
        StatusAccepted = "已通过",
        StatusDeclined = "未通过",
        SubmittedOn = "提交时间",
        UpdatedOn = "最近更新",
        EditorNote = "主办方备注",
        ErrorSummary = "请修改以下内容",
        Required = "请填写{0}。",
        TooLong = "{0}最多 {1} 个字符。",
        InvalidEmail = "{0}格式不正确，例如 name@example.org。",
        InvalidChoice = "请选择{0}。",
        PasswordTooShort = "{0}至少需要 {1} 个字符。",
        PasswordUniqueChars = "{0}至少需要包含 {1} 个不同的字符。",
        PasswordInvalid = "该{0}无法使用，请换一个。",
        WrongPassword = "{0}不正确。",
        LoginFailed = "邮箱或密码不正确。连续失败 5 次后，账号将被锁定 15 分钟。",
        NotConfirmed = "请先确认您的邮箱。我们已再次发送确认链接。",
        ProfileSaved = "个人资料已保存。",
        PasswordChanged = "密码已修改。",
        EmailChangeSent = "我们已向新邮箱发送一个链接，打开链接后邮箱即更改。",
        EmailChanged = "电子邮箱已更改。",
        ApplicationSent = "申请已提交，您可以在此查看办理状态。",
        TooManyRequests = "尝试次数过多，请稍候一分钟再试。",
        MailConfirmSubject = "请确认您的电子邮箱",
        MailConfirmBody = "{0}，您好：\n\n感谢您注册江苏中小学校长国际交流与协作会网站。请打开以下链接确认您的电子邮箱：\n\n{1}\n\n如果您没有注册，请忽略本邮件。",
        MailAlreadyRegisteredSubject = "您已有账号",
        MailAlreadyRegisteredBody = "{0}，您好：\n\n有人（可能是您本人）试图用此邮箱再次注册。您已有账号，请在以下页面登录：\n\n{1}\n\n如忘记密码，可在登录页面设置新密码。如非本人操作，请忽略本邮件。",
        MailResetSubject = "设置新密码",
        MailResetBody = "{0}，您好：\n\n我们收到了重置您账号密码的请求。请打开以下链接设置新密码（一天内有效）：\n\n{1}\n\n如非本人操作，请忽略本邮件，您的密码不会改变。",
        MailChangeEmailSubject = "请确认您的新邮箱",
        MailChangeEmailBody = "{0}，您好：\n\n请打开以下链接，今后使用此邮箱登录您的账号：\n\n{1}\n\n如非本人操作，请忽略本邮件。",
        MailSignature = "\n\n江苏中小学校长国际交流与协作会\n江苏省教育国际交流服务中心",
    };

    public static MemberText For(string culture) =>
        culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
