using System.Globalization;

namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string Pages => T("Pages");
    public string PreviousPage => T("Previous page");
    public string NextPage => T("Next page");
    public string Filter => T("Filter");
    public string Any => T("Any");
    public string Actions => T("Actions");
    public string Edit => T("Edit");
    public string Delete => T("Delete");
    public string Yes => T("Yes");
    public string No => T("No");

    public string PageOf(int page, int pages) => string.Format(CultureInfo.InvariantCulture, T("Page {0} of {1}"), page, pages);

    public string ItemCount(int total) => string.Format(CultureInfo.InvariantCulture, T("{0} in all"), total);
}
