namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string IndexStatus => T("Index status");
    public string DocumentsInIndex => T("Documents in the index");
    public string IndexedGeneration => T("Indexed snapshot generation");
    public string SnapshotGeneration => T("Current snapshot generation");
    public string IndexUpToDate => T("Up to date");
    public string IndexBehind => T("Catching up with the latest changes");
    public string RebuildState => T("Rebuild");
    public string RebuildRunning => T("A rebuild is running. Searches are answered from the old index until it ends.");
    public string RebuildIdle => T("No rebuild is running.");
    public string RebuildIndex => T("Rebuild index");
    public string RebuildStarted => T("The rebuild has started.");
    public string RebuildAlreadyRunning => T("A rebuild is already running.");
    public string RebuildProgress => T("Rebuild progress");
    public string RebuildFinished => T("The rebuild has finished.");
    public string LastRebuild => T("Last rebuild");
    public string LastRebuildFailed => T("failed: see the log");
    public string RefreshStatus => T("Refresh the status");
    public string RebuildReason => T("Why the index was rebuilt at start");
    public string SkippedDocuments => T("Published items left out of the index");
    public string SkippedDocumentsHeading => T("Items left out of the index");
    public string SkippedDocumentsHint => T("Their search documents could not be made (the log has the details); everything else is indexed. Each is tried again when it is next published.");

    /// <summary>"{0} of {1} documents": the script fills in the numbers, so the words stay in one place.</summary>
    public string ProgressTemplate => T("{0} of {1} documents");

    public string Progress(int done, int total) => ProgressTemplate
        .Replace("{0}", done.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{1}", total.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    public string DocumentsCount(int count) => T("{0} documents").Replace("{0}", count.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
