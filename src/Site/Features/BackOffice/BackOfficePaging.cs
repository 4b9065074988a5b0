namespace Site.Features.BackOffice;

/// <summary>A list's page links: the page shown, how many there are, and the address of any page (filters kept).</summary>
public sealed record Pager(int Page, int Pages, int Total, Func<int, string> Url)
{
    public bool HasPrevious => Page > 1;

    public bool HasNext => Page < Pages;

    /// <summary>The page asked for, kept within 1..the last page.</summary>
    public static int Clamp(int? page, int total, int pageSize) => Math.Clamp(page ?? 1, 1, PageCount(total, pageSize));

    public static int PageCount(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);
}
