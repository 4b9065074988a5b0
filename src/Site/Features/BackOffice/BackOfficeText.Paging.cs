using System.Globalization;

namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string Pages => T("Pages", "分页");
    public string PreviousPage => T("Previous page", "上一页");
    public string NextPage => T("Next page", "下一页");
    public string Filter => T("Filter", "筛选");
    public string Any => T("Any", "全部");
    public string Actions => T("Actions", "操作");
    public string Edit => T("Edit", "编辑");
    public string Delete => T("Delete", "删除");
    public string Yes => T("Yes", "是");
    public string No => T("No", "否");

    public string PageOf(int page, int pages) => string.Format(CultureInfo.InvariantCulture, T("Page {0} of {1}", "第 {0} 页，共 {1} 页"), page, pages);

    public string ItemCount(int total) => string.Format(CultureInfo.InvariantCulture, T("{0} in all", "共 {0} 项"), total);
}
