using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace Site.Core.Tests.TestSupport;

/// <summary>A property value of a content file: invariant when <see cref="Culture"/> is null.</summary>
public sealed record ContentFileValue(string Alias, string? Culture, string Value);

/// <summary>What a uSync content file says about a node.</summary>
public sealed record ContentFile(
    Guid Key,
    Guid? ParentKey,
    string ContentType,
    int SortOrder,
    IReadOnlyDictionary<string, string> Names,
    IReadOnlyList<string> PublishedCultures,
    IReadOnlyList<ContentFileValue> Values);

/// <summary>
/// A small, valid uSync folder in a temporary directory, written in the same format as uSync/v14: two languages
/// (zh-CN default and mandatory, en-US), four data types, one dictionary item, two content types ("site" at the root
/// allowing "article"; "article" allowing nothing) and three published nodes. Tests break one file to check a rule.
/// </summary>
public sealed class MiniUsyncFolder : IDisposable
{
    public static readonly Guid TextstringKey = Guid.Parse("10000000-0000-0000-0000-000000000001");
    public static readonly Guid NumericKey = Guid.Parse("10000000-0000-0000-0000-000000000002");
    public static readonly Guid TrueFalseKey = Guid.Parse("10000000-0000-0000-0000-000000000003");
    public static readonly Guid TagsKey = Guid.Parse("10000000-0000-0000-0000-000000000004");
    public static readonly Guid SiteTypeKey = Guid.Parse("20000000-0000-0000-0000-000000000001");
    public static readonly Guid ArticleTypeKey = Guid.Parse("20000000-0000-0000-0000-000000000002");
    public static readonly Guid SiteKey = Guid.Parse("30000000-0000-0000-0000-000000000001");
    public static readonly Guid FirstKey = Guid.Parse("30000000-0000-0000-0000-000000000002");
    public static readonly Guid SecondKey = Guid.Parse("30000000-0000-0000-0000-000000000003");

    /// <summary>The maximum length of a Textstring in this folder (the real site's is 200).</summary>
    public const int TextstringMaxChars = 20;

    public const string CodeMessageEnglish = "Enter three capital letters.";
    public const string CodeMessageChinese = "请输入三个大写字母。";

    private MiniUsyncFolder(string root) => Root = root;

    public string Root { get; }

    public static MiniUsyncFolder Create()
    {
        var folder = new MiniUsyncFolder(Path.Combine(Path.GetTempPath(), "site-tests", "usync-" + Guid.NewGuid().ToString("N")));
        Directory.CreateDirectory(folder.Root);
        folder.Write("Languages/zh-cn.config", Language("zh-CN", "Chinese (Simplified, China)", isDefault: true, isMandatory: true));
        folder.Write("Languages/en-us.config", Language("en-US", "English (United States)", isDefault: false, isMandatory: false));
        folder.Write("DataTypes/textstring.config", DataType(TextstringKey, "Textstring", "Umbraco.TextBox", $"{{\"maxChars\": {TextstringMaxChars}}}"));
        folder.Write("DataTypes/numeric.config", DataType(NumericKey, "Numeric", "Umbraco.Integer", "{}"));
        folder.Write("DataTypes/truefalse.config", DataType(TrueFalseKey, "True/false", "Umbraco.TrueFalse", "{}"));
        folder.Write("DataTypes/tags.config", DataType(TagsKey, "Tags", "Umbraco.Tags", "{}"));
        folder.Write("Dictionary/validation.code.config", DictionaryItem(
            Guid.Parse("40000000-0000-0000-0000-000000000001"), "validation.code", CodeMessageEnglish, CodeMessageChinese));
        folder.Write("ContentTypes/site.config", ContentType(SiteTypeKey, "site", "Site", allowAtRoot: true, ["article"],
            Property("title", "Title", TextstringKey, "Umbraco.TextBox", culture: true, mandatory: true, sortOrder: 0)));
        folder.Write("ContentTypes/article.config", ContentType(ArticleTypeKey, "article", "Article", allowAtRoot: false, [],
            Property("title", "Title", TextstringKey, "Umbraco.TextBox", culture: true, mandatory: true, sortOrder: 0),
            Property("code", "Code", TextstringKey, "Umbraco.TextBox", culture: false, mandatory: false, sortOrder: 1,
                pattern: "^[A-Z]{3}$", patternMessage: "#validation.code"),
            Property("count", "Count", NumericKey, "Umbraco.Integer", culture: false, mandatory: false, sortOrder: 2),
            Property("featured", "Featured", TrueFalseKey, "Umbraco.TrueFalse", culture: false, mandatory: false, sortOrder: 3),
            Property("keywords", "Keywords", TagsKey, "Umbraco.Tags", culture: true, mandatory: false, sortOrder: 4),
            Property("umbracoUrlName", "URL segment", TextstringKey, "Umbraco.TextBox", culture: true, mandatory: false, sortOrder: 5)));
        folder.WriteContent("site", Site());
        folder.WriteContent("first", First());
        folder.WriteContent("second", Second());
        return folder;
    }

    public static ContentFile Site() => new(
        SiteKey, null, "site", 0,
        Names(("en-US", "Home"), ("zh-CN", "首页")),
        ["en-US", "zh-CN"],
        [new("title", "en-US", "Mini site"), new("title", "zh-CN", "小站")]);

    public static ContentFile First() => new(
        FirstKey, SiteKey, "article", 1,
        Names(("en-US", "First article"), ("zh-CN", "第一篇")),
        ["en-US", "zh-CN"],
        [
            new("title", "en-US", "First"), new("title", "zh-CN", "第一"), new("code", null, "ABC"), new("count", null, "3"),
            new("featured", null, "1"), new("keywords", "en-US", "[\"one\"]"), new("keywords", "zh-CN", "[\"一\"]"),
        ]);

    public static ContentFile Second() => new(
        SecondKey, SiteKey, "article", 2,
        Names(("en-US", "Second article"), ("zh-CN", "第二篇")),
        ["zh-CN"],
        [new("title", "en-US", "Second"), new("title", "zh-CN", "第二")]);

    public static IReadOnlyDictionary<string, string> Names(params (string Culture, string Name)[] names) =>
        names.ToDictionary(n => n.Culture, n => n.Name, StringComparer.Ordinal);

    public void Write(string relativePath, XDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var builder = new StringBuilder();
        using (var writer = new Utf8StringWriter(builder))
        {
            document.Save(writer);
        }

        Write(relativePath, builder.ToString());
    }

    public void Write(string relativePath, string text)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    public void WriteContent(string fileName, ContentFile content) => Write($"Content/{fileName}.config", Content(content));

    public void Delete(string relativePath) => File.Delete(Path.Combine(Root, relativePath));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    public static XDocument Language(string iso, string name, bool isDefault, bool isMandatory) => Document(
        new XElement("Language",
            new XAttribute("Key", Guid.NewGuid()),
            new XAttribute("Alias", iso),
            new XAttribute("Level", 0),
            new XElement("Info",
                new XElement("IsoCode", iso),
                new XElement("CultureName", name),
                new XElement("IsMandatory", Bool(isMandatory)),
                new XElement("IsDefault", Bool(isDefault)))));

    public static XDocument DataType(Guid key, string alias, string editorAlias, string config) => Document(
        new XElement("DataType",
            new XAttribute("Key", key),
            new XAttribute("Alias", alias),
            new XAttribute("Level", 1),
            new XElement("Info",
                new XElement("Name", alias),
                new XElement("EditorAlias", editorAlias),
                new XElement("DatabaseType", "Ntext")),
            new XElement("Config", new XCData(config))));

    public static XDocument DictionaryItem(Guid key, string alias, string english, string chinese) => Document(
        new XElement("Dictionary",
            new XAttribute("Key", key),
            new XAttribute("Alias", alias),
            new XAttribute("Level", 1),
            new XElement("Info"),
            new XElement("Translations",
                new XElement("Translation", new XAttribute("Language", "en-US"), english),
                new XElement("Translation", new XAttribute("Language", "zh-CN"), chinese))));

    public static XElement Property(
        string alias,
        string name,
        Guid dataType,
        string editor,
        bool culture,
        bool mandatory,
        int sortOrder,
        string? pattern = null,
        string? patternMessage = null) =>
        new("GenericProperty",
            new XElement("Key", DeterministicGuid("property:" + alias + ":" + sortOrder.ToString(CultureInfo.InvariantCulture))),
            new XElement("Name", name),
            new XElement("Alias", alias),
            new XElement("Definition", dataType),
            new XElement("Type", editor),
            new XElement("Mandatory", Bool(mandatory)),
            new XElement("Validation", pattern ?? string.Empty),
            new XElement("Description", new XCData(name + ".")),
            new XElement("SortOrder", sortOrder),
            new XElement("Tab", new XAttribute("Alias", "content"), "Content"),
            new XElement("Variations", culture ? "Culture" : "Nothing"),
            new XElement("MandatoryMessage", string.Empty),
            new XElement("ValidationRegExpMessage", patternMessage ?? string.Empty),
            new XElement("LabelOnTop", "false"));

    public static XDocument ContentType(Guid key, string alias, string name, bool allowAtRoot, string[] allowedChildren, params XElement[] properties) => Document(
        new XElement("ContentType",
            new XAttribute("Key", key),
            new XAttribute("Alias", alias),
            new XAttribute("Level", 1),
            new XElement("Info",
                new XElement("Name", name),
                new XElement("Icon", "icon-document"),
                new XElement("Thumbnail", "folder.png"),
                new XElement("Description", name + "."),
                new XElement("AllowAtRoot", allowAtRoot ? "True" : "False"),
                new XElement("IsListView", "False"),
                new XElement("Variations", "Culture"),
                new XElement("IsElement", "false"),
                new XElement("Compositions"),
                new XElement("DefaultTemplate", alias),
                new XElement("AllowedTemplates")),
            new XElement("Structure", allowedChildren.Select((child, index) => new XElement("ContentType",
                new XAttribute("Key", DeterministicGuid("type:" + child)), new XAttribute("SortOrder", index), child))),
            new XElement("GenericProperties", properties.Cast<object>().ToArray()),
            new XElement("Tabs",
                new XElement("Tab",
                    new XElement("Key", DeterministicGuid("tab:" + alias)),
                    new XElement("Caption", "Content"),
                    new XElement("Alias", "content"),
                    new XElement("Type", "Group"),
                    new XElement("SortOrder", 0)))));

    public static XDocument Content(ContentFile content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var defaultName = content.Names.TryGetValue("zh-CN", out var chinese) ? chinese : content.Names.Values.FirstOrDefault() ?? string.Empty;
        return Document(
            new XElement("Content",
                new XAttribute("Key", content.Key),
                new XAttribute("Alias", defaultName),
                new XAttribute("Level", content.ParentKey is null ? 1 : 2),
                new XElement("Info",
                    new XElement("Parent", new XAttribute("Key", content.ParentKey ?? Guid.Empty)),
                    new XElement("Path", "/" + defaultName),
                    new XElement("Trashed", "false"),
                    new XElement("ContentType", content.ContentType),
                    new XElement("CreateDate", "2026-11-28T00:00:00"),
                    new XElement("NodeName", new XAttribute("Default", defaultName),
                        content.Names.OrderBy(n => n.Key, StringComparer.Ordinal)
                            .Select(n => new XElement("Name", new XAttribute("Culture", n.Key), n.Value))),
                    new XElement("SortOrder", content.SortOrder),
                    new XElement("Published", new XAttribute("Default", Bool(content.PublishedCultures.Contains("zh-CN"))),
                        new[] { "en-US", "zh-CN" }.Select(c => new XElement("Published", new XAttribute("Culture", c), Bool(content.PublishedCultures.Contains(c))))),
                    new XElement("Schedule"),
                    new XElement("Template")),
                new XElement("Properties",
                    content.Values.GroupBy(v => v.Alias, StringComparer.Ordinal).Select(g => new XElement(g.Key,
                        g.Select(v => new XElement("Value", v.Culture is null ? null : new XAttribute("Culture", v.Culture), new XCData(v.Value))))))));
    }

    private static XDocument Document(XElement root) => new(new XDeclaration("1.0", "utf-8", null), root);

    private static string Bool(bool value) => value ? "true" : "false";

    private static Guid DeterministicGuid(string text) =>
        new(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 16));

    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
