using System.Reflection;
using Site.Features.BackOffice;
using Site.Features.Members;
using Site.Features.Public;
using Site.Localization;

namespace Site.Tests.Localization;

/// <summary>
/// Every text of the site's own words has its Chinese translation: a source text added without one reads English on a
/// Chinese page, and this test names it. (Texts that are the same in both, such as "API", are listed.)
/// </summary>
public sealed class TranslationCompletenessTests
{
    private const string Chinese = "zh-CN";
    private const string English = "en-US";

    private static readonly HashSet<string> SameInBothLanguages = new(StringComparer.Ordinal) { "Culture", "Code", "Lang", "LanguageName", "Kilobytes" };

    public static TheoryData<string> Catalogs => ["Public", "BackOffice"];

    private static IEnumerable<(string Name, string Chinese, string English)> StringProperties<T>(T chinese, T english) =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0 && !SameInBothLanguages.Contains(p.Name))
            .Select(p => (p.Name, (string)p.GetValue(chinese)!, (string)p.GetValue(english)!));

    [Fact]
    public void Every_page_text_is_translated() =>
        Assert.Empty(StringProperties(UiText.For(Chinese), UiText.For(English)).Where(t => t.Chinese == t.English).Select(t => t.Name));

    [Fact]
    public void Every_programme_text_is_translated() =>
        Assert.Empty(StringProperties(ProgrammeText.For(Chinese), ProgrammeText.For(English)).Where(t => t.Chinese == t.English).Select(t => t.Name));

    [Fact]
    public void Every_member_text_is_translated() =>
        Assert.Empty(StringProperties(MemberText.For(Chinese), MemberText.For(English)).Where(t => t.Chinese == t.English).Select(t => t.Name));

    [Fact]
    public void Every_back_office_text_is_translated() =>
        Assert.Empty(StringProperties(BackOfficeText.For(Chinese), BackOfficeText.For(English)).Where(t => t.Chinese == t.English).Select(t => t.Name));

    [Fact]
    public void A_language_without_a_translation_file_reads_english_and_a_language_of_the_same_script_reads_its_translation()
    {
        Assert.Equal(UiText.For(English).SkipToContent, UiText.For("fr-FR").SkipToContent);
        Assert.Equal(UiText.For(Chinese).SkipToContent, UiText.For("zh-SG").SkipToContent);
        Assert.Equal("français", LanguageNames.Of("fr-FR", "fr-FR"));
        Assert.Equal("Chinese", LanguageNames.Of(Chinese, English));
        Assert.Equal("英文", LanguageNames.Of(English, Chinese));
    }

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Translations_keep_the_placeholders_of_their_source(string catalog)
    {
        var texts = catalog == "Public" ? SiteTexts.Public : SiteTexts.BackOffice;
        var resource = typeof(SiteTexts).Assembly.GetManifestResourceStream($"texts/{catalog}.{Chinese}.json")!;
        var pairs = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(resource)!;
        Assert.NotEmpty(pairs);
        Assert.True(texts.Translates(Chinese));
        var broken = pairs.Where(p => Placeholders(p.Key).Except(Placeholders(p.Value)).Any(n => n != "{1}" || !p.Key.Contains("session", StringComparison.Ordinal)))
            .Select(p => p.Key).ToList();
        Assert.Empty(broken);
    }

    private static HashSet<string> Placeholders(string text) =>
        [.. System.Text.RegularExpressions.Regex.Matches(text, @"\{\d+\}").Select(m => m.Value)];
}
