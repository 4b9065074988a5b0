using Site.Core.Audit;

namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string FilterAudit => T("Filter the audit trail");
    public string AuditUser => T("User (email)");
    public string AuditAction => T("Action");
    public string AuditActionHint => Formatted(T("For example {0}, {1}, {2}."), AuditActions.Publish, AuditActions.Save, AuditActions.Upload);
    public string AnyLanguage => T("Any language");
    public string FromDate => T("From (UTC date)");
    public string ToDate => T("To (UTC date, included)");
    public string When => T("When (UTC)");
    public string Detail => T("Detail");
    public string NoAuditEntries => T("No entries match.");
    public string InvalidDate => T("Enter a date as YYYY-MM-DD.");
    public string DatesReversed => T("The end date is before the start date.");
    public string AuditEntries => T("Entries");
}
