namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string IndexStatus => T("Index status", "索引状态");
    public string DocumentsInIndex => T("Documents in the index", "索引中的文档");
    public string IndexedGeneration => T("Indexed snapshot generation", "已索引的快照版本");
    public string SnapshotGeneration => T("Current snapshot generation", "当前快照版本");
    public string IndexUpToDate => T("Up to date", "已是最新");
    public string IndexBehind => T("Catching up with the latest changes", "正在同步最新更改");
    public string RebuildState => T("Rebuild", "重建");
    public string RebuildRunning => T("A rebuild is running. Searches are answered from the old index until it ends.", "正在重建索引。重建完成前，搜索仍使用旧索引。");
    public string RebuildIdle => T("No rebuild is running.", "当前没有重建任务。");
    public string RebuildIndex => T("Rebuild index", "重建索引");
    public string RebuildStarted => T("The rebuild has started.", "索引重建已开始。");
    public string RebuildAlreadyRunning => T("A rebuild is already running.", "已有重建任务在运行。");
    public string RebuildProgress => T("Rebuild progress", "重建进度");
    public string RebuildFinished => T("The rebuild has finished.", "索引重建已完成。");
    public string LastRebuild => T("Last rebuild", "上次重建");
    public string LastRebuildFailed => T("failed: see the log", "失败，请查看日志");
    public string RefreshStatus => T("Refresh the status", "刷新状态");
    public string RebuildReason => T("Why the index was rebuilt at start", "启动时重建索引的原因");
    public string SkippedDocuments => T("Published items left out of the index", "未能编入索引的已发布内容");
    public string SkippedDocumentsHeading => T("Items left out of the index", "未编入索引的内容");
    public string SkippedDocumentsHint => T(
        "Their search documents could not be made (the log has the details); everything else is indexed. Each is tried again when it is next published.",
        "无法为这些内容生成搜索文档（详情见日志）；其余内容均已编入索引。下次发布时会重新尝试。");

    /// <summary>"{0} of {1} documents": the script fills in the numbers, so the words stay in one place.</summary>
    public string ProgressTemplate => T("{0} of {1} documents", "{0} / {1} 个文档");

    public string Progress(int done, int total) => ProgressTemplate
        .Replace("{0}", done.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{1}", total.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public string DocumentsCount(int count) => T("{0} documents", "{0} 个文档").Replace("{0}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
