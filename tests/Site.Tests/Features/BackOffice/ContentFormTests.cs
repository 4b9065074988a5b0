using Site.Core.Content;
using Site.Features.BackOffice;

namespace Site.Tests.Features.BackOffice;

/// <summary>How the edit form shows stored values and reads them back: what comes back unchanged keeps what was stored.</summary>
public sealed class ContentFormTests
{
    [Fact]
    public void A_date_stored_as_midnight_is_shown_as_its_day_in_a_date_field_and_kept_as_stored_when_unchanged()
    {
        const string stored = "2025-11-06T00:00:00";

        var shown = ContentForm.ToText(PropertyEditors.DatePicker, stored);

        Assert.Equal("2025-11-06", shown);
        Assert.Equal("date", ContentForm.InputType(PropertyEditors.DatePicker, shown));
        Assert.Equal(stored, ContentForm.FromText(PropertyEditors.DatePicker, "2025-11-06", stored));
        Assert.Equal("2025-11-07", ContentForm.FromText(PropertyEditors.DatePicker, "2025-11-07", stored));
    }

    [Theory]
    [InlineData("2026-10-20 09:00:00")]
    [InlineData("2026-10-20T09:30:00")]
    [InlineData("not a date")]
    public void A_date_with_a_time_of_day_or_an_unreadable_one_is_shown_as_stored(string stored) =>
        Assert.Equal(stored, ContentForm.ToText(PropertyEditors.DatePicker, stored));
}
