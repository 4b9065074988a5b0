using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>
/// Values are checked on every save (ContentValidator.ValidateForSave through ContentService): patterns with their
/// dictionary messages, maxChars from the data type's configuration, and the format of each editor's values.
/// </summary>
public sealed class ContentValueValidationTests
{
    private const string YearEnglish = "Enter a four-digit year from 2000 to 2099, or leave it empty if it is not recorded.";
    private const string YearChinese = "请输入 2000 至 2099 之间的四位年份；若无记录请留空。";
    private const string LocationEnglish = "Enter \"home\" (held in Jiangsu) or \"abroad\" (held outside China), or leave it empty if it is not recorded.";
    private const string LocationChinese = "请填写“home”（在江苏举办）或“abroad”（在境外举办）；若无记录请留空。";

    private static async Task<ContentError> SingleErrorAsync(TestEngine engine, Guid key, string alias, string? culture, string value)
    {
        var before = (await engine.GetRequiredAsync(key)).CurrentVersion.Number;
        var result = await engine.EditAsync(key, d => d.WithValue(alias, culture, value));
        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(alias, error.Alias);
        Assert.Equal(culture, error.Culture);
        Assert.Equal(before, (await engine.GetRequiredAsync(key)).CurrentVersion.Number);
        return error;
    }

    private static async Task AssertSavedAsync(TestEngine engine, Guid key, string alias, string? culture, string value)
    {
        var result = await engine.EditAsync(key, d => d.WithValue(alias, culture, value));
        Assert.True(result.Succeeded, $"{alias}=\"{value}\" was refused: {string.Join("; ", result.Errors.Select(e => e.Message.ToString()))}");
        Assert.Equal(value, result.Node!.CurrentVersion.Data.GetValue(alias, culture));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "17")]
    [InlineData(TestDatabase.Sqlite, "1999")]
    [InlineData(TestDatabase.Sqlite, "21000")]
    [InlineData(TestDatabase.PostgreSql, "1999")]
    public async Task Year_outside_its_pattern_gets_the_dictionary_message_in_both_cultures(TestDatabase database, string year)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var error = await SingleErrorAsync(engine, Session13, "year", null, year);

        Assert.Equal(YearEnglish, error.Message.Get(English));
        Assert.Equal(YearChinese, error.Message.Get(Chinese));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "overseas")]
    [InlineData(TestDatabase.Sqlite, "Home")]
    [InlineData(TestDatabase.Sqlite, "home abroad")]
    [InlineData(TestDatabase.PostgreSql, "overseas")]
    public async Task Location_other_than_home_or_abroad_gets_the_dictionary_message_in_both_cultures(TestDatabase database, string location)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var error = await SingleErrorAsync(engine, Session13, "location", null, location);

        Assert.Equal(LocationEnglish, error.Message.Get(English));
        Assert.Equal(LocationChinese, error.Message.Get(Chinese));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Values_matching_their_patterns_are_saved(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        await AssertSavedAsync(engine, Session13, "location", null, "home");
        await AssertSavedAsync(engine, Session13, "year", null, "2099");
        await AssertSavedAsync(engine, Session13, "sessionNumber", null, "99");
        await AssertSavedAsync(engine, SuzhouPeel, "status", null, "ended");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Session_number_and_partner_status_use_their_own_dictionary_messages(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var number = await SingleErrorAsync(engine, Session13, "sessionNumber", null, "0");
        var status = await SingleErrorAsync(engine, SuzhouPeel, "status", null, "paused");

        Assert.Equal("Enter the session number as a whole number from 1 to 99.", number.Message.Get(English));
        Assert.Equal("请输入届次，即 1 至 99 之间的整数。", number.Message.Get(Chinese));
        Assert.Equal("Choose a status: \"active\", \"ended\" or \"unknown\".", status.Message.Get(English));
        Assert.Equal("请填写合作状态：“active”（进行中）、“ended”（已结束）或“unknown”（不详）。", status.Message.Get(Chinese));
    }

    [Theory]
    [InlineData("abroad\n")]
    [InlineData("home\n")]
    public async Task A_pattern_must_match_the_whole_value_including_a_trailing_line_break(string location)
    {
        await using var engine = await TestEngine.StartAsync();

        var result = await engine.EditAsync(Session13, d => d.WithValue("location", null, location));

        Assert.False(result.Succeeded, $"location \"{location.Replace("\n", "\\n", StringComparison.Ordinal)}\" passed the pattern ^(home|abroad)?$");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task MaxChars_comes_from_the_data_type_of_each_property(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        // Textstring: 200; Long text: 400; Textarea: 600.
        await AssertSavedAsync(engine, Session13, "title", English, new string('t', 200));
        var title = await SingleErrorAsync(engine, Session13, "title", English, new string('t', 201));
        await AssertSavedAsync(engine, Session13, "theme", Chinese, new string('题', 400));
        var theme = await SingleErrorAsync(engine, Session13, "theme", Chinese, new string('题', 401));
        await AssertSavedAsync(engine, Session13, "metaDescription", English, new string('m', 600));
        var meta = await SingleErrorAsync(engine, Session13, "metaDescription", English, new string('m', 601));

        Assert.Equal("Title must be at most 200 characters.", title.Message.Get(English));
        Assert.Equal("Title不能超过 200 个字符。", title.Message.Get(Chinese));
        Assert.Equal("Theme must be at most 400 characters.", theme.Message.Get(English));
        Assert.Contains("400", theme.Message.Get(Chinese), StringComparison.Ordinal);
        Assert.Equal("Meta description must be at most 600 characters.", meta.Message.Get(English));
    }

    [Fact]
    public async Task MaxChars_follows_the_configuration_of_another_folder()
    {
        using var folder = MiniUsyncFolder.Create();
        await using var engine = await TestEngine.StartAsync(usyncFolder: folder.Root);

        await AssertSavedAsync(engine, MiniUsyncFolder.FirstKey, "title", English, new string('x', MiniUsyncFolder.TextstringMaxChars));
        var error = await SingleErrorAsync(engine, MiniUsyncFolder.FirstKey, "title", English, new string('x', MiniUsyncFolder.TextstringMaxChars + 1));

        Assert.Equal($"Title must be at most {MiniUsyncFolder.TextstringMaxChars} characters.", error.Message.Get(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "countries", "twelve")]
    [InlineData(TestDatabase.Sqlite, "countries", "1.5")]
    [InlineData(TestDatabase.Sqlite, "countries", "99999999999999999999")]
    [InlineData(TestDatabase.Sqlite, "sisterSchoolPairs", "1,000")]
    [InlineData(TestDatabase.PostgreSql, "countries", "twelve")]
    public async Task Integer_values_must_be_whole_numbers(TestDatabase database, string alias, string value)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var error = await SingleErrorAsync(engine, Session13, alias, null, value);

        Assert.Contains("must be a whole number", error.Message.Get(English), StringComparison.Ordinal);
        Assert.Contains("之间的整数", error.Message.Get(Chinese), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "2017-13-01")]
    [InlineData(TestDatabase.Sqlite, "2017-02-30")]
    [InlineData(TestDatabase.Sqlite, "25/09/2017")]
    [InlineData(TestDatabase.Sqlite, "September 2017")]
    [InlineData(TestDatabase.PostgreSql, "2017-13-01")]
    public async Task Dates_must_be_real_days_in_yyyy_MM_dd(TestDatabase database, string value)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var error = await SingleErrorAsync(engine, Session13, "startDate", null, value);

        Assert.Equal("Start date must be a date (yyyy-MM-dd).", error.Message.Get(English));
        Assert.Equal("Start date必须是日期（yyyy-MM-dd）。", error.Message.Get(Chinese));
    }

    [Theory]
    [InlineData(" 12")]
    [InlineData("12 ")]
    [InlineData("+12")]
    public async Task Integer_values_are_stored_as_plain_invariant_digits(string value)
    {
        await using var engine = await TestEngine.StartAsync();

        var result = await engine.EditAsync(Session13, d => d.WithValue("countries", null, value));

        Assert.False(result.Succeeded, $"countries \"{value}\" was saved; docs/content-model.md says integers are stored as invariant digits");
    }

    [Fact]
    public async Task Integer_values_beyond_the_range_of_an_int_are_refused()
    {
        await using var engine = await TestEngine.StartAsync();

        var result = await engine.EditAsync(Session13, d => d.WithValue("countries", null, "3000000000"));

        Assert.False(result.Succeeded, "countries 3000000000 was saved, but PublishedContent.IntValue returns an int (it wraps to a negative number)");
    }

    [Theory]
    [InlineData("2017-09-24")]
    [InlineData("2017-09-24T00:00:00")]
    public async Task Dates_as_Umbraco_stores_them_are_saved(string value)
    {
        await using var engine = await TestEngine.StartAsync();

        await AssertSavedAsync(engine, Session13, "startDate", null, value);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite, "tags", English, "Finland, Tampere")]
    [InlineData(TestDatabase.Sqlite, "tags", Chinese, "{\"tag\": \"芬兰\"}")]
    [InlineData(TestDatabase.Sqlite, "tags", English, "[\"unterminated\"")]
    [InlineData(TestDatabase.Sqlite, "sources", null, "https://www.sumino.fi/")]
    [InlineData(TestDatabase.PostgreSql, "tags", English, "Finland, Tampere")]
    public async Task Tags_and_links_must_be_JSON_lists(TestDatabase database, string alias, string? culture, string value)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var error = await SingleErrorAsync(engine, Session13, alias, culture, value);

        Assert.EndsWith("must be a JSON list.", error.Message.Get(English), StringComparison.Ordinal);
        Assert.EndsWith("必须是 JSON 列表。", error.Message.Get(Chinese), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task JSON_lists_are_saved(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        await AssertSavedAsync(engine, Session13, "tags", English, "[]");
        await AssertSavedAsync(engine, Session13, "sources", null, "[{\"name\": \"S6\", \"url\": \"https://www.sumino.fi/\", \"target\": \"_blank\"}]");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_content_picker_needs_a_document_udi(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var error = await SingleErrorAsync(engine, SuzhouPeel, "relatedSession", null, Session13.ToString());
        await AssertSavedAsync(engine, SuzhouPeel, "relatedSession", null, ContentUdi.Create(Session13));

        Assert.Equal("Related session must be a document link (umb://document/...).", error.Message.Get(English));
    }

    [Theory]
    [InlineData("yes", false)]
    [InlineData("true", false)]
    [InlineData("1", true)]
    [InlineData("0", true)]
    public async Task True_false_values_are_1_or_0(string value, bool valid)
    {
        using var folder = MiniUsyncFolder.Create();
        await using var engine = await TestEngine.StartAsync(usyncFolder: folder.Root);

        if (valid)
        {
            await AssertSavedAsync(engine, MiniUsyncFolder.FirstKey, "featured", null, value);
        }
        else
        {
            var error = await SingleErrorAsync(engine, MiniUsyncFolder.FirstKey, "featured", null, value);
            Assert.Equal("Featured must be 1 or 0.", error.Message.Get(English));
        }
    }

    [Fact]
    public async Task An_empty_value_is_not_checked_against_the_pattern_or_format()
    {
        await using var engine = await TestEngine.StartAsync();

        var result = await engine.EditAsync(Session13, d => d
            .WithValue("year", null, string.Empty)
            .WithValue("countries", null, string.Empty)
            .WithValue("startDate", null, string.Empty));

        Assert.True(result.Succeeded);
        Assert.Null(result.Node!.CurrentVersion.Data.GetValue("year", null));
    }

    [Fact]
    public async Task A_pattern_message_is_resolved_from_the_imported_folders_dictionary()
    {
        using var folder = MiniUsyncFolder.Create();
        await using var engine = await TestEngine.StartAsync(usyncFolder: folder.Root);

        var error = await SingleErrorAsync(engine, MiniUsyncFolder.FirstKey, "code", null, "abc");

        Assert.Equal(MiniUsyncFolder.CodeMessageEnglish, error.Message.Get(English));
        Assert.Equal(MiniUsyncFolder.CodeMessageChinese, error.Message.Get(Chinese));
    }
}
