using Site.Core.Publishing;

namespace Site.Core.Tests.Publishing;

public sealed class UrlSegmentsTests
{
    [Theory]
    [InlineData("13th Forum (2017)", "13th-forum-2017")]
    [InlineData("第十三届 (2017)", "第十三届-2017")]
    [InlineData("会议简介", "会议简介")]
    [InlineData("连云港海州—澳菲斯中学", "连云港海州-澳菲斯中学")]
    [InlineData("Suzhou – Peel", "suzhou-peel")]
    [InlineData("Changzhou Beijiao – Diamond Minds", "changzhou-beijiao-diamond-minds")]
    [InlineData("  Hello,   World!  ", "hello-world")]
    [InlineData("already-a-slug", "already-a-slug")]
    [InlineData("snake_case name", "snake-case-name")]
    [InlineData("Café Crème", "café-crème")]
    [InlineData("Straße", "straße")]
    [InlineData("ΑΘΗΝΑ", "αθηνα")]
    [InlineData("Ｆｕｌｌ　Ｗｉｄｔｈ　１２", "full-width-12")]
    [InlineData("第１届（２００５）", "第1届-2005")]
    [InlineData("a/b?c#d", "a-b-c-d")]
    [InlineData("𝐁𝐨𝐥𝐝", "bold")]
    public void FromName_makes_lower_case_hyphenated_segments_of_letters_and_digits(string name, string expected) =>
        Assert.Equal(expected, UrlSegments.FromName(name));

    [Fact]
    public void FromName_composes_decomposed_accents_so_both_spellings_give_one_segment() =>
        Assert.Equal(UrlSegments.FromName("Cafe\u0301"), UrlSegments.FromName("Caf\u00e9"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("!!! ---")]
    [InlineData("（）")]
    public void FromName_of_a_name_without_letters_or_digits_is_item(string name) =>
        Assert.Equal("item", UrlSegments.FromName(name));

    [Fact]
    public void FromName_refuses_null() =>
        Assert.Throws<ArgumentNullException>(() => UrlSegments.FromName(null!));

    [Theory]
    [InlineData("/EN/Sessions/", "/en/sessions")]
    [InlineData("/en/sessions///", "/en/sessions")]
    [InlineData("/zh/", "/zh")]
    [InlineData("/", "/")]
    [InlineData("  /Zh/关于  ", "/zh/关于")]
    [InlineData("/EN/CAFÉ", "/en/café")]
    public void NormalizePath_lower_cases_and_drops_trailing_slashes(string path, string expected) =>
        Assert.Equal(expected, UrlSegments.NormalizePath(path));

    [Theory]
    [InlineData("Café Ünïcode")]
    [InlineData("ΑΘΗΝΑ")]
    [InlineData("İstanbul")]
    public void A_segment_is_already_normalised_so_its_URL_routes(string name)
    {
        var segment = UrlSegments.FromName(name);

        Assert.Equal("/en/" + segment, UrlSegments.NormalizePath("/en/" + segment));
        Assert.Equal(UrlSegments.NormalizePath("/en/" + segment), UrlSegments.NormalizePath("/EN/" + segment.ToUpperInvariant()));
    }
}
