using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Site.Core.Content;
using Site.Core.Languages;

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

    /// <summary>No DTD: its entities could read files or addresses, or expand a few bytes into gigabytes.</summary>
    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
    };

    public static (UsyncPackage? Package, IReadOnlyList<SyncProblem> Problems) Read(string root)
    {
        var problems = new List<SyncProblem>();
        if (!Directory.Exists(root))
        {
            return (null, [new SyncProblem(root, "the uSync folder does not exist")]);
        }

        var languages = ReadAll(root, "Languages", problems, ReadLanguage);
        var dataTypes = ReadAll(root, "DataTypes", problems, ReadDataType);
        var dictionary = ReadAll(root, "Dictionary", problems, ReadDictionaryItem);
        var contentTypes = ReadAll(root, "ContentTypes", problems, ReadContentType);
        var content = ReadAll(root, "Content", problems, ReadContent);
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var package = new UsyncPackage(
            [.. languages.Select(x => x.Item)],
            [.. dataTypes.Select(x => x.Item)],
            [.. dictionary.Select(x => x.Item)],
            [.. contentTypes.Select(x => x.Item)],
            [.. content.Select(x => x.Item with { File = x.File })]);
        UsyncPackageChecker.Check(package, languages, dataTypes, dictionary, contentTypes, problems);
        return problems.Count > 0 ? (null, problems) : (package, problems);
    }

    private static List<(string File, T Item)> ReadAll<T>(string root, string folder, List<SyncProblem> problems, Func<XElement, T> read)
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
                items.Add((relative, read(document.Root ?? throw new UsyncFormatException("the file has no root element"))));
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

    private static Language ReadLanguage(XElement root)
    {
        Expect(root, "Language");
        var info = Required(root, "Info");
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
            (string?)info.Element("CultureName") ?? iso,
            Bool(info, "IsDefault"),
            Bool(info, "IsMandatory"),
            NullIfEmpty((string?)info.Element("Fallback")));
    }

    private static DataType ReadDataType(XElement root)
    {
        Expect(root, "DataType");
        var info = Required(root, "Info");
        var editor = RequiredText(info, "EditorAlias");
        if (!PropertyEditors.IsKnown(editor))
        {
            throw new UsyncFormatException($"the editor \"{editor}\" is not supported (supported: {string.Join(", ", PropertyEditors.All)})");
        }

        var config = ((string?)root.Element("Config") ?? string.Empty).Trim();
        int? maxChars;
        try
        {
            maxChars = Storage.ContentMapping.ReadMaxChars(config);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new UsyncFormatException($"<Config> is not valid JSON: {ex.Message}");
        }

        return new DataType(KeyOf(root), AliasOf(root), editor, config.Length == 0 ? "{}" : config, maxChars);
    }

    private static DictionaryItem ReadDictionaryItem(XElement root)
    {
        Expect(root, "Dictionary");
        var translations = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var translation in root.Element("Translations")?.Elements("Translation") ?? [])
        {
            var language = (string?)translation.Attribute("Language") ?? throw new UsyncFormatException("a <Translation> has no Language attribute");
            translations[language] = translation.Value;
        }

        return new DictionaryItem(KeyOf(root), AliasOf(root), translations);
    }

    private static ContentType ReadContentType(XElement root)
    {
        Expect(root, "ContentType");
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
            var editor = RequiredText(property, "Type");
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

        return new ContentType(
            KeyOf(root),
            AliasOf(root),
            RequiredText(info, "Name"),
            (string?)info.Element("Icon") ?? string.Empty,
            ((string?)info.Element("Description") ?? string.Empty).Trim(),
            Bool(info, "AllowAtRoot"),
            IsCulture(info.Element("Variations")),
            [.. (root.Element("Structure")?.Elements("ContentType") ?? []).Select(e => e.Value.Trim())],
            [.. properties.OrderBy(p => p.SortOrder)],
            [.. tabs.OrderBy(t => t.SortOrder)],
            Bool(info, "IsElement"),
            HasTemplate(info));
    }

    private static UsyncContentItem ReadContent(XElement root)
    {
        Expect(root, "Content");
        var info = Required(root, "Info");
        var parent = GuidOf(info.Element("Parent")?.Attribute("Key"), "Parent Key");
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var nodeName = Required(info, "NodeName");
        foreach (var name in nodeName.Elements("Name"))
        {
            names[(string?)name.Attribute("Culture") ?? throw new UsyncFormatException("a <Name> has no Culture attribute")] = name.Value;
        }

        var published = new List<string>();
        foreach (var culture in info.Element("Published")?.Elements("Published") ?? [])
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
        return new UsyncContentItem(
            KeyOf(root),
            parent == Guid.Empty ? null : parent,
            RequiredText(info, "ContentType"),
            Int(info, "SortOrder"),
            created,
            new ContentData(names, values),
            published,
            string.Empty);
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
