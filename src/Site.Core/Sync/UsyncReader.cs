using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Site.Core.Content;
using Site.Core.Languages;
using Site.Core.Workflow;

namespace Site.Core.Sync;

/// <summary>Reads a uSync folder (Languages, DataTypes, Dictionary, ContentTypes, Content) into a checked package.</summary>
internal static class UsyncReader
{
    /// <summary>The largest file read. uSync's files are kilobytes; a larger one is a mistake or an attack, not content.</summary>
    internal const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The deepest nesting read. uSync's files nest five levels; building a tree of XML costs the square of its depth
    /// (every element added checks its ancestors), so a deep file would hold the import for hours.
    /// </summary>
    internal const int MaxDepth = 64;

    private static readonly HashSet<string> ReadFolders = new(StringComparer.Ordinal)
    {
        "Languages", "DataTypes", "Dictionary", "ContentTypes", "Content", "MediaTypes", "MemberTypes", "Templates", "Media",
    };

    /// <summary>No DTD: its entities could read files or addresses, or expand a few bytes into gigabytes.</summary>
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
    };

    /// <summary>Reads and checks the folder; the package is null when anything is wrong (all or nothing).</summary>
    public static (UsyncPackage? Package, IReadOnlyList<SyncProblem> Problems) Read(string root)
    {
        var result = Read(root, UsyncImportOptions.AllOrNothing);
        return (result.Package, result.Problems);
    }

    /// <summary>
    /// Reads and checks the folder. All or nothing by default; with <see cref="UsyncImportOptions.Partial"/> every file
    /// with a problem is left out (with what then no longer fits, e.g. the content of a left-out type), and its
    /// problems are listed as skipped.
    /// </summary>
    public static UsyncReadResult Read(string root, UsyncImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<SyncProblem>();
        if (!Directory.Exists(root))
        {
            return new(null, [new SyncProblem(root, "the uSync folder does not exist")], []);
        }

        var notes = new List<SyncProblem>();
        var markers = new List<UsyncMarker>();
        var files = new UsyncFiles(
            ReadAll(root, "Languages", problems, markers, ReadLanguage),
            ReadAll(root, "DataTypes", problems, markers, ReadDataType),
            ReadAll(root, "Dictionary", problems, markers, ReadDictionaryItem),
            ReadAll(root, "ContentTypes", problems, markers, r => ReadContentType(r, "ContentType")),
            ReadAll(root, "Content", problems, markers, r => ReadContent(r, "Content")));

        // Read for their problems and kept as notes: the site has no templates to run, a media library and members of its own.
        foreach (var (file, _) in ReadAll(root, "MediaTypes", problems, markers, r => ReadContentType(r, "MediaType")))
        {
            notes.Add(new SyncProblem(file, "media type read and not imported: the site's media library has its own fixed shape"));
        }

        foreach (var (file, _) in ReadAll(root, "MemberTypes", problems, markers, r => ReadContentType(r, "MemberType")))
        {
            notes.Add(new SyncProblem(file, "member type read and not imported: the site's members have their own fixed shape"));
        }

        var templates = ReadAll(root, "Templates", problems, markers, ReadTemplate);
        foreach (var (file, template) in templates)
        {
            notes.Add(new SyncProblem(file, $"template \"{template.Name}\" kept only for the export, with the document types that allow it: Razor templates are not run; pages use the site's own views, or its generic page"));
        }

        foreach (var (file, _) in ReadAll(root, "Media", problems, markers, r => ReadContent(r, "Media")))
        {
            notes.Add(new SyncProblem(file, "media item read and not imported: uSync files do not hold the media file itself; upload it to the media library"));
        }

        // uSync's other folders (Domains, Macros, Members, Users, RelationTypes, Forms…) name nothing this site keeps.
        foreach (var folder in Directory.EnumerateDirectories(root).Select(Path.GetFileName).OfType<string>().Where(f => !ReadFolders.Contains(f)).Order(StringComparer.Ordinal))
        {
            notes.Add(new SyncProblem(folder, "folder not imported: the site keeps nothing of this kind from uSync"));
        }

        var skipped = new List<SyncProblem>();
        if (problems.Count > 0)
        {
            if (!options.Partial)
            {
                return new(null, problems, []);
            }

            skipped.AddRange(problems); // a file that could not be read holds nothing to leave out
        }

        var removals = Markers(markers, files, notes);
        UsyncPackage? package;
        while (true)
        {
            var round = new List<SyncProblem>();
            package = Assemble(files, round, notes);
            if (round.Count == 0)
            {
                break;
            }

            // A problem of the folder as a whole (no language, no default) names no file to leave out: refused.
            if (!options.Partial || !files.Drop(round.Select(p => p.File).ToHashSet(StringComparer.Ordinal)))
            {
                return new(null, round, []);
            }

            skipped.AddRange(round);
        }

        return new(package! with { ContentTypes = WithTemplateFiles(package.ContentTypes, templates), Removals = removals, Notes = notes }, [], [.. skipped.Concat(notes)]);
    }

    /// <summary>
    /// The templates' files kept with the types that allow them (by key, else alias): the site has no templates of its
    /// own, and a template no type allows names nothing the site shows.
    /// </summary>
    private static List<ContentType> WithTemplateFiles(IReadOnlyList<ContentType> types, List<(string File, TemplateReference Item)> templates)
    {
        TemplateReference Complete(TemplateReference reference)
        {
            var file = templates.Select(t => t.Item).FirstOrDefault(t => t.Key == reference.Key)
                ?? templates.Select(t => t.Item).FirstOrDefault(t => string.Equals(t.Alias, reference.Alias, StringComparison.OrdinalIgnoreCase));
            return file is null ? reference : reference with { Name = file.Name, Parent = file.Parent };
        }

        return [.. types.Select(t => t.AllowedTemplates.Count == 0 ? t : t with { AllowedTemplates = [.. t.AllowedTemplates.Select(Complete)] })];
    }

    /// <summary>Builds the package from what was read and checks it; null when there are problems.</summary>
    private static UsyncPackage? Assemble(UsyncFiles files, List<SyncProblem> problems, List<SyncProblem> notes)
    {
        var languages = files.Languages;
        var types = ResolveCompositions(files.ContentTypes, problems);
        var dataTypes = files.DataTypes;
        var dictionary = ResolveDictionaryParents(files.Dictionary, problems, notes);
        var byAlias = new Dictionary<string, ContentType>(StringComparer.Ordinal);
        var byKey = new Dictionary<Guid, ContentType>();
        foreach (var (_, type) in types)
        {
            byAlias.TryAdd(type.Alias, type);
            byKey.TryAdd(type.Key, type);
        }

        var content = new List<UsyncContentItem>();
        var defaultCulture = languages.Select(l => l.Item).FirstOrDefault(l => l.IsDefault)?.IsoCode ?? string.Empty;
        foreach (var (file, item) in files.Content)
        {
            if (item.Trashed)
            {
                if (!notes.Any(n => n.File == file))
                {
                    notes.Add(new SyncProblem(file, "in the recycle bin: not imported"));
                }

                continue;
            }

            content.Add(Complete(item, file, languages.Select(l => l.Item.IsoCode).ToList(), defaultCulture, byAlias.GetValueOrDefault(item.ContentTypeAlias), byKey.GetValueOrDefault));
        }

        var package = new UsyncPackage(
            [.. languages.Select(x => x.Item)],
            [.. dataTypes.Select(x => x.Item)],
            [.. dictionary.Select(x => x.Item)],
            [.. types.Select(x => x.Item)],
            content);
        if (problems.Count == 0)
        {
            UsyncPackageChecker.Check(package, languages, dataTypes, dictionary, types, problems);
        }

        return problems.Count > 0 ? null : package;
    }

    /// <summary>
    /// What uSync's <c>&lt;Empty&gt;</c> markers ask for. Rename: nothing (the item is read from its own file). Delete
    /// and Clean of content: removals the import carries out. Of the schema: nothing, as the folder replaces it whole.
    /// </summary>
    private static List<UsyncRemoval> Markers(List<UsyncMarker> markers, UsyncFiles files, List<SyncProblem> notes)
    {
        var removals = new List<UsyncRemoval>();
        var contentKeys = files.Content.Select(c => c.Item.Key).ToHashSet();
        foreach (var marker in markers)
        {
            var content = marker.Folder == "Content";
            var note = marker.Change switch
            {
                MarkerChange.Rename => "renamed or moved: the item is read from its own file",
                MarkerChange.None => "an empty marker with no change: nothing to do",
                MarkerChange.Delete when content && contentKeys.Contains(marker.Key) => "a delete marker for a node the folder also holds: the node is kept",
                MarkerChange.Delete when content => null,
                MarkerChange.Clean when content => null,
                MarkerChange.Delete or MarkerChange.Clean when marker.Folder == "Media" => "media is not imported: nothing to remove",
                _ => "the folder replaces the site's schema as a whole: what it does not hold is removed anyway",
            };
            if (note is not null)
            {
                notes.Add(new SyncProblem(marker.File, note));
            }
            else
            {
                removals.Add(new UsyncRemoval(marker.Key, marker.Change == MarkerChange.Clean, marker.File));
            }
        }

        return removals;
    }

    /// <summary>
    /// Dictionary items with the key of the item each is nested under: uSync names the parent by its alias
    /// (<c>&lt;Info&gt;&lt;Parent&gt;Site&lt;/Parent&gt;</c>); a <c>Key</c> attribute on it is read too. A parent the
    /// folder does not hold leaves the item at the top, as uSync does (noted); a loop of parents is a problem.
    /// </summary>
    private static List<(string File, DictionaryItem Item)> ResolveDictionaryParents(
        List<(string File, UsyncDictionaryRead Item)> read, List<SyncProblem> problems, List<SyncProblem> notes)
    {
        var byAlias = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        var keys = new HashSet<Guid>();
        foreach (var (_, entry) in read)
        {
            byAlias.TryAdd(entry.Item.Alias, entry.Item.Key);
            keys.Add(entry.Item.Key);
        }

        var resolved = new List<(string File, DictionaryItem Item)>();
        foreach (var (file, entry) in read)
        {
            Guid? parent = null;
            if (entry.ParentKey is { } key && keys.Contains(key))
            {
                parent = key;
            }
            else if (entry.ParentAlias is { } alias && byAlias.TryGetValue(alias, out var byName))
            {
                parent = byName;
            }
            else if (entry.ParentAlias is not null || entry.ParentKey is not null)
            {
                var note = new SyncProblem(file, $"the parent \"{entry.ParentAlias ?? entry.ParentKey.ToString()}\" is not in Dictionary: the item is kept at the top level");
                if (!notes.Contains(note))
                {
                    notes.Add(note);
                }
            }

            resolved.Add((file, entry.Item with { ParentKey = parent }));
        }

        var parents = new Dictionary<Guid, Guid?>();
        foreach (var (_, item) in resolved)
        {
            parents.TryAdd(item.Key, item.ParentKey); // two items with one key are the checker's problem
        }

        foreach (var (file, item) in resolved)
        {
            var seen = new HashSet<Guid> { item.Key };
            for (var parent = item.ParentKey; parent is { } key; parent = parents.GetValueOrDefault(key))
            {
                if (!seen.Add(key))
                {
                    problems.Add(new SyncProblem(file, $"the dictionary item \"{item.Alias}\" is nested under itself (its parents loop)"));
                    break;
                }
            }
        }

        return resolved;
    }

    /// <summary>A type with the properties and tabs of its compositions (uSync lists a composition by alias; compositions may compose).</summary>
    private static List<(string File, ContentType Item)> ResolveCompositions(List<(string File, UsyncType Item)> types, List<SyncProblem> problems)
    {
        var byAlias = new Dictionary<string, UsyncType>(StringComparer.Ordinal);
        foreach (var (_, type) in types)
        {
            byAlias.TryAdd(type.Type.Alias, type);
        }

        var resolved = new List<(string, ContentType)>();
        foreach (var (file, type) in types)
        {
            var properties = new List<PropertyType>(type.Type.Properties);
            var tabs = new List<PropertyTab>(type.Type.Tabs);
            var seen = new HashSet<string>(StringComparer.Ordinal) { type.Type.Alias };
            var pending = new Queue<string>(type.Compositions);
            while (pending.TryDequeue(out var alias))
            {
                if (!seen.Add(alias))
                {
                    continue;
                }

                if (!byAlias.TryGetValue(alias, out var composition))
                {
                    problems.Add(new SyncProblem(file, $"the composition \"{alias}\" is not in ContentTypes"));
                    continue;
                }

                properties.AddRange(composition.Type.Properties.Where(p => properties.All(o => o.Alias != p.Alias)));
                tabs.AddRange(composition.Type.Tabs.Where(t => tabs.All(o => o.Alias != t.Alias)));
                foreach (var next in composition.Compositions)
                {
                    pending.Enqueue(next);
                }
            }

            resolved.Add((file, type.Type with
            {
                Properties = [.. properties.OrderBy(p => p.SortOrder)],
                Tabs = [.. tabs.OrderBy(t => t.SortOrder)],
                Compositions = [.. type.Compositions.Where(byAlias.ContainsKey).Distinct(StringComparer.Ordinal)],
            }));
        }

        return resolved;
    }

    /// <summary>
    /// A node as the engine keeps it: an invariant node (uSync writes only <c>NodeName Default</c> and
    /// <c>Published Default</c>) gets its name and published state in every language, and values take the shape the
    /// engine stores (see <see cref="UsyncValues"/>).
    /// </summary>
    private static UsyncContentItem Complete(UsyncRead item, string file, List<string> cultures, string defaultCulture, ContentType? type, Func<Guid, ContentType?> elementTypes)
    {
        var names = new Dictionary<string, string>(item.Names, StringComparer.OrdinalIgnoreCase);
        if (names.Count == 0 && item.DefaultName is { } name)
        {
            foreach (var culture in cultures)
            {
                names[culture] = name;
            }
        }

        var published = item.Published.Count == 0 && item.PublishedByDefault && item.Names.Count == 0 ? cultures : item.Published;
        var values = type is null ? item.Values : [.. item.Values.Select(v => UsyncValues.Normalize(type.FindProperty(v.Alias), v, elementTypes))];
        return new UsyncContentItem(item.Key, item.ParentKey, item.ContentTypeAlias, item.SortOrder, item.CreateDateUtc, new ContentData(names, values), published, file)
        {
            // The engine schedules per culture: an invariant node's entry is the default language's.
            Schedules = [.. item.Schedules.Select(s => s.Culture.Length == 0 ? s with { Culture = defaultCulture } : s)],
        };
    }

    private static List<(string File, T Item)> ReadAll<T>(
        string root, string folder, List<SyncProblem> problems, List<UsyncMarker> markers, Func<XElement, T> read)
    {
        var items = new List<(string, T)>();
        var path = Path.Combine(root, folder);
        if (!Directory.Exists(path))
        {
            return items;
        }

        foreach (var file in Directory.EnumerateFiles(path, "*.config", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            try
            {
                var document = Load(file);
                var element = document.Root ?? throw new UsyncFormatException("the file has no root element");
                if (element.Name.LocalName == "Empty")
                {
                    markers.Add(ReadMarker(element, folder, relative));
                    continue;
                }

                items.Add((relative, read(element)));
            }
            catch (XmlException ex)
            {
                problems.Add(new SyncProblem(relative, $"not well-formed XML: {ex.Message}"));
            }
            catch (UsyncFormatException ex)
            {
                problems.Add(new SyncProblem(relative, ex.Message));
            }
        }

        return items;
    }

    /// <summary>uSync's marker for an item renamed, deleted or cleaned away: <c>&lt;Empty Key Alias Change&gt;</c>.</summary>
    private static UsyncMarker ReadMarker(XElement root, string folder, string file)
    {
        var text = ((string?)root.Attribute("Change"))?.Trim();
        var change = string.IsNullOrEmpty(text) ? MarkerChange.None
            : Enum.TryParse<MarkerChange>(text, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(text[0]) ? parsed
            : throw new UsyncFormatException($"<Empty> has the change \"{text}\"; uSync writes Rename, Delete or Clean");
        var keyText = (string?)root.Attribute("Key");
        var key = string.IsNullOrWhiteSpace(keyText) ? Guid.Empty
            : Guid.TryParse(keyText, out var parsedKey) ? parsedKey
            : throw new UsyncFormatException($"Key \"{keyText}\" is not a GUID");
        if (key == Guid.Empty && change == MarkerChange.Delete)
        {
            throw new UsyncFormatException("a delete marker (<Empty Change=\"Delete\">) has no Key");
        }

        return new UsyncMarker(folder, change, key, (string?)root.Attribute("Alias") ?? string.Empty, file);
    }

    /// <summary>The file as a tree, after one pass that refuses a file too large, too deep or with a DTD.</summary>
    private static XDocument Load(string file)
    {
        if (new FileInfo(file).Length > MaxFileBytes)
        {
            throw new UsyncFormatException($"the file is larger than {MaxFileBytes / (1024 * 1024)} MB");
        }

        var bytes = File.ReadAllBytes(file);
        var seenElement = false;
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(bytes, writable: false), XmlSettings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    seenElement = true;
                    if (reader.Depth >= MaxDepth)
                    {
                        throw new UsyncFormatException($"elements are nested more than {MaxDepth} levels deep{LineOf((IXmlLineInfo)reader)}");
                    }
                }
            }
        }
        catch (XmlException) when (!seenElement && HasDoctype(bytes))
        {
            throw new UsyncFormatException("the file has a DTD (<!DOCTYPE …>), which uSync files never have; it is refused so that no entity is expanded and no other file or address is read");
        }

        using var treeReader = XmlReader.Create(new MemoryStream(bytes, writable: false), XmlSettings);
        return XDocument.Load(treeReader, LoadOptions.SetLineInfo);
    }

    /// <summary>Whether the prolog declares a DTD: the reader refuses one before the root element, with a message about its own settings.</summary>
    private static bool HasDoctype(byte[] bytes)
    {
        using var text = new StreamReader(new MemoryStream(bytes, writable: false), detectEncodingFromByteOrderMarks: true);
        return text.ReadToEnd().Contains("<!DOCTYPE", StringComparison.Ordinal);
    }

    /// <summary>
    /// A language as uSync writes it (<c>Name</c>, <c>IsoCode</c>, <c>IsMandatory</c>, <c>IsDefault</c>, <c>Fallback</c>
    /// directly under <c>&lt;Language&gt;</c>), or as this site's files wrote it before (the same inside <c>&lt;Info&gt;</c>,
    /// the name as <c>CultureName</c>).
    /// </summary>
    private static Language ReadLanguage(XElement root)
    {
        Expect(root, "Language");
        var info = root.Element("Info") is { } wrapped && wrapped.Element("IsoCode") is not null ? wrapped : root;
        var iso = RequiredText(info, "IsoCode");
        try
        {
            _ = CultureInfo.GetCultureInfo(iso, predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            throw new UsyncFormatException($"\"{iso}\" is not a known culture");
        }

        return new Language(
            iso,
            NullIfEmpty((string?)info.Element("Name")) ?? NullIfEmpty((string?)info.Element("CultureName")) ?? iso,
            Bool(info, "IsDefault"),
            Bool(info, "IsMandatory"),
            NullIfEmpty((string?)info.Element("Fallback")));
    }

    private static DataType ReadDataType(XElement root)
    {
        Expect(root, "DataType");
        var info = Required(root, "Info");
        var editor = UsyncValues.EditorAlias(RequiredText(info, "EditorAlias"));
        if (!PropertyEditors.IsKnown(editor))
        {
            throw new UsyncFormatException($"the editor \"{editor}\" is not supported (supported: {string.Join(", ", PropertyEditors.All.Order(StringComparer.Ordinal))})");
        }

        var config = ((string?)root.Element("Config") ?? string.Empty).Trim();
        int? maxChars;
        try
        {
            config = UsyncValues.CamelCaseConfig(UsyncValues.CompactJson(config));
            maxChars = Storage.ContentMapping.ReadMaxChars(config);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new UsyncFormatException($"<Config> is not valid JSON: {ex.Message}");
        }

        // uSync 14+ names the back-office editor (<EditorUIAlias>); uSync 9–13 wrote <DatabaseType> instead, which the
        // editor decides anyway: such a data type gets the editor's core UI, as Umbraco's upgrade gives it.
        return new DataType(KeyOf(root), AliasOf(root), editor, config.Length == 0 ? "{}" : config, maxChars)
        {
            EditorUiAlias = NullIfEmpty((string?)info.Element("EditorUIAlias")) ?? PropertyEditors.DefaultUiAlias(editor),
        };
    }

    /// <summary>A dictionary item, with the parent its <c>&lt;Info&gt;&lt;Parent&gt;</c> names (by alias, as uSync writes it, or by a Key attribute).</summary>
    private static UsyncDictionaryRead ReadDictionaryItem(XElement root)
    {
        Expect(root, "Dictionary");
        var translations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var translation in root.Element("Translations")?.Elements("Translation") ?? [])
        {
            var language = (string?)translation.Attribute("Language") ?? throw new UsyncFormatException("a <Translation> has no Language attribute");
            if (translation.Value.Length > 0)
            {
                translations[language] = translation.Value;
            }
        }

        var parent = root.Element("Info")?.Element("Parent");
        Guid? parentKey = parent?.Attribute("Key") is { } keyAttribute ? GuidOf(keyAttribute, "Parent Key") : null;
        return new UsyncDictionaryRead(
            new DictionaryItem(KeyOf(root), AliasOf(root), translations),
            NullIfEmpty(parent?.Value),
            parentKey == Guid.Empty ? null : parentKey);
    }

    private static UsyncType ReadContentType(XElement root, string rootName)
    {
        Expect(root, rootName);
        var info = Required(root, "Info");
        var tabs = (root.Element("Tabs")?.Elements("Tab") ?? []).Select(tab => new PropertyTab(
            GuidOf(tab.Element("Key"), "Tab Key"),
            RequiredText(tab, "Alias"),
            (string?)tab.Element("Caption") ?? string.Empty,
            Int(tab, "SortOrder"))).ToList();
        var properties = new List<PropertyType>();
        foreach (var property in root.Element("GenericProperties")?.Elements("GenericProperty") ?? [])
        {
            var alias = RequiredText(property, "Alias");
            var editor = UsyncValues.EditorAlias(RequiredText(property, "Type"));
            if (!PropertyEditors.IsKnown(editor))
            {
                throw new UsyncFormatException($"property \"{alias}\": the editor \"{editor}\" is not supported");
            }

            var tab = property.Element("Tab");
            properties.Add(new PropertyType(
                GuidOf(property.Element("Key"), $"property \"{alias}\" Key"),
                alias,
                (string?)property.Element("Name") ?? alias,
                ((string?)property.Element("Description") ?? string.Empty).Trim(),
                GuidOf(property.Element("Definition"), $"property \"{alias}\" Definition"),
                editor,
                IsCulture(property.Element("Variations")),
                Bool(property, "Mandatory"),
                NullIfEmpty((string?)property.Element("Validation")),
                NullIfEmpty((string?)property.Element("MandatoryMessage")),
                NullIfEmpty((string?)property.Element("ValidationRegExpMessage")),
                Int(property, "SortOrder"),
                (string?)tab?.Attribute("Alias") ?? "content",
                tab?.Value ?? "Content"));
        }

        var duplicate = properties.GroupBy(p => p.Alias, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new UsyncFormatException($"the property \"{duplicate.Key}\" is defined twice");
        }

        var type = new ContentType(
            KeyOf(root),
            AliasOf(root),
            RequiredText(info, "Name"),
            (string?)info.Element("Icon") ?? string.Empty,
            ((string?)info.Element("Description") ?? string.Empty).Trim(),
            Bool(info, "AllowAtRoot"),
            IsCulture(info.Element("Variations")),
            [.. (root.Element("Structure")?.Elements() ?? []).Select(e => e.Value.Trim()).Where(a => a.Length > 0)],
            [.. properties.OrderBy(p => p.SortOrder)],
            [.. tabs.OrderBy(t => t.SortOrder)],
            Bool(info, "IsElement"),
            HasTemplate(info))
        {
            DefaultTemplateAlias = NullIfEmpty(((string?)info.Element("DefaultTemplate"))?.Trim()),
            AllowedTemplates = [.. (info.Element("AllowedTemplates")?.Elements("Template") ?? []).Where(t => t.Value.Trim().Length > 0).Select(ReadTemplateReference)],
        };
        var compositions = (info.Element("Compositions")?.Elements("Composition") ?? []).Select(c => c.Value.Trim()).Where(a => a.Length > 0).ToList();
        return new UsyncType(type, compositions);
    }

    /// <summary>An allowed template: its alias, and its key (made from the alias when the file gives none).</summary>
    private static TemplateReference ReadTemplateReference(XElement template)
    {
        var alias = template.Value.Trim();
        return new TemplateReference(template.Attribute("Key") is { } key ? GuidOf(key, $"template \"{alias}\" Key") : UsyncKeys.Template(alias), alias);
    }

    /// <summary>A template: key, alias, name and parent (uSync v14+ writes no markup; v13 its Razor, which this site never runs).</summary>
    private static TemplateReference ReadTemplate(XElement root)
    {
        Expect(root, "Template");
        return new TemplateReference(KeyOf(root), AliasOf(root))
        {
            Name = NullIfEmpty((string?)root.Element("Name")) ?? AliasOf(root),
            Parent = ((string?)root.Element("Parent"))?.Trim() ?? string.Empty,
        };
    }

    private static UsyncRead ReadContent(XElement root, string rootName)
    {
        Expect(root, rootName);
        var info = Required(root, "Info");
        var parentElement = info.Element("Parent");
        var parent = parentElement?.Attribute("Key") is { } parentKey ? GuidOf(parentKey, "Parent Key") : Guid.Empty;
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var nodeName = Required(info, "NodeName");
        foreach (var name in nodeName.Elements("Name"))
        {
            names[(string?)name.Attribute("Culture") ?? throw new UsyncFormatException("a <Name> has no Culture attribute")] = name.Value;
        }

        var published = new List<string>();
        var publishedElement = info.Element("Published");
        foreach (var culture in publishedElement?.Elements("Published") ?? [])
        {
            if (string.Equals(culture.Value.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                published.Add((string?)culture.Attribute("Culture") ?? throw new UsyncFormatException("a <Published> has no Culture attribute"));
            }
        }

        var values = new List<PropertyValue>();
        foreach (var property in root.Element("Properties")?.Elements() ?? [])
        {
            foreach (var value in property.Elements("Value"))
            {
                var culture = NullIfEmpty((string?)value.Attribute("Culture"));
                if (value.Value.Length > 0)
                {
                    values.Add(new PropertyValue(property.Name.LocalName, culture, value.Value));
                }
            }
        }

        var createText = (string?)info.Element("CreateDate");
        var created = DateTime.TryParse(createText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new UsyncFormatException($"<CreateDate> \"{createText}\" is not a date");
        return new UsyncRead(
            KeyOf(root),
            parent == Guid.Empty ? null : parent,
            RequiredText(info, "ContentType"),
            Int(info, "SortOrder"),
            created,
            names,
            NullIfEmpty((string?)nodeName.Attribute("Default")),
            values,
            published,
            string.Equals(((string?)publishedElement?.Attribute("Default"))?.Trim(), "true", StringComparison.OrdinalIgnoreCase),
            Bool(info, "Trashed"))
        {
            Schedules = [.. (info.Element("Schedule")?.Elements("ContentSchedule") ?? []).Select(ReadSchedule)],
        };
    }

    /// <summary>uSync's <c>&lt;ContentSchedule&gt;&lt;Culture/&gt;&lt;Action/&gt;&lt;Date/&gt;</c>: Release or Expire at a date (read as UTC).</summary>
    private static UsyncSchedule ReadSchedule(XElement schedule)
    {
        var action = ((string?)schedule.Element("Action"))?.Trim();
        var kind = action switch
        {
            "Release" => ScheduledActionKind.Publish,
            "Expire" => ScheduledActionKind.Unpublish,
            _ => throw new UsyncFormatException($"<ContentSchedule> has the action \"{action}\"; uSync writes Release or Expire"),
        };
        var dateText = ((string?)schedule.Element("Date"))?.Trim();
        return DateTime.TryParse(dateText, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var date)
            ? new UsyncSchedule(((string?)schedule.Element("Culture"))?.Trim() ?? string.Empty, kind, date)
            : throw new UsyncFormatException($"<ContentSchedule> has the date \"{dateText}\", which is not a date");
    }

    private static void Expect(XElement root, string name)
    {
        if (root.Name.LocalName != name)
        {
            throw new UsyncFormatException($"expected a <{name}> element but found <{root.Name.LocalName}>");
        }
    }

    private static XElement Required(XElement parent, string name) =>
        parent.Element(name) ?? throw new UsyncFormatException($"<{parent.Name.LocalName}> has no <{name}>{LineOf(parent)}");

    private static string RequiredText(XElement parent, string name)
    {
        var text = ((string?)Required(parent, name))?.Trim();
        return string.IsNullOrEmpty(text) ? throw new UsyncFormatException($"<{name}> is empty{LineOf(parent)}") : text;
    }

    private static Guid KeyOf(XElement root) => GuidOf(root.Attribute("Key"), "Key");

    private static string AliasOf(XElement root) =>
        NullIfEmpty((string?)root.Attribute("Alias")) ?? throw new UsyncFormatException($"<{root.Name.LocalName}> has no Alias");

    private static Guid GuidOf(XObject? node, string what)
    {
        var text = node switch
        {
            XAttribute attribute => attribute.Value,
            XElement element => element.Value,
            _ => null,
        };
        return Guid.TryParse(text, out var key) ? key : throw new UsyncFormatException($"{what} \"{text}\" is not a GUID");
    }

    private static bool Bool(XElement parent, string name)
    {
        var text = ((string?)parent.Element(name))?.Trim();
        return string.IsNullOrEmpty(text) ? false
            : bool.TryParse(text, out var value) ? value
            : throw new UsyncFormatException($"<{name}> \"{text}\" is not true or false{LineOf(parent)}");
    }

    private static int Int(XElement parent, string name)
    {
        var text = ((string?)parent.Element(name))?.Trim();
        return string.IsNullOrEmpty(text) ? 0
            : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
            : throw new UsyncFormatException($"<{name}> \"{text}\" is not a whole number{LineOf(parent)}");
    }

    /// <summary>
    /// Whether a content type names a template, as uSync writes it (a default template or allowed ones). Umbraco
    /// renders no page for a node whose type has none: such a type (site settings) holds data only.
    /// </summary>
    private static bool HasTemplate(XElement info) =>
        !string.IsNullOrWhiteSpace((string?)info.Element("DefaultTemplate"))
        || (info.Element("AllowedTemplates")?.Elements("Template").Any() ?? false);

    private static bool IsCulture(XElement? variations) =>
        variations is not null && variations.Value.Contains("Culture", StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string LineOf(XElement element) => LineOf((IXmlLineInfo)element);

    private static string LineOf(IXmlLineInfo position) =>
        position.HasLineInfo() ? $" (line {position.LineNumber})" : string.Empty;
}

internal sealed class UsyncFormatException(string message) : Exception(message);

/// <summary>The outcome of reading a folder: the package (null when refused), the problems, and what was skipped or only noted.</summary>
internal sealed record UsyncReadResult(UsyncPackage? Package, IReadOnlyList<SyncProblem> Problems, IReadOnlyList<SyncProblem> Skipped);

/// <summary>What uSync's <c>&lt;Empty Change="…"&gt;</c> asks for (its SyncActionType).</summary>
internal enum MarkerChange
{
    None = 0,
    Rename = 1,
    Delete = 2,
    Clean = 3,
}

internal sealed record UsyncMarker(string Folder, MarkerChange Change, Guid Key, string Alias, string File);

/// <summary>A dictionary item as read, before the parent its file names is looked up.</summary>
internal sealed record UsyncDictionaryRead(DictionaryItem Item, string? ParentAlias, Guid? ParentKey);

/// <summary>A content type as read, before its compositions are merged in.</summary>
internal sealed record UsyncType(ContentType Type, IReadOnlyList<string> Compositions);

/// <summary>A node as read: an invariant one has only a default name and published flag.</summary>
internal sealed record UsyncRead(
    Guid Key,
    Guid? ParentKey,
    string ContentTypeAlias,
    int SortOrder,
    DateTime CreateDateUtc,
    IReadOnlyDictionary<string, string> Names,
    string? DefaultName,
    IReadOnlyList<PropertyValue> Values,
    IReadOnlyList<string> Published,
    bool PublishedByDefault,
    bool Trashed)
{
    /// <summary>The file's schedule entries; an empty culture is the invariant node's.</summary>
    public IReadOnlyList<UsyncSchedule> Schedules { get; init; } = [];
}

/// <summary>The items read from each folder, with their files; a partial import drops those of files with problems.</summary>
internal sealed class UsyncFiles(
    List<(string File, Language Item)> languages,
    List<(string File, DataType Item)> dataTypes,
    List<(string File, UsyncDictionaryRead Item)> dictionary,
    List<(string File, UsyncType Item)> contentTypes,
    List<(string File, UsyncRead Item)> content)
{
    public List<(string File, Language Item)> Languages { get; } = languages;

    public List<(string File, DataType Item)> DataTypes { get; } = dataTypes;

    public List<(string File, UsyncDictionaryRead Item)> Dictionary { get; } = dictionary;

    public List<(string File, UsyncType Item)> ContentTypes { get; } = contentTypes;

    public List<(string File, UsyncRead Item)> Content { get; } = content;

    /// <summary>Leaves out the items of these files; false when none of them held an item.</summary>
    public bool Drop(IReadOnlySet<string> files)
    {
        var removed = Languages.RemoveAll(x => files.Contains(x.File))
            + DataTypes.RemoveAll(x => files.Contains(x.File))
            + Dictionary.RemoveAll(x => files.Contains(x.File))
            + ContentTypes.RemoveAll(x => files.Contains(x.File))
            + Content.RemoveAll(x => files.Contains(x.File));
        return removed > 0;
    }
}
