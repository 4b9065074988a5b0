using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Storage;

namespace Site.Core.Sync;

/// <summary>Writes the schema and content to a folder in uSync's format: the format the importer reads.</summary>
public interface IUsyncExporter
{
    Task<int> ExportAsync(string folder, CancellationToken cancellationToken);
}

internal sealed class UsyncExporter(ISiteDbContextFactory dbFactory, IContentSchemaStore schemaStore) : IUsyncExporter
{
    private static readonly XmlWriterSettings WriterSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        Async = true,
    };

    // uSync saves with XElement.Save(Stream): UTF-8 with a BOM, two-space indent, no newline after the root.
    private static readonly JsonSerializerOptions ConfigJsonOptions = new() { WriteIndented = true, NewLine = "\n" };

    public async Task<int> ExportAsync(string folder, CancellationToken cancellationToken)
    {
        var schema = await schemaStore.GetAsync(cancellationToken).ConfigureAwait(false);
        var files = new List<(string Path, XDocument Document)>();
        files.AddRange(schema.Languages.All.Select(l => ($"Languages/{l.IsoCode.ToLowerInvariant()}.config", LanguageXml(l))));
        // uSync names a data type's file by its name made a safe alias ("Block list" → blocklist).
        files.AddRange(schema.DataTypes.Values.Select(d => ($"DataTypes/{DataTypeFileName(d)}.config", DataTypeXml(d))));
        var dictionaryByKey = schema.Dictionary.Values.ToDictionary(d => d.Key);
        files.AddRange(schema.Dictionary.Values.Select(d => ($"Dictionary/{FileName(d.Alias)}.config", DictionaryXml(d, dictionaryByKey))));
        files.AddRange(schema.ContentTypes.Values.Select(t => ($"ContentTypes/{FileName(t.Alias)}.config", ContentTypeXml(schema, t))));
        files.AddRange(TemplateFiles(schema));

        await using var db = dbFactory.Create();
        var nodes = await db.Nodes.AsNoTracking().Where(n => !n.Trashed).ToListAsync(cancellationToken).ConfigureAwait(false);
        var versionIds = nodes.Select(n => n.CurrentVersionId).ToList();
        var versions = await db.Versions.AsNoTracking().Where(v => versionIds.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => ContentMapping.DeserializeData(v.DataJson), cancellationToken).ConfigureAwait(false);
        var published = (await db.PublishedCultures.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(p => p.NodeKey);
        var schedules = (await db.ScheduledActions.AsNoTracking().Where(a => a.ClaimedAtUtc == null).ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(a => a.NodeKey);
        var byKey = nodes.ToDictionary(n => n.Key);
        var defaultCulture = schema.Languages.Default?.IsoCode ?? Localization.TextCatalog.SourceCulture;
        var usedNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var node in TreeOrder(nodes))
        {
            var data = versions[node.CurrentVersionId];
            var name = ContentFileName(node, data, defaultCulture);
            if (!usedNames.Add(name))
            {
                name = $"{name}_{UmbracoSafeFileName.ShortKey(node.Key)}";
                usedNames.Add(name);
            }

            files.Add(($"Content/{name}.config", ContentXml(schema, node, data, published[node.Key], schedules[node.Key], byKey, versions, defaultCulture)));
        }

        foreach (var (path, document) in files)
        {
            var full = Path.Combine(folder, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await using var stream = File.Create(full);
            await using var writer = XmlWriter.Create(stream, WriterSettings);
            await document.SaveAsync(writer, cancellationToken).ConfigureAwait(false);
        }

        return files.Count;
    }

    /// <summary>
    /// The nodes in the order uSync's export walks the tree (each root, then its children, depth first, by sort
    /// order): the order that decides which of two nodes with the same file name gets the plain one. A node whose parent
    /// is not exported comes last.
    /// </summary>
    private static List<ContentNodeRecord> TreeOrder(List<ContentNodeRecord> nodes)
    {
        var children = nodes.ToLookup(n => n.ParentKey);
        var ordered = new List<ContentNodeRecord>(nodes.Count);
        var seen = new HashSet<Guid>();
        var stack = new Stack<ContentNodeRecord>(Sorted(children[null]).Reverse());
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (!seen.Add(node.Key))
            {
                continue;
            }

            ordered.Add(node);
            foreach (var child in Sorted(children[node.Key]).Reverse())
            {
                stack.Push(child);
            }
        }

        ordered.AddRange(Sorted(nodes.Where(n => !seen.Contains(n.Key))));
        return ordered;

        static IEnumerable<ContentNodeRecord> Sorted(IEnumerable<ContentNodeRecord> items) =>
            items.OrderBy(n => n.Level).ThenBy(n => n.SortOrder).ThenBy(n => n.Key);
    }

    /// <summary>
    /// As uSync's content handler: the node's name (for culture-variant content, the default language's) made a safe
    /// file name as Umbraco makes it, so a Chinese name stays Chinese. A name with nothing left (only punctuation) is
    /// written as the key, where uSync would write a file called <c>.config</c>.
    /// </summary>
    private static string ContentFileName(ContentNodeRecord node, ContentData data, string defaultCulture) =>
        UmbracoSafeFileName.From(DefaultName(data, defaultCulture)) is { Length: > 0 } name ? name : node.Key.ToString();

    /// <summary>A node's invariant name: Umbraco keeps the default language's name there for culture-variant content.</summary>
    private static string DefaultName(ContentData data, string defaultCulture) =>
        data.GetName(defaultCulture) ?? data.Names.OrderBy(n => n.Key, StringComparer.Ordinal).Select(n => n.Value).FirstOrDefault() ?? string.Empty;

    private static string DataTypeFileName(DataType dataType) =>
        SafeAlias(dataType.Alias) is { Length: > 0 } alias ? FileName(alias) : dataType.Key.ToString();

    private static string FileName(string alias)
    {
        var builder = new StringBuilder(alias.Length);
        foreach (var c in alias.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' ? c : '-');
        }

        return builder.ToString();
    }

    private static XDocument Document(XElement root) => new(new XDeclaration("1.0", "utf-8", null), root);

    /// <summary>As uSync's LanguageSerializer: the fields sit directly under the root, the name is the culture's name.</summary>
    private static XDocument LanguageXml(Languages.Language language) => Document(
        new XElement("Language",
            new XAttribute("Key", DeterministicKey("language:" + language.IsoCode)),
            new XAttribute("Alias", language.IsoCode),
            new XAttribute("Level", 0),
            new XElement("Name", language.Name),
            new XElement("IsoCode", language.IsoCode),
            new XElement("IsMandatory", Bool(language.IsMandatory)),
            new XElement("IsDefault", Bool(language.IsDefault)),
            language.FallbackIsoCode is null ? null : new XElement("Fallback", language.FallbackIsoCode)));

    /// <summary>As uSync 14+'s DataTypeSerializer: name, editor and back-office editor UI; no database type (Umbraco derives it).</summary>
    private static XDocument DataTypeXml(DataType dataType) => Document(
        new XElement("DataType",
            new XAttribute("Key", dataType.Key),
            new XAttribute("Alias", dataType.Alias),
            new XAttribute("Level", 1),
            new XElement("Info",
                new XElement("Name", dataType.Alias),
                new XElement("EditorAlias", dataType.EditorAlias),
                new XElement("EditorUIAlias", dataType.EditorUiAlias ?? PropertyEditors.DefaultUiAlias(dataType.EditorAlias))),
            new XElement("Config", new XCData(ConfigJson(dataType.ConfigJson)))));

    /// <summary>
    /// As uSync's DictionaryItemSerializer: the level counts the parents (0 at the top) and <c>&lt;Info&gt;</c> names the
    /// parent by its alias.
    /// </summary>
    private static XDocument DictionaryXml(DictionaryItem item, Dictionary<Guid, DictionaryItem> byKey)
    {
        var parent = item.ParentKey is { } parentKey ? byKey.GetValueOrDefault(parentKey) : null;
        var level = 0;
        var seen = new HashSet<Guid> { item.Key };
        for (var current = parent; current is not null && seen.Add(current.Key); current = current.ParentKey is { } key ? byKey.GetValueOrDefault(key) : null)
        {
            level++;
        }

        return Document(new XElement("Dictionary",
            new XAttribute("Key", item.Key),
            new XAttribute("Alias", item.Alias),
            new XAttribute("Level", level),
            new XElement("Info", parent is null ? null : new XElement("Parent", parent.Alias)),
            new XElement("Translations",
                item.Translations.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t =>
                    new XElement("Translation", new XAttribute("Language", t.Key), t.Value)))));
    }

    /// <summary>
    /// As uSync 14+'s ContentTypeSerializer. <c>&lt;Info&gt;</c>: name, icon, thumbnail, description, AllowAtRoot
    /// (.NET's <c>True</c>/<c>False</c>), the collection (<c>ListView</c>, which replaced uSync 13's <c>IsListView</c>;
    /// none here), variations, IsElement, Umbraco's default history cleanup, the compositions (by alias, with their
    /// keys), then the default template and the allowed ones (the default, as Umbraco always allows it). Then the type's
    /// own properties by alias and its own tabs by key, as uSync orders them: what its compositions bring is theirs.
    /// </summary>
    private static XDocument ContentTypeXml(ContentSchema schema, ContentType type)
    {
        var template = DefaultTemplate(type);
        var compositions = type.Compositions.Select(schema.FindContentType).OfType<ContentType>().OrderBy(c => c.Alias, StringComparer.InvariantCulture).ToList();
        var inherited = compositions.SelectMany(c => c.Properties.Select(p => p.Key).Concat(c.Tabs.Select(t => t.Key))).ToHashSet();
        return Document(new XElement("ContentType",
            new XAttribute("Key", type.Key),
            new XAttribute("Alias", type.Alias),
            new XAttribute("Level", 1),
            new XElement("Info",
                new XElement("Name", type.Name),
                new XElement("Icon", type.Icon),
                new XElement("Thumbnail", "folder.png"),
                new XElement("Description", type.Description),
                new XElement("AllowAtRoot", type.AllowAtRoot ? "True" : "False"),
                new XElement("ListView", Guid.Empty),
                new XElement("Variations", type.VariesByCulture ? "Culture" : "Nothing"),
                new XElement("IsElement", Bool(type.IsElement)),
                new XElement("HistoryCleanup",
                    new XElement("PreventCleanup", "False"),
                    new XElement("KeepAllVersionsNewerThanDays", string.Empty),
                    new XElement("KeepLatestVersionPerDayForDays", string.Empty)),
                new XElement("Compositions", compositions.Select(c => new XElement("Composition", new XAttribute("Key", c.Key), c.Alias))),
                new XElement("DefaultTemplate", template ?? string.Empty),
                new XElement("AllowedTemplates", AllowedTemplates(type).Select(t => new XElement("Template", new XAttribute("Key", t.Key), t.Alias)))),
            new XElement("Structure",
                type.AllowedChildAliases.Select((alias, index) => new XElement("ContentType",
                    new XAttribute("Key", schema.FindContentType(alias)?.Key ?? Guid.Empty),
                    new XAttribute("SortOrder", index),
                    alias))),
            new XElement("GenericProperties",
                type.Properties.Where(p => !inherited.Contains(p.Key)).OrderBy(p => p.Alias, StringComparer.InvariantCulture).Select(p => new XElement("GenericProperty",
                    new XElement("Key", p.Key),
                    new XElement("Name", p.Name),
                    new XElement("Alias", p.Alias),
                    new XElement("Definition", p.DataTypeKey),
                    new XElement("Type", p.EditorAlias),
                    new XElement("Mandatory", Bool(p.Mandatory)),
                    new XElement("Validation", p.ValidationPattern ?? string.Empty),
                    new XElement("Description", new XCData(p.Description)),
                    new XElement("SortOrder", p.SortOrder),
                    new XElement("Tab", new XAttribute("Alias", p.TabAlias), p.TabName),
                    new XElement("Variations", p.VariesByCulture ? "Culture" : "Nothing"),
                    new XElement("MandatoryMessage", p.MandatoryMessage ?? string.Empty),
                    new XElement("ValidationRegExpMessage", p.ValidationMessage ?? string.Empty),
                    new XElement("LabelOnTop", "false")))),
            new XElement("Tabs",
                type.Tabs.Where(t => !inherited.Contains(t.Key)).OrderBy(t => t.Key).Select(t => new XElement("Tab",
                    new XElement("Key", t.Key),
                    new XElement("Caption", t.Caption),
                    new XElement("Alias", t.Alias),
                    new XElement("Type", "Group"),
                    new XElement("SortOrder", t.SortOrder))))));
    }

    /// <summary>
    /// As uSync 14+'s ContentSerializer. <c>&lt;Info&gt;</c>: the parent (key and name), the path, Trashed, the type, the
    /// creation date, the names (the invariant one, then one per culture that has a name, for culture-variant content),
    /// the sort order, what is published (the document as a whole, then per named culture), the pending schedule and the
    /// template. Then every property of the type by alias (an empty value is written empty, once per named culture for a
    /// culture-variant property), each value as CDATA, JSON re-indented as uSync writes it.
    /// </summary>
    private static XDocument ContentXml(
        ContentSchema schema,
        ContentNodeRecord node,
        ContentData data,
        IEnumerable<PublishedCultureRecord> published,
        IEnumerable<ScheduledActionRecord> schedules,
        Dictionary<Guid, ContentNodeRecord> byKey,
        Dictionary<long, ContentData> versions,
        string defaultCulture)
    {
        var type = schema.FindContentType(node.ContentTypeAlias);
        var variant = type?.VariesByCulture ?? data.Values.Any(v => v.Culture is not null);

        // Umbraco's AvailableCultures: the cultures the node has a name in (none for invariant content).
        var cultures = variant
            ? data.Names.Where(n => !string.IsNullOrEmpty(n.Value)).Select(n => n.Key).Order(StringComparer.InvariantCulture).ToList()
            : [];
        var publishedCultures = published.Select(p => p.Culture).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parent = node.ParentKey is { } parentKey ? byKey.GetValueOrDefault(parentKey) : null;
        var defaultName = DefaultName(data, defaultCulture);
        var template = type is null ? null : DefaultTemplate(type);
        return Document(
            new XElement("Content",
                new XAttribute("Key", node.Key),
                new XAttribute("Alias", defaultName),
                new XAttribute("Level", node.Level),
                new XElement("Info",
                    new XElement("Parent", new XAttribute("Key", node.ParentKey ?? Guid.Empty),
                        parent is null ? string.Empty : DefaultName(versions.GetValueOrDefault(parent.CurrentVersionId) ?? ContentData.Empty, defaultCulture)),
                    new XElement("Path", PathOf(node, byKey, versions, defaultCulture)),
                    new XElement("Trashed", "false"),
                    new XElement("ContentType", node.ContentTypeAlias),
                    new XElement("CreateDate", DateText(node.CreateDateUtc)),
                    new XElement("NodeName", new XAttribute("Default", defaultName),
                        cultures.Select(c => new XElement("Name", new XAttribute("Culture", c), data.GetName(c)))),
                    new XElement("SortOrder", node.SortOrder),
                    // Umbraco's document is published while any of its cultures is.
                    new XElement("Published", new XAttribute("Default", Bool(publishedCultures.Count > 0)),
                        cultures.Select(c => new XElement("Published", new XAttribute("Culture", c), Bool(publishedCultures.Contains(c))))),
                    new XElement("Schedule",
                        schedules
                            .Select(a => (Action: a.Action == nameof(Workflow.ScheduledActionKind.Unpublish) ? "Expire" : "Release", Culture: variant ? a.Culture : string.Empty, a.DueAtUtc))
                            .OrderBy(a => a.Action, StringComparer.InvariantCulture).ThenBy(a => a.Culture, StringComparer.InvariantCulture).ThenBy(a => a.DueAtUtc)
                            .Select(a => new XElement("ContentSchedule",
                                new XElement("Culture", a.Culture),
                                new XElement("Action", a.Action),
                                new XElement("Date", DateText(a.DueAtUtc))))),
                    template is null
                        ? new XElement("Template")
                        : new XElement("Template", new XAttribute("Key", TemplateKeyOf(type!, template)), template)),
                new XElement("Properties", PropertiesXml(type, data, cultures))));
    }

    /// <summary>
    /// As uSync's SerializeProperties: the type's properties (its compositions' too) by alias, each value with its
    /// culture, ordered by culture; a property with no value gets an empty one (one per named culture when it varies by
    /// culture) so that an import can empty it. A value whose property the type no longer has is still written (uSync
    /// would drop it): an export never loses what the site holds.
    /// </summary>
    private static IEnumerable<XElement> PropertiesXml(ContentType? type, ContentData data, IReadOnlyList<string> cultures)
    {
        var values = data.Values.GroupBy(v => v.Alias, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var aliases = (type?.Properties.Select(p => p.Alias) ?? []).Concat(values.Keys).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.InvariantCulture);
        foreach (var alias in aliases)
        {
            var written = (values.GetValueOrDefault(alias) ?? []).Select(v => (v.Culture, Text: ExportValue(v.Value))).ToList();
            if (type?.FindProperty(alias) is { } property)
            {
                if (property.VariesByCulture)
                {
                    written.AddRange(cultures.Where(c => !written.Any(w => string.Equals(w.Culture, c, StringComparison.OrdinalIgnoreCase))).Select(c => ((string?)c, string.Empty)));
                }
                else if (written.Count == 0)
                {
                    written.Add((null, string.Empty));
                }
            }

            if (written.Count > 0)
            {
                yield return new XElement(alias, written.OrderBy(w => w.Culture ?? string.Empty, StringComparer.InvariantCulture).Select(w =>
                    new XElement("Value", w.Culture is null ? null : new XAttribute("Culture", w.Culture), new XCData(w.Text))));
            }
        }
    }

    /// <summary>
    /// As uSync's GetExportValue: a value that looks like JSON (Umbraco's DetectIsJson: <c>{…}</c> or <c>[…]</c> once
    /// trimmed) and parses is written indented by System.Text.Json's defaults (two spaces, non-ASCII and HTML characters
    /// escaped); anything else as it is.
    /// </summary>
    internal static string ExportValue(string value)
    {
        var trimmed = value.AsSpan().Trim();
        if (trimmed.Length < 2 || !((trimmed[0] == '{' && trimmed[^1] == '}') || (trimmed[0] == '[' && trimmed[^1] == ']')))
        {
            return value;
        }

        try
        {
            return JsonNode.Parse(value)?.ToJsonString(ConfigJsonOptions) ?? value;
        }
        catch (JsonException)
        {
            return value;
        }
    }

    private static string DateText(DateTime utc) =>
        ContentMapping.AsUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>
    /// The type's default template: as a uSync folder named it, else (the site's own types) the type's alias for a page
    /// type; none for an element or data-only type.
    /// </summary>
    private static string? DefaultTemplate(ContentType type) =>
        type.DefaultTemplateAlias ?? (type.AllowedTemplates.Count == 0 && type.IsPage ? type.Alias : null);

    /// <summary>
    /// The allowed templates as uSync lists them (by alias): those a folder named, else the default one (Umbraco always
    /// allows it) with a key made from its alias, the same everywhere.
    /// </summary>
    private static IEnumerable<TemplateReference> AllowedTemplates(ContentType type)
    {
        if (type.AllowedTemplates.Count > 0)
        {
            return type.AllowedTemplates.OrderBy(t => t.Alias, StringComparer.InvariantCulture);
        }

        return DefaultTemplate(type) is { } alias ? [new TemplateReference(UsyncKeys.Template(alias), alias)] : [];
    }

    private static Guid TemplateKeyOf(ContentType type, string alias) =>
        type.AllowedTemplates.FirstOrDefault(t => string.Equals(t.Alias, alias, StringComparison.OrdinalIgnoreCase))?.Key ?? UsyncKeys.Template(alias);

    /// <summary>
    /// As uSync's TemplateSerializer, for the templates a folder held files for (kept with the types that allow them):
    /// key, alias and level (1, plus one per parent template), the name and the parent's alias; no Razor (uSync writes
    /// it only when asked to). Named by the alias made a safe file name, as uSync's template handler names them.
    /// </summary>
    private static IEnumerable<(string Path, XDocument Document)> TemplateFiles(ContentSchema schema)
    {
        var kept = schema.ContentTypes.Values.SelectMany(t => t.AllowedTemplates).Where(t => t.Name is not null)
            .GroupBy(t => t.Key).Select(g => g.First()).ToList();
        var byAlias = kept.GroupBy(t => t.Alias, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        foreach (var template in kept.OrderBy(t => t.Alias, StringComparer.Ordinal))
        {
            var level = 1;
            var seen = new HashSet<Guid> { template.Key };
            for (var parent = template.Parent; !string.IsNullOrEmpty(parent); level++)
            {
                var next = byAlias.GetValueOrDefault(parent);
                parent = next is not null && seen.Add(next.Key) ? next.Parent : null;
            }

            var name = UmbracoSafeFileName.From(template.Alias) is { Length: > 0 } safe ? safe : template.Key.ToString();
            yield return ($"Templates/{name}.config", Document(new XElement("Template",
                new XAttribute("Key", template.Key),
                new XAttribute("Alias", template.Alias),
                new XAttribute("Level", level),
                new XElement("Name", template.Name),
                new XElement("Parent", template.Parent ?? string.Empty))));
        }
    }

    /// <summary>
    /// As uSync's GetItemPath: every ancestor's invariant name (for culture-variant content Umbraco keeps the default
    /// language's name there) made a safe alias, joined with slashes.
    /// </summary>
    private static string PathOf(ContentNodeRecord node, Dictionary<Guid, ContentNodeRecord> byKey, Dictionary<long, ContentData> versions, string culture)
    {
        var parts = new List<string>();
        for (ContentNodeRecord? current = node; current is not null; current = current.ParentKey is { } key ? byKey.GetValueOrDefault(key) : null)
        {
            var data = versions.GetValueOrDefault(current.CurrentVersionId);
            parts.Add(SafeAlias(data is null ? current.Key.ToString() : DefaultName(data, culture)));
        }

        parts.Reverse();
        return "/" + string.Join('/', parts);
    }

    /// <summary>Umbraco's safe alias of a name (see <see cref="UmbracoSafeAlias"/>).</summary>
    internal static string SafeAlias(string name) => UmbracoSafeAlias.From(name);

    /// <summary>
    /// As uSync's DataTypeSerializer: the configuration's keys in order, written indented by System.Text.Json's
    /// defaults (two spaces, non-ASCII escaped). Anything that is not a JSON object is written as stored.
    /// </summary>
    internal static string ConfigJson(string stored)
    {
        JsonObject? config;
        try
        {
            config = JsonNode.Parse(stored) as JsonObject;
        }
        catch (JsonException)
        {
            return stored;
        }

        if (config is null)
        {
            return stored;
        }

        var sorted = new JsonObject();
        foreach (var (key, value) in config.OrderBy(p => p.Key, StringComparer.InvariantCulture).ToList())
        {
            config.Remove(key);
            sorted.Add(key, value);
        }

        return sorted.ToJsonString(ConfigJsonOptions);
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Languages and templates have no key in our store; a stable one keeps exports byte-identical.</summary>
    private static Guid DeterministicKey(string text) => UsyncKeys.Deterministic(text);
}
