namespace Site.Core.Storage;

// Rows of the database. Schema objects are stored as JSON documents: they are read whole and rarely written.

internal sealed class LanguageRecord
{
    public required string IsoCode { get; set; }
    public required string Name { get; set; }
    public bool IsDefault { get; set; }
    public bool IsMandatory { get; set; }
    public string? FallbackIsoCode { get; set; }
}

internal sealed class DataTypeRecord
{
    public Guid Key { get; set; }
    public required string Alias { get; set; }
    public required string EditorAlias { get; set; }
    public string? EditorUiAlias { get; set; }
    public required string ConfigJson { get; set; }
}

internal sealed class DictionaryRecord
{
    public Guid Key { get; set; }
    public Guid? ParentKey { get; set; }
    public required string Alias { get; set; }
    public required string TranslationsJson { get; set; }
}

/// <summary>One saved state of a dictionary item (a glossary entry), for its history; no translations: deleted.</summary>
internal sealed class DictionaryVersionRecord
{
    public long Id { get; set; }
    public Guid ItemKey { get; set; }
    public required string Alias { get; set; }
    public string? TranslationsJson { get; set; }
    public DateTime AtUtc { get; set; }
    public required string User { get; set; }
}

internal sealed class ContentTypeRecord
{
    public Guid Key { get; set; }
    public required string Alias { get; set; }
    public required string DefinitionJson { get; set; }
}

internal sealed class ContentNodeRecord
{
    public Guid Key { get; set; }
    public Guid? ParentKey { get; set; }
    public required string ContentTypeAlias { get; set; }
    public int SortOrder { get; set; }
    public int Level { get; set; }
    public DateTime CreateDateUtc { get; set; }
    public DateTime UpdateDateUtc { get; set; }
    public bool Trashed { get; set; }
    public long CurrentVersionId { get; set; }
    public long? InvariantPublishedVersionId { get; set; }
}

internal sealed class ContentVersionRecord
{
    public long Id { get; set; }
    public Guid NodeKey { get; set; }
    public int Number { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public required string DataJson { get; set; }
}

internal sealed class PublishedCultureRecord
{
    public Guid NodeKey { get; set; }
    public required string Culture { get; set; }
    public long VersionId { get; set; }
    public DateTime PublishedAtUtc { get; set; }
}

/// <summary>One row per change that other instances (and this one) must apply: the cluster's change journal.</summary>
internal sealed class ChangeJournalRecord
{
    public long Id { get; set; }
    public Guid NodeKey { get; set; }
    public required string Kind { get; set; }
    public required string Cultures { get; set; }
    public DateTime AtUtc { get; set; }

    /// <summary>The instance that made the change, so that it does not apply its own change twice.</summary>
    public string Instance { get; set; } = string.Empty;
}

internal sealed class AuditRecord
{
    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public required string User { get; set; }
    public required string Action { get; set; }
    public Guid? NodeKey { get; set; }
    public required string Cultures { get; set; }
    public string? Detail { get; set; }
}

/// <summary>A public-access rule on a node (and so its descendants).</summary>
internal sealed class PublicAccessRecord
{
    public Guid NodeKey { get; set; }
    public required string GroupsJson { get; set; }
    public Guid? LoginNodeKey { get; set; }
    public Guid? NoAccessNodeKey { get; set; }
}

/// <summary>A request to review one culture of a node, and its decision.</summary>
internal sealed class ReviewRecord
{
    public long Id { get; set; }
    public Guid NodeKey { get; set; }
    public required string Culture { get; set; }
    public required string State { get; set; }
    public int VersionNumber { get; set; }
    public required string RequestedBy { get; set; }
    public DateTime RequestedAtUtc { get; set; }
    public string? RequestComment { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAtUtc { get; set; }
    public string? DecisionComment { get; set; }
}

/// <summary>A publish or unpublish of one culture at a given time; claimed by exactly one instance when due.</summary>
internal sealed class ScheduledActionRecord
{
    public long Id { get; set; }
    public Guid NodeKey { get; set; }
    public required string Culture { get; set; }
    public required string Action { get; set; }
    public DateTime DueAtUtc { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public DateTime? ClaimedAtUtc { get; set; }
    public string? ClaimedBy { get; set; }
    public string? Outcome { get; set; }
}

/// <summary>An item of the media library; the file itself lives under the data folder.</summary>
internal sealed class MediaRecord
{
    public Guid Key { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string MediaType { get; set; }
    public required string Extension { get; set; }
    public long Bytes { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public double FocalLeft { get; set; }
    public double FocalTop { get; set; }
    public required string AltJson { get; set; }
    public required string Hash { get; set; }
    public DateTime CreatedAtUtc { get; set; }
    public required string CreatedBy { get; set; }
}
