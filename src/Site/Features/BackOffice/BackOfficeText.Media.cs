namespace Site.Features.BackOffice;

public sealed partial class BackOfficeText
{
    public string MediaItems => T("Media items", "媒体文件");
    public string NoMedia => T("The media library is empty.", "媒体库为空。");
    public string Upload => T("Upload", "上传");
    public string UploadMedia => T("Upload a file", "上传文件");
    public string UploadHint => T("JPEG, PNG, GIF or WebP images, or PDF documents. Images need alt text in both languages.", "可上传 JPEG、PNG、GIF、WebP 图片或 PDF 文档。图片需要填写中英文替代文本。");
    public string File => T("File", "文件");
    public string MediaType => T("Type", "类型");
    public string Size => T("Size", "大小");
    public string Dimensions => T("Width × height", "宽 × 高");
    public string CreatedBy => T("Uploaded by", "上传人");
    public string CreatedAt => T("Uploaded", "上传时间");
    public string AltZh => T("Alt text in Chinese (zh-CN)", "中文替代文本 (zh-CN)");
    public string AltEn => T("Alt text in English (en-US)", "英文替代文本 (en-US)");
    public string AltHint => T("Describe the image for people who cannot see it.", "为看不到图片的读者描述图片内容。");
    public string FocalLeft => T("Focal point, from the left (0 to 1)", "焦点距左侧位置（0 到 1）");
    public string FocalTop => T("Focal point, from the top (0 to 1)", "焦点距顶部位置（0 到 1）");
    public string FocalHint => T("Optional: the part of the image that crops keep in view. Leave empty for the centre.", "可选：裁剪时保留在画面内的位置。留空则为中心。");
    public string EditMedia => T("Edit alt text and focal point", "编辑替代文本和焦点");
    public string MediaUploaded => T("The file was uploaded.", "文件已上传。");
    public string MediaUpdated => T("The media item was saved.", "媒体信息已保存。");
    public string MediaDeleted => T("The media item was deleted.", "媒体文件已删除。");
    public string MediaFailed => T("The file could not be saved.", "无法保存该文件。");
    public string ChooseFile => T("Choose a file to upload.", "请选择要上传的文件。");
    public string Kilobytes => T("KB", "KB");

    public string MediaKindName(Site.Core.Media.MediaKind kind) => kind switch
    {
        Site.Core.Media.MediaKind.Image => T("Image", "图片"),
        _ => T("Document", "文档"),
    };
}
