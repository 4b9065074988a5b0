using Site.Core.Content;
using Site.Core.Languages;
using Site.Core.Search;

namespace Site.Core.Tests.Search;

/// <summary>The glossary: dictionary items under "Glossary", read as term lists; the bridge takes a new glossary without relearning the content.</summary>
public sealed class GlossaryTests
{
    private static readonly Guid Root = Guid.NewGuid();

    private static DictionaryItem Item(string alias, Guid? parent, string? en, string? zh, Guid? key = null)
    {
        var translations = new Dictionary<string, string>();
        if (en is not null)
        {
            translations["en-US"] = en;
        }

        if (zh is not null)
        {
            translations["zh-CN"] = zh;
        }

        return new DictionaryItem(key ?? Guid.NewGuid(), alias, translations) { ParentKey = parent };
    }

    private static ContentSchema Schema(params DictionaryItem[] items) => new(LanguageSet.Empty, [], items, []);

    [Fact]
    public void Entries_are_the_items_under_the_glossary_item_at_any_depth_with_their_terms_split_at_semicolons()
    {
        var group = Guid.NewGuid();
        var schema = Schema(
            Item("Glossary", null, "Glossary", "术语表", Root),
            Item("Glossary.AI", Root, "AI; artificial intelligence ;", "人工智能；AI"),
            Item("Glossary.Schools", Root, null, null, group),
            Item("Glossary.Schools.Sister", group, "sister school\npartner school", "友好学校"),
            Item("Glossary.Lonely", Root, "only one term", null),
            Item("label.title", null, "Title", "标题"));

        var glossary = Glossary.From(schema);

        Assert.Equal(["Glossary.AI", "Glossary.Schools.Sister"], glossary.Entries.Select(e => e.Alias));
        Assert.Equal(["AI", "artificial intelligence"], glossary.Entries[0].Terms["en-US"]);
        Assert.Equal(["人工智能", "AI"], glossary.Entries[0].Terms["zh-CN"]);
        Assert.Equal(["sister school", "partner school"], glossary.Entries[1].Terms["en-US"]);
    }

    [Fact]
    public void A_site_without_a_glossary_or_with_parents_in_a_loop_has_no_entries()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        Assert.Empty(Glossary.From(Schema(Item("label.title", null, "Title", "标题"))).Entries);
        Assert.Empty(Glossary.From(Schema(Item("Glossary", null, "Glossary", null, Root), Item("A", b, "x", "y", a), Item("B", a, "x", "y", b))).Entries);
    }

    [Fact]
    public void Every_term_of_an_entry_finds_the_others_in_both_directions_and_as_synonyms()
    {
        var bridge = TermBridge.Empty.WithGlossary(Glossary.From(Schema(
            Item("Glossary", null, null, null, Root),
            Item("Glossary.AI", Root, "AI; artificial intelligence", "人工智能"))));

        Assert.Contains(("en-US", "AI"), bridge.Translate("人工智能"));
        Assert.Contains(("en-US", "artificial intelligence"), bridge.Translate("人工智能"));
        Assert.Contains(("zh-CN", "人工智能"), bridge.Translate("Artificial Intelligence"));
        Assert.Contains(("en-US", "artificial intelligence"), bridge.Translate("ai"));
        Assert.DoesNotContain(("en-US", "AI"), bridge.Translate("AI"));
        Assert.Empty(bridge.Translate("intelligence"));
    }

    [Fact]
    public void A_new_glossary_keeps_what_the_bridge_learnt_from_the_content()
    {
        var learnt = TermBridge.Build([]);
        var first = learnt.WithGlossary(Glossary.From(Schema(Item("Glossary", null, null, null, Root), Item("Glossary.X", Root, "STEM", "科学、技术、工程和数学"))));
        var second = first.WithGlossary(Glossary.From(Schema(Item("Glossary", null, null, null, Root), Item("Glossary.Y", Root, "sister school", "友好学校"))));

        Assert.NotEmpty(first.Translate("STEM"));
        Assert.Empty(second.Translate("STEM"));
        Assert.Contains(("zh-CN", "友好学校"), second.Translate("sister school"));
        Assert.Equal(2, second.Count);
    }
}
