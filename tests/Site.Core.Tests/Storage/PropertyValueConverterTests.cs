using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Core.Content;
using Site.Core.Storage;

namespace Site.Core.Tests.Storage;

public sealed class PropertyValueConverterTests
{
    private static readonly JsonSerializerOptions Defaults = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly ContentData Sample = new(
        new Dictionary<string, string> { ["zh-CN"] = "第十三届", ["en-US"] = "The 13th \"Forum\"" },
        [
            new PropertyValue("title", "zh-CN", "江苏中小学校长国际交流与协作会"),
            new PropertyValue("title", "en-US", "Principals' <forum> & more\n"),
            new PropertyValue("year", null, "2017"),
            new PropertyValue("summary", "en-US", string.Empty),
        ]);

    [Fact]
    public void Stored_versions_are_written_exactly_as_before()
    {
        Assert.Equal(JsonSerializer.Serialize(Sample, Defaults), ContentMapping.Serialize(Sample));
    }

    [Fact]
    public void What_the_defaults_wrote_reads_back_the_same_with_one_copy_of_each_alias_and_culture()
    {
        var json = JsonSerializer.Serialize(Sample, Defaults);

        var first = ContentMapping.DeserializeData(json);
        var second = ContentMapping.DeserializeData(json);

        Assert.Equal(Sample.Values, first.Values);
        Assert.Equal(Sample.Names, first.Names);
        Assert.Same(first.Values[0].Alias, second.Values[0].Alias);
        Assert.Same(first.Values[0].Alias, first.Values[1].Alias);
        Assert.Same(first.Values[0].Culture, second.Values[0].Culture);
        Assert.Null(first.Values[2].Culture);
        Assert.NotSame(first.Values[0].Value, second.Values[0].Value); // values are not pooled
    }

    [Fact]
    public void Other_spellings_escapes_and_unknown_fields_read_as_the_defaults_read_them()
    {
        const string json = """{"Names":{"en-US":"A"},"Values":[{"Alias":"ti\u0074le","CULTURE":"en-US","extra":[1,{"a":2}],"Value":"x"},{"alias":"year","culture":null,"value":"1"}]}""";

        var data = ContentMapping.DeserializeData(json);

        Assert.Equal(JsonSerializer.Deserialize<ContentData>(json, Defaults)!.Values, data.Values);
        Assert.Equal("title", data.Values[0].Alias);
    }

    [Theory]
    [InlineData("""{"names":{},"values":[["alias"]]}""")]
    [InlineData("""{"names":{},"values":[{"alias":"title","value":["x"]}]}""")]
    [InlineData("""{"names":{},"values":[{"alias":"title","value":"x"}""")]
    public void A_malformed_version_is_refused(string json)
    {
        Assert.ThrowsAny<JsonException>(() => ContentMapping.DeserializeData(json));
    }
}
