namespace Site.Core.Content;

/// <summary>A problem with a property (or the node when <see cref="Alias"/> is null) in a culture (or invariant).</summary>
public sealed record ContentError(string? Alias, string? Culture, LocalizedText Message);

public enum SaveStatus
{
    Success,
    NotFound,
    InvalidStructure,
    ValidationFailed,
    Conflict,

    /// <summary>The user may not make this change.</summary>
    Forbidden,
}

/// <summary>The outcome of a save: the node as saved, or why it was refused.</summary>
public sealed record SaveResult(SaveStatus Status, ContentNode? Node, IReadOnlyList<ContentError> Errors)
{
    public bool Succeeded => Status == SaveStatus.Success;

    public static SaveResult Refused(SaveStatus status, params ContentError[] errors) => new(status, null, errors);
}

public enum PublishStatus
{
    Success,
    NotFound,
    Trashed,
    UnknownCulture,
    MandatoryCultureMissing,
    ParentNotPublished,
    ValidationFailed,
    NotPublished,
    NoCultures,
}

/// <summary>The outcome of publishing or unpublishing: what went live or down, or why it was refused.</summary>
public sealed record PublishResult(PublishStatus Status, IReadOnlyList<string> Cultures, IReadOnlyList<ContentError> Errors)
{
    public bool Succeeded => Status == PublishStatus.Success;

    public static PublishResult Refused(PublishStatus status, params ContentError[] errors) => new(status, [], errors);
}

/// <summary>The engine's messages, in both cultures.</summary>
internal static class Messages
{
    public static readonly LocalizedText NodeNotFound = LocalizedText.Of("The content item does not exist.");
    public static readonly LocalizedText Trashed = LocalizedText.Of("The content item is in the recycle bin.");
    public static readonly LocalizedText UnknownContentType = LocalizedText.Of("Unknown content type \"{0}\".");
    public static readonly LocalizedText UnknownParent = LocalizedText.Of("The parent item does not exist.");
    public static readonly LocalizedText NotAllowedAtRoot = LocalizedText.Of("\"{0}\" is not allowed at the root.");
    public static readonly LocalizedText NotAllowedUnder = LocalizedText.Of("\"{0}\" is not allowed under \"{1}\".");
    public static readonly LocalizedText TypeChanged = LocalizedText.Of("The content type of an item cannot change.");
    public static readonly LocalizedText UnknownProperty = LocalizedText.Of("\"{0}\" is not a property of this content type.");
    public static readonly LocalizedText UnknownCulture = LocalizedText.Of("\"{0}\" is not a language of this site.");
    public static readonly LocalizedText InvariantGivenCulture = LocalizedText.Of("\"{0}\" does not vary by culture; give it without a culture.");
    public static readonly LocalizedText VariantWithoutCulture = LocalizedText.Of("\"{0}\" varies by culture; give a culture.");
    public static readonly LocalizedText Required = LocalizedText.Of("{0} is required.");
    public static readonly LocalizedText TooLong = LocalizedText.Of("{0} must be at most {1} characters.");
    public static readonly LocalizedText PatternMismatch = LocalizedText.Of("{0} is not in the expected format.");
    public static readonly LocalizedText NotInteger = LocalizedText.Of("{0} must be a whole number from -2147483648 to 2147483647, digits only.");
    public static readonly LocalizedText OneLine = LocalizedText.Of("{0} must be on one line, without control characters.");
    public static readonly LocalizedText ControlCharacters = LocalizedText.Of("{0} contains control characters.");
    public static readonly LocalizedText DuplicateValue = LocalizedText.Of("\"{0}\" is given twice for the same language.");
    public static readonly LocalizedText NoCultures = LocalizedText.Of("Choose at least one language to publish.");
    public static readonly LocalizedText NotDate = LocalizedText.Of("{0} must be a date (yyyy-MM-dd).");
    public static readonly LocalizedText DateBeforeStart = LocalizedText.Of("{0} cannot be before {1}.");
    public static readonly LocalizedText NotDateTime = LocalizedText.Of("{0} must be a date and time (yyyy-MM-dd HH:mm:ss).");
    public static readonly LocalizedText WrongPickedType = LocalizedText.Of("{0} accepts only items of the type {1}; a picked item is of the type {2}. Pick another item.");
    public static readonly LocalizedText NotBoolean = LocalizedText.Of("{0} must be 1 or 0.");
    public static readonly LocalizedText NotJsonArray = LocalizedText.Of("{0} must be a JSON list.");
    public static readonly LocalizedText NotTag = LocalizedText.Of("{0}: item {1} is not a tag. Tags are a JSON list of texts, each on one line and not empty.");
    public static readonly LocalizedText NotLink = LocalizedText.Of("{0}: item {1} is not a link. Each link is an object of Umbraco's link fields (name, url, target, udi, queryString, …), each text or empty, with a url or a udi.");
    public static readonly LocalizedText LinkNotAllowed = LocalizedText.Of("{0}: the address of link {1} is not allowed. Use an http:// or https:// address, a mailto: address or a path on this site starting with a single /.");
    public static readonly LocalizedText NotMediaItem = LocalizedText.Of("{0}: item {1} is not a media item. Each item is an object with a mediaKey (Umbraco's MediaPicker3 value: key, mediaKey, mediaTypeAlias, crops, focalPoint).");
    public static readonly LocalizedText TooManyMediaItems = LocalizedText.Of("{0} holds at most {1} media items.");
    public static readonly LocalizedText TooFewMediaItems = LocalizedText.Of("{0} needs at least {1} media items.");
    public static readonly LocalizedText UnknownMediaCrop = LocalizedText.Of("{0}: item {1} has a crop \"{2}\" that the data type does not define.");
    public static readonly LocalizedText MediaItemMissing = LocalizedText.Of("{0}: item {1} is not in the media library (it may have been deleted). Pick another item.");
    public static readonly LocalizedText MarkdownTooDeep = LocalizedText.Of("{0} is nested too deeply to be shown (quotes, lists or emphasis inside one another, more than a hundred levels). Flatten it.");
    public static readonly LocalizedText NotRichText = LocalizedText.Of("{0} must be rich text: HTML, or Umbraco's rich text value (a JSON object with the markup text and the blocks object or null).");
    public static readonly LocalizedText ImageWithoutAlt = LocalizedText.Of("{0} has an image without alt text in {1}: describe each image for people who cannot see it (in the image, or on its media item) before saving.");
    public static readonly LocalizedText NotContentUdi = LocalizedText.Of("{0} must be a document link (umb://document/...).");
    public static readonly LocalizedText PickedItemNotDocument = LocalizedText.Of("{0}: item {1} must be a document link (umb://document/...).");
    public static readonly LocalizedText TooManyPicked = LocalizedText.Of("{0} takes at most {1} items.");
    public static readonly LocalizedText TooFewPicked = LocalizedText.Of("{0} needs at least {1} items.");
    public static readonly LocalizedText NameRequired = LocalizedText.Of("A name is required in {0}.");
    public static readonly LocalizedText Conflict = LocalizedText.Of("Someone saved a newer version ({0}) after you opened version {1}. Nothing was overwritten.");
    public static readonly LocalizedText MandatoryCultureMissing = LocalizedText.Of("{0} is a mandatory language: publish it first, or together with this one.");
    public static readonly LocalizedText ParentNotPublished = LocalizedText.Of("The parent item is not published in {0}: publish it first.");
    public static readonly LocalizedText NotBlockList = LocalizedText.Of("{0} must be a block list: Umbraco's block value (a JSON object with layout, contentData, settingsData and expose).");
    public static readonly LocalizedText BlocksTooDeep = LocalizedText.Of("{0}: blocks are nested inside one another too deeply.");
    public static readonly LocalizedText BlockKeyTwice = LocalizedText.Of("{0}: two blocks have the same key.");
    public static readonly LocalizedText TooFewBlocks = LocalizedText.Of("{0} needs at least {1} blocks.");
    public static readonly LocalizedText TooManyBlocks = LocalizedText.Of("{0} takes at most {1} blocks.");
    public static readonly LocalizedText BlockExposeWrong = LocalizedText.Of("{0}: the list of blocks shown per language names a block or a language that does not exist.");
    public static readonly LocalizedText BlockWithoutContent = LocalizedText.Of("{0}, block {1}: its content is missing.");
    public static readonly LocalizedText BlockTypeNotAllowed = LocalizedText.Of("{0}, block {1}: \"{2}\" blocks are not allowed here.");
    public static readonly LocalizedText BlockSettingsWrong = LocalizedText.Of("{0}, block {1}: its settings are missing or are not the settings of this kind of block.");
    public static readonly LocalizedText BlockValueProblem = LocalizedText.Of("{0}, block {1} ({2}): {3}");
    public static readonly LocalizedText BlockEditorMismatch = LocalizedText.Of("{0} is stored for another editor; this property uses {1}.");
    public static readonly LocalizedText HostNotAllowed = LocalizedText.Of("{0} must be an https:// address on one of these sites: {1}.");
    public static readonly LocalizedText CultureNotPublished = LocalizedText.Of("{0} is not published.");
}
