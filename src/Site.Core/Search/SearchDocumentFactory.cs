using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Site.Core.Content;
using Site.Core.Publishing;
using Site.Core.Rendering;

namespace Site.Core.Search;

/// <summary>Turns a published node into its index document: what is published, per culture, and nothing else.</summary>
internal sealed class SearchDocumentFactory(IMarkdownRenderer markdown, IRichTextRenderer richText)
{
    /// <summary>Short texts that describe a node: they weigh more than the body.</summary>
    private static readonly string[] SummaryProperties = ["summary", "theme", "metaDescription", "statusNote", "dateNote", "intro", "position"];

    /// <summary>Where a node happened or who it is about: cities, countries, venues, partners, a speaker's organisation and country.</summary>
    private static readonly string[] PlaceProperties = ["venueName", "venueCity", "venueCountry", "partnerCountry", "jiangsuPartner", "overseasPartner", "organisation", "country"];

    private static readonly string[] CountryProperties = ["venueCountry", "partnerCountry", "country"];

    private static readonly FieldType SpellFieldType = CreateSpellFieldType();

    /// <summary>
    /// Changes whenever anything the document is made of may have changed: a publish (dates), a rename or move
    /// (names, URLs), a change of protection. Cheap to compute for every node after every snapshot; kept for every
    /// node, so it is a hash of that description (128 bits, as 22 characters) rather than the description itself,
    /// which took 20 MB at 50,000 documents.
    /// </summary>
    public static string Fingerprint(PublishedContent node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var builder = new StringBuilder(128);
        builder.Append(SearchFields.IndexVersion).Append('|')
            .Append(node.UpdateDateUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append('|')
            .Append(node.Parent?.Key.ToString("N") ?? "-").Append('|');
        foreach (var value in AccessValues(node))
        {
            builder.Append(value).Append(',');
        }

        foreach (var culture in node.Cultures.Values.OrderBy(c => c.Culture, StringComparer.OrdinalIgnoreCase))
        {
            builder.Append('|').Append(culture.Culture).Append(':')
                .Append(culture.PublishedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture)).Append(':')
                .Append(culture.Url).Append(':').Append(culture.Name);
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString()), hash);
        return Convert.ToBase64String(hash[..16]).TrimEnd('=');
    }

    public Document Create(PublishedContent node, IReadOnlyList<string> siteCultures)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(siteCultures);
        var document = new Document
        {
            new StringField(SearchFields.Key, node.Key.ToString("D"), Field.Store.YES),
            new StringField(SearchFields.ContentType, node.ContentTypeAlias, Field.Store.YES),
            new SortedSetDocValuesField(SearchFields.ContentType, new BytesRef(node.ContentTypeAlias)),
            new StoredField(SearchFields.Fingerprint, Fingerprint(node)),
        };

        foreach (var access in AccessValues(node))
        {
            document.Add(new StringField(SearchFields.Access, access, Field.Store.NO));
        }

        var anyCulture = node.Cultures.Keys.FirstOrDefault() ?? string.Empty;
        if (node.IntValue("year", anyCulture) is { } year)
        {
            var yearText = year.ToString(CultureInfo.InvariantCulture);
            document.Add(new StringField(SearchFields.Year, yearText, Field.Store.YES));
            AddFacet(document, SearchFields.Decade, (year / 10 * 10).ToString(CultureInfo.InvariantCulture));
        }

        if (node.Value("location", anyCulture) is { Length: > 0 } location)
        {
            AddFacet(document, SearchFields.Location, location);
        }

        if (node.IntValue("sessionNumber", anyCulture) is { } number)
        {
            document.Add(new StringField(SearchFields.SessionNumber, number.ToString(CultureInfo.InvariantCulture), Field.Store.YES));
        }

        var date = SortDate(node, anyCulture);
        document.Add(new NumericDocValuesField(SearchFields.SortDate, date.DayNumber));
        document.Add(new StoredField(SearchFields.SortDate, date.DayNumber));

        var spelling = new StringBuilder();
        foreach (var culture in node.Cultures.Values)
        {
            var start = spelling.Length;
            AddCulture(document, node, culture, spelling);
            if (SearchFields.UsesBigrams(culture.Culture))
            {
                document.Add(new TextField(SearchFields.For(SearchFields.Bigrams, culture.Culture), spelling.ToString(start, spelling.Length - start), Field.Store.NO));
            }
        }

        // Facets by country are labelled in the visitor's language: one field per site culture, falling back to
        // another culture's name of the country when the node does not have it in that one.
        foreach (var culture in siteCultures)
        {
            var country = CountryProperties.Select(p => node.Value(p, culture)).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))
                ?? node.Cultures.Keys.SelectMany(c => CountryProperties.Select(p => node.Value(p, c))).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
            if (country is not null)
            {
                AddFacet(document, SearchFields.For(SearchFields.Country, culture), country.Trim());
            }
        }

        document.Add(new Field(SearchFields.Spell, spelling.ToString(), SpellFieldType));
        return document;
    }

    private void AddCulture(Document document, PublishedContent node, PublishedCultureInfo info, StringBuilder spelling)
    {
        var culture = info.Culture;
        document.Add(new StringField(SearchFields.Cultures, culture, Field.Store.YES));
        var title = node.Value("title", culture);
        var displayName = string.IsNullOrWhiteSpace(title) ? info.Name : title;
        document.Add(new StoredField(SearchFields.For(SearchFields.Name, culture), displayName));
        document.Add(new StoredField(SearchFields.For(SearchFields.Url, culture), info.Url));

        var names = string.Equals(displayName, info.Name, StringComparison.Ordinal) ? info.Name : info.Name + " · " + displayName;
        AddText(document, SearchFields.NodeName, culture, names, spelling);

        var summaries = SummaryProperties
            .Select(alias => PlainText(node, alias, culture))
            .Where(t => !string.IsNullOrWhiteSpace(t))
            .Distinct(StringComparer.Ordinal);
        AddText(document, SearchFields.Summary, culture, string.Join(" · ", summaries), spelling);

        // The body: the text of every document property (rich text or Markdown) that is not a summary, tags stripped,
        // and the words inside blocks (block lists, blocks placed in rich text): a caption or a quote is found like a paragraph.
        var bodies = node.ContentType.Properties
            .Where(p => p.EditorAlias is PropertyEditors.RichText or PropertyEditors.Markdown && !SummaryProperties.Contains(p.Alias, StringComparer.Ordinal))
            .Select(p => PlainText(node, p.Alias, culture))
            .ToList();
        foreach (var property in node.ContentType.Properties.Where(p => p.EditorAlias is PropertyEditors.RichText or PropertyEditors.BlockList))
        {
            var blockTexts = property.EditorAlias == PropertyEditors.BlockList
                ? EditorValues.BlockTexts(node.Value(property.Alias, culture), culture)
                : EditorValues.RichTextBlockTexts(node.Value(property.Alias, culture), culture);
            bodies.AddRange(blockTexts.Select(t => t.IsMarkup ? richText.ToPlainText(t.Text) : t.Text));
        }

        AddText(document, SearchFields.BodyText, culture, string.Join('\n', bodies.Where(b => !string.IsNullOrWhiteSpace(b))), spelling);

        AddText(document, SearchFields.Tags, culture, string.Join(" · ", node.TagsValue("tags", culture)), spelling);
        var places = PlaceProperties.Select(p => node.Value(p, culture)).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.Ordinal);
        AddText(document, SearchFields.Place, culture, string.Join(" · ", places), spelling);

        if ((node.DateValue("startDate", culture) ?? node.DateValue("publishDate", culture)) is { } date)
        {
            document.Add(new StoredField(SearchFields.For(SearchFields.Date, culture), date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>A value's words without markup, read by its editor: rich text and Markdown lose their tags, other text stays.</summary>
    private string? PlainText(PublishedContent node, string alias, string culture) =>
        node.ContentType.FindProperty(alias)?.EditorAlias switch
        {
            PropertyEditors.RichText => node.RichTextMarkup(alias, culture) is { } markup ? richText.ToPlainText(markup) : null,
            PropertyEditors.Markdown => node.Value(alias, culture) is { } text ? markdown.ToPlainText(text) : null,
            _ => node.Value(alias, culture),
        };

    private static void AddText(Document document, string field, string culture, string? text, StringBuilder spelling)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }

        document.Add(new TextField(SearchFields.For(field, culture), text, Field.Store.YES));
        spelling.Append(text).Append('\n');
    }

    private static void AddFacet(Document document, string field, string value)
    {
        document.Add(new StringField(field, value, Field.Store.NO));
        document.Add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }

    /// <summary>The date results are sorted by: when a session began or an article was published, else the year, else the last publish.</summary>
    internal static DateOnly SortDate(PublishedContent node, string culture) =>
        node.DateValue("startDate", culture)
        ?? node.DateValue("publishDate", culture)
        ?? (node.IntValue("year", culture) is { } year and > 0 and < 10000 ? new DateOnly(year, 1, 1) : (DateOnly?)null)
        ?? DateOnly.FromDateTime(node.Cultures.Values.Select(c => c.PublishedAtUtc).DefaultIfEmpty(node.UpdateDateUtc).Max());

    internal static IEnumerable<string> AccessValues(PublishedContent node)
    {
        var rule = node.AccessRule;
        if (rule is null)
        {
            return [SearchFields.AccessPublic];
        }

        return rule.AnyMember ? [SearchFields.AccessMembers] : rule.AllowedGroups.Select(SearchFields.AccessGroup);
    }

    private static FieldType CreateSpellFieldType()
    {
        var type = new FieldType
        {
            IsIndexed = true,
            IsTokenized = true,
            IsStored = false,
            IndexOptions = IndexOptions.DOCS_ONLY,
            OmitNorms = true,
        };
        type.Freeze();
        return type;
    }
}
