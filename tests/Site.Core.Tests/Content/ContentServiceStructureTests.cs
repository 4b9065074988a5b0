using Site.Core.Content;
using Site.Core.Tests.TestSupport;
using static Site.Core.Tests.TestSupport.KnownContent;

namespace Site.Core.Tests.Content;

/// <summary>ContentService.SaveAsync refuses saves that do not fit the schema, with a message in both site cultures.</summary>
public sealed class ContentServiceStructureTests
{
    private static ContentData PageData(string chinese = "页面", string english = "Page") =>
        ContentDataExtensions.Create([(Chinese, chinese), (English, english)], ("title", Chinese, chinese), ("title", English, english));

    private static void AssertBilingual(LocalizedText message, params string[] mentions)
    {
        var english = message.Get(English);
        var chinese = message.Get(Chinese);
        Assert.False(string.IsNullOrWhiteSpace(english), "no en-US message");
        Assert.False(string.IsNullOrWhiteSpace(chinese), "no zh-CN message");
        Assert.NotEqual(english, chinese);
        foreach (var mention in mentions)
        {
            Assert.Contains(mention, english, StringComparison.Ordinal);
            Assert.Contains(mention, chinese, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Unknown_content_type_is_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.SaveAsync(new ContentEdit(Guid.NewGuid(), Home, "blogPost", PageData()));

        Assert.Equal(SaveStatus.InvalidStructure, result.Status);
        var error = Assert.Single(result.Errors);
        AssertBilingual(error.Message, "blogPost");
        Assert.Equal("Unknown content type \"blogPost\".", error.Message.Get(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_child_type_not_allowed_under_the_parent_is_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var data = PageData().WithValue("sessionNumber", null, "21");
        var key = Guid.NewGuid();

        var result = await engine.SaveAsync(new ContentEdit(key, Home, "session", data));

        Assert.Equal(SaveStatus.InvalidStructure, result.Status);
        var error = Assert.Single(result.Errors);
        AssertBilingual(error.Message, "Session", "Home");
        Assert.Equal("\"Session\" is not allowed under \"Home\".", error.Message.Get(English));
        Assert.Equal("“Session”不能放在“Home”之下。", error.Message.Get(Chinese));
        Assert.Null(await engine.Content.GetAsync(key, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_child_type_allowed_under_the_parent_is_saved(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var data = PageData("第二十一届", "21st Forum").WithValue("sessionNumber", null, "21");

        var result = await engine.SaveAsync(new ContentEdit(Guid.NewGuid(), Sessions, "session", data));

        Assert.Equal(SaveStatus.Success, result.Status);
        Assert.Equal(3, result.Node!.Level);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_type_not_allowed_at_the_root_is_refused_there(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.SaveAsync(new ContentEdit(Guid.NewGuid(), null, "page", PageData()));

        Assert.Equal(SaveStatus.InvalidStructure, result.Status);
        var error = Assert.Single(result.Errors);
        AssertBilingual(error.Message, "Page");
        Assert.Equal("\"Page\" is not allowed at the root.", error.Message.Get(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_missing_parent_is_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.SaveAsync(new ContentEdit(Guid.NewGuid(), Guid.NewGuid(), "page", PageData()));

        Assert.Equal(SaveStatus.InvalidStructure, result.Status);
        AssertBilingual(Assert.Single(result.Errors).Message);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task The_content_type_of_an_existing_node_cannot_change(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);
        var node = await engine.GetRequiredAsync(SourcesPage);

        var result = await engine.SaveAsync(new ContentEdit(SourcesPage, Home, "about", node.CurrentVersion.Data));

        Assert.Equal(SaveStatus.InvalidStructure, result.Status);
        AssertBilingual(Assert.Single(result.Errors).Message);
        Assert.Equal(1, (await engine.GetRequiredAsync(SourcesPage)).CurrentVersion.Number);
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task An_unknown_property_alias_is_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.EditAsync(Session13, d => d.WithValue("subtitle", English, "A subtitle"));

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("subtitle", error.Alias);
        Assert.Equal(English, error.Culture);
        AssertBilingual(error.Message, "subtitle");
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_culture_value_on_an_invariant_property_is_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.EditAsync(Session13, d => d.WithValue("year", null, null).WithValue("year", English, "2017"));

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("year", error.Alias);
        Assert.Equal(English, error.Culture);
        AssertBilingual(error.Message, "year");
        Assert.Equal("\"year\" does not vary by culture; give it without a culture.", error.Message.Get(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task A_varying_property_given_without_a_culture_is_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.EditAsync(Session13, d => d.WithValue("venueCity", null, "Tampere"));

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal("venueCity", error.Alias);
        Assert.Null(error.Culture);
        AssertBilingual(error.Message, "venueCity");
        Assert.Equal("\"venueCity\" varies by culture; give a culture.", error.Message.Get(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task An_unknown_culture_in_a_value_or_a_name_is_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.EditAsync(Session13, d => d.WithName("fr-FR", "13e Forum").WithValue("title", "fr-FR", "13e Forum"));

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        Assert.Equal(2, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Alias is null && e.Culture == "fr-FR");
        Assert.Contains(result.Errors, e => e.Alias == "title" && e.Culture == "fr-FR");
        Assert.All(result.Errors, e => AssertBilingual(e.Message, "fr-FR"));
        Assert.Equal("\"fr-FR\" is not a language of this site.", result.Errors[0].Message.Get(English));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Every_problem_of_a_save_is_reported_at_once(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.EditAsync(Session13, d => d
            .WithValue("subtitle", English, "x")
            .WithValue("venueCity", null, "Tampere")
            .WithValue("location", null, "overseas")
            .WithValue("countries", null, "many"));

        Assert.Equal(SaveStatus.ValidationFailed, result.Status);
        Assert.Equal(["countries", "location", "subtitle", "venueCity"], result.Errors.Select(e => e.Alias!).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(TestDatabase.Sqlite)]
    [InlineData(TestDatabase.PostgreSql)]
    public async Task Two_values_for_the_same_property_and_culture_are_refused(TestDatabase database)
    {
        await using var engine = await TestEngine.StartAsync(database);

        var result = await engine.EditAsync(Session13, d => d.WithExtraValue("title", English, "A second English title"));

        Assert.False(result.Succeeded, "a version with two en-US titles was saved; which one is shown depends on the order of the list");
        Assert.Contains(result.Errors, e => e.Alias == "title" && e.Culture == English);
    }
}
