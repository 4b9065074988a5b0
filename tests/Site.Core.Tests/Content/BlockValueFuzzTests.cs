using System.Text;
using CsCheck;
using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>
/// Property-based: any JSON (malformed, deeply nested, of the wrong types, or a valid block list mutated) as a block
/// list or rich text value is refused or accepted on save without an exception, and the readers that pages, the
/// Delivery API and the index use never throw on it either.
/// </summary>
public sealed class BlockValueFuzzTests(TestEngineFixture fixture) : IClassFixture<TestEngineFixture>
{
    private static readonly string[] Keys =
    [
        "layout", "Umbraco.BlockList", "Umbraco.RichText", "contentData", "settingsData", "expose", "contentKey", "settingsKey",
        "contentTypeKey", "key", "values", "alias", "culture", "segment", "value", "editorAlias", "markup", "blocks", "udi", "$ref",
    ];

    private static readonly Gen<string> Scalar = Gen.OneOf(
        "null", "true", "false", "0", "-0", "1e999", "-1", "2147483648", "1.5", "\"\"", "\"x\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"zh-CN\"", "\"en-US\"", "\"b6f26aa6-5a6f-5e03-b385-01c01242af72\"", "\"d99729f8-c7c2-5d0f-8ed4-ba1e81f117a6\"", "\"not a key\"",
        "\"<script>alert(1)</script>\"", "\"Umbraco.TextBox\"", "\"quote\"", "\"umb://media/0f0e0d0c0b0a09080706050403020100\"");

    private static Gen<string> Json(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (3, (IGen<string>)Scalar),
            (2, Json(depth - 1).Array[0, 4].Select(items => "[" + string.Join(',', items) + "]")),
            (3, Gen.Select(Gen.OneOf(Keys), Json(depth - 1)).Array[0, 5].Select(pairs => "{" + string.Join(',', pairs.Select(p => $"\"{p.Item1}\":{p.Item2}")) + "}")));

    private static readonly Gen<string> ValidList = Gen.Int[0, 2].Select(count => BlockJson.List([
        .. Enumerable.Range(0, count).Select(i => i % 2 == 0
            ? BlockJson.Quote(Guid.NewGuid(), (Chinese, "教育是对话。", "一位校长"), (English, "Education is a conversation.", "A principal"))
            : BlockJson.Image(Guid.NewGuid(), Guid.NewGuid(), (Chinese, "开幕式", "摄影"), (English, "The opening", "Photo")))]));

    private static readonly Gen<string> JsonFragment = Fuzz.Fragment("{", "}", "[", "]", ",", ":", "\"", "null", "1e999", "\\u0000", "\\ud800", "\"layout\":", "{\"a\":", "[[[[", "]]]]");

    /// <summary>Mostly a valid block list mutated; also JSON trees of the block list's names with any values, deep nesting and text.</summary>
    public static readonly Gen<string> Value = Gen.Frequency(
        (5, (IGen<string>)Fuzz.Mutated(ValidList, JsonFragment)),
        (4, Json(5)),
        (1, Gen.Select(Gen.OneOf("[", "{\"layout\":", "{\"a\":["), Gen.Int[1, 5000], (open, depth) => string.Concat(Enumerable.Repeat(open, depth)) + "1" + new string(']', depth))),
        (1, ValidList.Select(list => "{\"markup\":\"<p>x</p><umb-rte-block data-content-key=\\\"0f0e0d0c-0b0a-0908-0706-050403020100\\\"></umb-rte-block>\",\"blocks\":" + list + "}")),
        (1, Fuzz.Text(60)));

    private ContentType BlockPage => fixture.Engine.Snapshots.Current.Schema.ContentTypes.Values.First(t => t.Properties.Any(p => p.Alias == "blocks"));

    private static ContentData With(string alias, string? culture, string value) =>
        new(new Dictionary<string, string> { [Chinese] = "块", [English] = "Blocks" }, [new PropertyValue(alias, culture, value)]);

    [Fact]
    public void Any_value_is_checked_and_read_without_an_exception()
    {
        var schema = fixture.Engine.Snapshots.Current.Schema;
        var type = BlockPage;
        var richText = type.Properties.FirstOrDefault(p => p.EditorAlias == PropertyEditors.RichText);
        Value.Sample(value =>
        {
            var data = EditorValues.ForSaving(schema, type, With("blocks", null, value));
            _ = ContentValidator.ValidateForSave(schema, type, data);
            if (richText is not null)
            {
                var culture = richText.VariesByCulture ? English : null;
                var text = EditorValues.ForSaving(schema, type, With(richText.Alias, culture, value));
                _ = ContentValidator.ValidateForSave(schema, type, text);
            }

            // The readers get what saving stores (pages read nothing else), whether or not the check accepts it.
            var stored = data.Values[0].Value;
            foreach (var culture in new[] { Chinese, English })
            {
                foreach (var block in EditorValues.Blocks(schema, stored, culture))
                {
                    _ = block.Content.Value("quote");
                }

                _ = EditorValues.BlockTexts(stored, culture);
                _ = EditorValues.RichText(schema, stored, culture);
                _ = EditorValues.RichTextBlockTexts(stored, culture);
            }
        }, iter: Fuzz.Iterations(1500));
    }

    [Fact]
    public async Task Saving_any_value_is_a_result_never_an_exception()
    {
        var page = await fixture.Engine.CreatePageAsync(About, "块 " + Guid.NewGuid().ToString("N")[..6], "Blocks " + Guid.NewGuid().ToString("N")[..6]);
        await Value.SampleAsync(async value =>
        {
            var result = await fixture.Engine.EditAsync(page.Key, d => d.WithValue("blocks", null, value));

            Assert.True(result.Succeeded || result.Errors.Count > 0, Encoding.UTF8.GetByteCount(value) + " bytes");
        }, iter: Fuzz.Iterations(40), threads: 1);
    }
}
