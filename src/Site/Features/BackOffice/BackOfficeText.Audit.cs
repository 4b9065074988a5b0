using Site.Core.Audit;

namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string FilterAudit => T("Filter the audit trail", "筛选操作日志");
    public string AuditUser => T("User (email)", "用户（电子邮箱）");
    public string AuditAction => T("Action", "操作");
    public string AuditActionHint => T(
        $"For example {AuditActions.Publish}, {AuditActions.Save}, {AuditActions.Upload}.", $"例如 {AuditActions.Publish}、{AuditActions.Save}、{AuditActions.Upload}。");
    public string AnyLanguage => T("Any language", "全部语言");
    public string FromDate => T("From (UTC date)", "开始日期（UTC）");
    public string ToDate => T("To (UTC date, included)", "结束日期（UTC，含当天）");
    public string When => T("When (UTC)", "时间（UTC）");
    public string Detail => T("Detail", "详情");
    public string NoAuditEntries => T("No entries match.", "没有符合条件的记录。");
    public string InvalidDate => T("Enter a date as YYYY-MM-DD.", "请按 YYYY-MM-DD 格式填写日期。");
    public string DatesReversed => T("The end date is before the start date.", "结束日期早于开始日期。");
    public string AuditEntries => T("Entries", "记录");
}
