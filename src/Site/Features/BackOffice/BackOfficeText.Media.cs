namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string MediaItems => T("Media items");
    public string NoMedia => T("The media library is empty.");
    public string Upload => T("Upload");
    public string UploadMedia => T("Upload a file");
    public string UploadHint => T("JPEG, PNG, GIF or WebP images, or PDF documents. Images need alt text in both languages.");
    public string File => T("File");
    public string MediaType => T("Type");
    public string Size => T("Size");
    public string Dimensions => T("Width × height");
    public string CreatedBy => T("Uploaded by");
    public string CreatedAt => T("Uploaded");
    public string AltIn(string culture) => Formatted(T("Alt text in {0}"), LanguageName(culture));
    public string AltHint => T("Describe the image for people who cannot see it.");
    public string FocalLeft => T("Focal point, from the left (0 to 1)");
    public string FocalTop => T("Focal point, from the top (0 to 1)");
    public string FocalHint => T("Optional: the part of the image that crops keep in view. Leave empty for the centre.");
    public string EditMedia => T("Edit alt text and focal point");
    public string MediaUploaded => T("The file was uploaded.");
    public string MediaUpdated => T("The media item was saved.");
    public string MediaDeleted => T("The media item was deleted.");
    public string MediaFailed => T("The file could not be saved.");
    public string ChooseFile => T("Choose a file to upload.");
    public string Kilobytes => T("KB");
    public string MediaPickItem(string label, int position) => Formatted(T("{0}, item {1}"), label, position);
    public string MediaPickHint(int? max) => max is { } m
        ? Formatted(T("Choose the items in the order they are shown, at most {0}. Choose \"(none)\" to remove one."), m)
        : T("Choose the items in the order they are shown. Choose \"(none)\" to remove one.");
    public string FocalPickHint => T("Click the image (or focus it and use the arrow keys) to put the focal point there.");
    public string FocalPicker => T("Focal point");
    public string CropsPicker => T("Crops");
    public string CropCoordinatesHint => T("Where each crop lies, set by hand: four fractions cut from the left, top, right and bottom edges (x1,y1,x2,y2), such as 0.1,0.05,0.2,0.1. Leave empty to crop around the focal point.");
    public string CropLabel(string name, int width, int height) => Formatted(T("{0} crop ({1} × {2})"), name, width, height);

    /// <summary>The words of the media picker's and focal point's script (move and remove buttons, announcements).</summary>
    public string MediaPickerWords => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["up"] = T("Move up"),
        ["down"] = T("Move down"),
        ["remove"] = T("Remove from the list"),
        ["moved"] = T("Moved to position {0}."),
        ["removed"] = T("Removed."),
        ["focal"] = T("Focal point: {0}% from the left, {1}% from the top."),
        ["crop"] = T("Crop: {0}% from the left, {1}% from the top, {2}% wide."),
        ["cropArea"] = T("Crop area: drag it, or use the arrow keys (Shift: finer steps); + and - change its size."),
        ["cropReset"] = T("Crop around the focal point"),
    });

    public string MediaKindName(Site.Core.Media.MediaKind kind) => kind switch
    {
        Site.Core.Media.MediaKind.Image => T("Image"),
        _ => T("Document"),
    };
}
