using System.Collections.Concurrent;
using Site.Localization;

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
    public required string TokenRefused { get; init; }
    public required string AuthorizationRequestInvalid { get; init; }
    public required string AuthorizationSignInRequired { get; init; }
    public required string AuthorizationSessionEnded { get; init; }
    public required string MailConfirmSubject { get; init; }
    public required string MailConfirmBody { get; init; }
    public required string MailAlreadyRegisteredSubject { get; init; }
    public required string MailAlreadyRegisteredBody { get; init; }
    public required string MailResetSubject { get; init; }
    public required string MailResetBody { get; init; }
    public required string MailChangeEmailSubject { get; init; }
    public required string MailChangeEmailBody { get; init; }
    public required string RegistrationTitle { get; init; }
    public required string YourRegistration { get; init; }
    public required string RegistrationConfirmed { get; init; }
    public required string RegistrationWaitListed { get; init; }
    public required string RegistrationCancelled { get; init; }
    public required string NoSessionAnnounced { get; init; }
    public required string RegistrationNotOpenYet { get; init; }
    public required string RegistrationHasClosed { get; init; }
    public required string AlreadyRegistered { get; init; }
    public required string NotRegistered { get; init; }
    public required string RegistrationFailed { get; init; }
    public required string RegistrationStatusConfirmed { get; init; }
    public required string RegistrationStatusWaitListed { get; init; }
    public required string RegistrationStatusCancelled { get; init; }
    public required string PlacesLeft { get; init; }
    public required string NoPlacesLeft { get; init; }
    public required string RegisterButton { get; init; }
    public required string JoinWaitingList { get; init; }
    public required string CancelRegistration { get; init; }
    public required string CancelRegistrationHint { get; init; }
    public required string RegistrationWindow { get; init; }
    public required string MailRegisteredSubject { get; init; }
    public required string MailRegisteredBody { get; init; }
    public required string MailWaitListedSubject { get; init; }
    public required string MailWaitListedBody { get; init; }
    public required string MailPromotedSubject { get; init; }
    public required string MailPromotedBody { get; init; }
    public required string MailRegistrationCancelledSubject { get; init; }
    public required string MailRegistrationCancelledBody { get; init; }
    public required string MailSignature { get; init; }

    private static readonly ConcurrentDictionary<string, MemberText> ByCulture = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The words in a culture: its translation where there is one, English otherwise.</summary>
    public static MemberText For(string culture) => ByCulture.GetOrAdd(culture, Create);

    private static MemberText Create(string culture) => new()
    {
        Culture = culture,
        Member = SiteTexts.Public.Get(culture, "Members"),
        LogIn = SiteTexts.Public.Get(culture, "Log in"),
        LogOut = SiteTexts.Public.Get(culture, "Log out"),
        Register = SiteTexts.Public.Get(culture, "Register"),
        NoAccountYet = SiteTexts.Public.Get(culture, "No account yet?"),
        RegisterNow = SiteTexts.Public.Get(culture, "Register now"),
        ForgotPassword = SiteTexts.Public.Get(culture, "Forgotten your password?"),
        ForgotPasswordIntro = SiteTexts.Public.Get(culture, "Enter the email address of your account and we will send you a link to choose a new password."),
        ResetPassword = SiteTexts.Public.Get(culture, "Choose a new password"),
        CheckEmail = SiteTexts.Public.Get(culture, "Check your email"),
        RegisterSent = SiteTexts.Public.Get(culture, "If this address can be registered, we have sent it a link. Open the link to confirm your email address, then log in."),
        ResetSent = SiteTexts.Public.Get(culture, "If an account uses this address, we have sent it a link to choose a new password. The link is valid for one day."),
        Confirmed = SiteTexts.Public.Get(culture, "Email address confirmed"),
        ConfirmedText = SiteTexts.Public.Get(culture, "Thank you. Your email address is confirmed and you can now log in."),
        InvalidLink = SiteTexts.Public.Get(culture, "This link cannot be used"),
        InvalidLinkText = SiteTexts.Public.Get(culture, "The link is invalid, has already been used or has expired. Please ask for a new one."),
        PasswordWasReset = SiteTexts.Public.Get(culture, "Your password has been changed"),
        PasswordWasResetText = SiteTexts.Public.Get(culture, "You can now log in with your new password."),
        Account = SiteTexts.Public.Get(culture, "My account"),
        Welcome = SiteTexts.Public.Get(culture, "Welcome, {0}"),
        Profile = SiteTexts.Public.Get(culture, "Profile"),
        EditProfile = SiteTexts.Public.Get(culture, "Edit profile"),
        ChangeEmail = SiteTexts.Public.Get(culture, "Change email address"),
        ChangePassword = SiteTexts.Public.Get(culture, "Change password"),
        Applications = SiteTexts.Public.Get(culture, "My applications"),
        NewApplication = SiteTexts.Public.Get(culture, "Apply to take part"),
        Application = SiteTexts.Public.Get(culture, "Application"),
        NoApplications = SiteTexts.Public.Get(culture, "You have not applied yet."),
        YourData = SiteTexts.Public.Get(culture, "Your data"),
        ExportText = SiteTexts.Public.Get(culture, "Download everything we store about you, as a JSON file."),
        Export = SiteTexts.Public.Get(culture, "Download my data"),
        DeleteAccount = SiteTexts.Public.Get(culture, "Delete my account"),
        DeleteWarning = SiteTexts.Public.Get(culture, "This deletes your account, your profile and your applications at once. It cannot be undone."),
        AccountDeleted = SiteTexts.Public.Get(culture, "Your account has been deleted"),
        AccountDeletedText = SiteTexts.Public.Get(culture, "Your account, your profile and your applications have been deleted."),
        Save = SiteTexts.Public.Get(culture, "Save"),
        Send = SiteTexts.Public.Get(culture, "Send"),
        Email = SiteTexts.Public.Get(culture, "Email address"),
        NewEmail = SiteTexts.Public.Get(culture, "New email address"),
        Password = SiteTexts.Public.Get(culture, "Password"),
        PasswordHint = SiteTexts.Public.Get(culture, "At least 10 characters. A few words you can remember make a good password."),
        CurrentPassword = SiteTexts.Public.Get(culture, "Current password"),
        NewPassword = SiteTexts.Public.Get(culture, "New password"),
        RememberMe = SiteTexts.Public.Get(culture, "Keep me logged in on this device"),
        Name = SiteTexts.Public.Get(culture, "Name"),
        School = SiteTexts.Public.Get(culture, "School or organisation"),
        Position = SiteTexts.Public.Get(culture, "Position"),
        City = SiteTexts.Public.Get(culture, "City"),
        Country = SiteTexts.Public.Get(culture, "Country"),
        PreferredLanguage = SiteTexts.Public.Get(culture, "Language for our emails"),
        Groups = SiteTexts.Public.Get(culture, "Groups"),
        ApplicationKind = SiteTexts.Public.Get(culture, "I would like to"),
        KindNextSession = SiteTexts.Public.Get(culture, "take part in the next session of the forum"),
        KindSisterSchool = SiteTexts.Public.Get(culture, "find a sister school"),
        Message = SiteTexts.Public.Get(culture, "About your school and your wishes"),
        MessageHint = SiteTexts.Public.Get(culture, "At most 4,000 characters."),
        Status = SiteTexts.Public.Get(culture, "Status"),
        StatusSubmitted = SiteTexts.Public.Get(culture, "Submitted"),
        StatusUnderReview = SiteTexts.Public.Get(culture, "Under review"),
        StatusAccepted = SiteTexts.Public.Get(culture, "Accepted"),
        StatusDeclined = SiteTexts.Public.Get(culture, "Declined"),
        SubmittedOn = SiteTexts.Public.Get(culture, "Submitted on"),
        UpdatedOn = SiteTexts.Public.Get(culture, "Last changed"),
        EditorNote = SiteTexts.Public.Get(culture, "Note from the organisers"),
        ErrorSummary = SiteTexts.Public.Get(culture, "Please correct the following"),
        Required = SiteTexts.Public.Get(culture, "{0}: please fill this in."),
        TooLong = SiteTexts.Public.Get(culture, "{0}: at most {1} characters."),
        InvalidEmail = SiteTexts.Public.Get(culture, "{0}: enter an address like name@example.org."),
        InvalidChoice = SiteTexts.Public.Get(culture, "{0}: please choose one of the options."),
        PasswordTooShort = SiteTexts.Public.Get(culture, "{0}: at least {1} characters."),
        PasswordUniqueChars = SiteTexts.Public.Get(culture, "{0}: use at least {1} different characters."),
        PasswordInvalid = SiteTexts.Public.Get(culture, "{0}: this password cannot be used; please choose another."),
        WrongPassword = SiteTexts.Public.Get(culture, "{0}: this is not your current password."),
        LoginFailed = SiteTexts.Public.Get(culture, "The email address or password is wrong. After 5 failed attempts an account is locked for 15 minutes."),
        NotConfirmed = SiteTexts.Public.Get(culture, "Please confirm your email address first. We have sent you the link again."),
        ProfileSaved = SiteTexts.Public.Get(culture, "Your profile has been saved."),
        PasswordChanged = SiteTexts.Public.Get(culture, "Your password has been changed."),
        EmailChangeSent = SiteTexts.Public.Get(culture, "We have sent a link to the new address. Your email address changes when you open it."),
        EmailChanged = SiteTexts.Public.Get(culture, "Your email address has been changed."),
        ApplicationSent = SiteTexts.Public.Get(culture, "Your application has been submitted. You will find its status here."),
        TooManyRequests = SiteTexts.Public.Get(culture, "Too many attempts. Please wait a minute and try again."),
        TokenRefused = SiteTexts.Public.Get(culture, "The email or password is not right, or the account is not confirmed or is locked."),
        AuthorizationRequestInvalid = SiteTexts.Public.Get(culture, "This is not a valid sign-in request from an app."),
        AuthorizationSignInRequired = SiteTexts.Public.Get(culture, "The member must sign in on the site first."),
        AuthorizationSessionEnded = SiteTexts.Public.Get(culture, "The member's session has ended: sign in again."),
        MailConfirmSubject = SiteTexts.Public.Get(culture, "Please confirm your email address"),
        MailConfirmBody = SiteTexts.Public.Get(culture, "Dear {0},\n\nthank you for registering with the {2}. Please open this link to confirm your email address:\n\n{1}\n\nIf you did not register, you can ignore this email."),
        MailAlreadyRegisteredSubject = SiteTexts.Public.Get(culture, "You already have an account"),
        MailAlreadyRegisteredBody = SiteTexts.Public.Get(culture, "Dear {0},\n\nsomeone (perhaps you) tried to register again with this email address. You already have an account: log in at\n\n{1}\n\nIf you have forgotten your password, you can choose a new one on the login page. If it was not you, you can ignore this email."),
        MailResetSubject = SiteTexts.Public.Get(culture, "Choose a new password"),
        MailResetBody = SiteTexts.Public.Get(culture, "Dear {0},\n\nwe received a request to reset the password of your account. Open this link to choose a new password (valid for one day):\n\n{1}\n\nIf you did not ask for this, you can ignore this email; your password stays as it is."),
        MailChangeEmailSubject = SiteTexts.Public.Get(culture, "Confirm your new email address"),
        MailChangeEmailBody = SiteTexts.Public.Get(culture, "Dear {0},\n\nplease open this link to use this address for your account from now on:\n\n{1}\n\nIf you did not ask for this, you can ignore this email."),
        RegistrationTitle = SiteTexts.Public.Get(culture, "Register to attend"),
        YourRegistration = SiteTexts.Public.Get(culture, "Your registration"),
        RegistrationConfirmed = SiteTexts.Public.Get(culture, "You are registered and your place is confirmed. We have sent you an email with a calendar entry."),
        RegistrationWaitListed = SiteTexts.Public.Get(culture, "All places are taken, so you are on the waiting list. If a place becomes free, it goes to the first on the list and we will email you."),
        RegistrationCancelled = SiteTexts.Public.Get(culture, "Your registration has been cancelled."),
        NoSessionAnnounced = SiteTexts.Public.Get(culture, "No session of the forum is announced at the moment. You can still apply to take part, and we will contact you."),
        RegistrationNotOpenYet = SiteTexts.Public.Get(culture, "Registration for this session has not opened yet."),
        RegistrationHasClosed = SiteTexts.Public.Get(culture, "Registration for this session has closed."),
        AlreadyRegistered = SiteTexts.Public.Get(culture, "You are already registered for this session."),
        NotRegistered = SiteTexts.Public.Get(culture, "You are not registered for this session."),
        RegistrationFailed = SiteTexts.Public.Get(culture, "Your registration could not be completed. Please try again."),
        RegistrationStatusConfirmed = SiteTexts.Public.Get(culture, "Place confirmed"),
        RegistrationStatusWaitListed = SiteTexts.Public.Get(culture, "On the waiting list"),
        RegistrationStatusCancelled = SiteTexts.Public.Get(culture, "Cancelled"),
        PlacesLeft = SiteTexts.Public.Get(culture, "Places left: {0}"),
        NoPlacesLeft = SiteTexts.Public.Get(culture, "All places are taken: new registrations join the waiting list."),
        RegisterButton = SiteTexts.Public.Get(culture, "Register for this session"),
        JoinWaitingList = SiteTexts.Public.Get(culture, "Join the waiting list"),
        CancelRegistration = SiteTexts.Public.Get(culture, "Cancel my registration"),
        CancelRegistrationHint = SiteTexts.Public.Get(culture, "Your place goes to the first person on the waiting list."),
        RegistrationWindow = SiteTexts.Public.Get(culture, "Registration"),
        MailRegisteredSubject = SiteTexts.Public.Get(culture, "Your place at {0}"),
        MailRegisteredBody = SiteTexts.Public.Get(culture, "Dear {0},\n\nyour place at {1} is confirmed. Open the attached calendar file to add the session to your calendar.\n\nYou can see or cancel your registration here:\n\n{2}"),
        MailWaitListedSubject = SiteTexts.Public.Get(culture, "Waiting list: {0}"),
        MailWaitListedBody = SiteTexts.Public.Get(culture, "Dear {0},\n\nall places at {1} are taken, so you are on the waiting list. If a place becomes free, it goes to the first on the list and we will email you at once.\n\nYour registration:\n\n{2}"),
        MailPromotedSubject = SiteTexts.Public.Get(culture, "A place is yours: {0}"),
        MailPromotedBody = SiteTexts.Public.Get(culture, "Dear {0},\n\na place at {1} has become free and is now yours. Open the attached calendar file to add the session to your calendar. If you can no longer come, please cancel so that the next person can have it:\n\n{2}"),
        MailRegistrationCancelledSubject = SiteTexts.Public.Get(culture, "Registration cancelled: {0}"),
        MailRegistrationCancelledBody = SiteTexts.Public.Get(culture, "Dear {0},\n\nyour registration for {1} has been cancelled. If this was a mistake, you can register again while registration is open:\n\n{2}"),
        MailSignature = LanguageNames.Format(culture, SiteTexts.Public.Get(culture, "\n\n{0}\nJESIE, Jiangsu Education Services for International Exchange"), SiteTexts.SiteName(culture)),
    };
}
