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

    public string MediaKindName(Site.Core.Media.MediaKind kind) => kind switch
    {
        Site.Core.Media.MediaKind.Image => T("Image"),
        _ => T("Document"),
    };
}
