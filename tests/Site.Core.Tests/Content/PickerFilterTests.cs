using Site.Core.Content;

namespace Site.Core.Tests.Content;

/// <summary>
/// A multi-node tree picker's value checked against its data type, as Umbraco checks it: document udis only (when it
/// picks documents), no more than <c>maxNumber</c> and no fewer than <c>minNumber</c>; a document picker takes one.
/// </summary>
public sealed class PickerFilterTests
{
    private static readonly PropertyType Speakers = new(
        Guid.NewGuid(), "speakers", "Speakers", "", Guid.NewGuid(), PropertyEditors.MultiNodeTreePicker, false, false, null, null, null, 0, "content", "Content");

    private static DataType Picker(string config) => new(Speakers.DataTypeKey, "Speaker picker", PropertyEditors.MultiNodeTreePicker, config, null);

    private static string Udis(int count) => string.Join(',', Enumerable.Range(0, count).Select(_ => ContentUdi.Create(Guid.NewGuid())));

    [Fact]
    public void Document_udis_within_the_limits_pass_and_the_count_outside_them_is_refused()
    {
        var limited = Picker("""{"startNode": {"type": "content"}, "minNumber": 2, "maxNumber": 3}""");

        Assert.Null(EditorValues.Check(Speakers, Udis(2), limited));
        Assert.Null(EditorValues.Check(Speakers, Udis(3), limited));
        Assert.Equal("Speakers takes at most 3 items.", EditorValues.Check(Speakers, Udis(4), limited)?.Get("en-US"));
        Assert.Equal("Speakers needs at least 2 items.", EditorValues.Check(Speakers, Udis(1), limited)?.Get("en-US"));
        Assert.Equal("Speakers最多可选择 3 项。", EditorValues.Check(Speakers, Udis(4), limited)?.Get("zh-CN"));
    }

    [Fact]
    public void Any_number_is_taken_when_the_data_type_sets_no_limit()
    {
        Assert.Null(EditorValues.Check(Speakers, Udis(40), Picker("""{"maxNumber": 0}""")));
        Assert.Null(EditorValues.Check(Speakers, Udis(1), Picker("{}")));
    }

    [Theory]
    [InlineData("umb://document/not-a-key")]
    [InlineData("umb://media/0123456789abcdef0123456789abcdef")]
    [InlineData("https://example.org/")]
    public void An_item_that_is_not_a_document_udi_is_refused_with_its_position(string item)
    {
        var problem = EditorValues.Check(Speakers, Udis(1) + "," + item, Picker("{}"));

        Assert.Equal("Speakers: item 2 must be a document link (umb://document/...).", problem?.Get("en-US"));
    }

    [Fact]
    public void A_picker_of_media_or_members_is_not_held_to_document_udis()
    {
        var media = Picker("""{"startNode": {"type": "media"}}""");

        Assert.False(PickerFilter.PicksDocuments(media));
        Assert.Null(EditorValues.Check(Speakers, "umb://media/0123456789abcdef0123456789abcdef", media));
        Assert.True(PickerFilter.PicksDocuments(Picker("{}")));
    }

    [Fact]
    public void A_document_picker_takes_one_item_and_a_tree_picker_its_max_number()
    {
        var documentPicker = Speakers with { EditorAlias = PropertyEditors.ContentPicker };

        Assert.Equal(1, PickerFilter.MaxItems(documentPicker, null));
        Assert.Equal(5, PickerFilter.MaxItems(Speakers, Picker("""{"maxNumber": 5}""")));
        Assert.Equal(0, PickerFilter.MaxItems(Speakers, Picker("""{"maxNumber": "lots"}""")));
        Assert.Equal(0, PickerFilter.MinItems(Picker("not json")));
    }
}
