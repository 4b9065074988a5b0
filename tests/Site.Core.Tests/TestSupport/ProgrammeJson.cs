using System.Globalization;
using System.Text.Json;
using Site.Core.Content;

namespace Site.Core.Tests.TestSupport;

/// <summary>
/// Programme content for tests (the repository ships none): agenda values of agendaItem blocks in Umbraco 15+'s stored
/// form, and the data of sessions and speakers. Chinese and English texts are passed per culture.
/// </summary>
public static class ProgrammeJson
{
    public static readonly Guid AgendaItemType = Guid.Parse("9d4b6a5c-ce7f-4a8b-9cad-5e6f7a8b9ca5");

    public const string ChineseCulture = "zh-CN";
    public const string EnglishCulture = "en-US";

    /// <summary>The texts of an item in one culture.</summary>
    public sealed record ItemText(string Culture, string? Title, string? Room = null, string? Description = null);

    /// <summary>One agenda item: start and end as Umbraco's DateTime editor stores them (yyyy-MM-dd HH:mm:ss), a kind, speakers, texts per culture.</summary>
    public static BlockJson.Block Item(Guid key, string start, string end, string kind, Guid[] speakers, params ItemText[] texts)
    {
        ArgumentNullException.ThrowIfNull(speakers);
        ArgumentNullException.ThrowIfNull(texts);
        var values = new List<(string, string?, string, string)>
        {
            ("start", null, "\"Umbraco.DateTime\"", Text(start)),
            ("end", null, "\"Umbraco.DateTime\"", Text(end)),
            ("kind", null, "\"Umbraco.DropDown.Flexible\"", Text(JsonSerializer.Serialize(new[] { kind }))),
        };
        if (speakers.Length > 0)
        {
            values.Add(("speakers", null, "\"Umbraco.MultiNodeTreePicker\"", Text(string.Join(',', speakers.Select(s => $"umb://document/{s:N}")))));
        }

        foreach (var t in texts)
        {
            if (t.Title is not null)
            {
                values.Add(("title", t.Culture, "\"Umbraco.TextBox\"", Text(t.Title)));
            }

            if (t.Room is not null)
            {
                values.Add(("room", t.Culture, "\"Umbraco.TextBox\"", Text(t.Room)));
            }

            if (t.Description is not null)
            {
                values.Add(("description", t.Culture, "\"Umbraco.TextArea\"", Text(t.Description)));
            }
        }

        return BlockJson.Element(key, AgendaItemType, values, texts.Select(t => (string?)t.Culture));
    }

    /// <summary>An agenda value (a block list of the items).</summary>
    public static string Agenda(params BlockJson.Block[] items) => BlockJson.List(items);

    /// <summary>
    /// A session published in both cultures: names, a session number (mandatory), optional time zone, dates, venue and agenda.
    /// </summary>
    public static ContentData Session(
        string chineseName,
        string englishName,
        string? timeZone = null,
        string? agenda = null,
        string? startDate = null,
        string? endDate = null,
        string? urlName = null,
        (string Culture, string Name, string Address)[]? venue = null)
    {
        var values = new List<PropertyValue>
        {
            new("title", ChineseCulture, chineseName),
            new("title", EnglishCulture, englishName),
            new("sessionNumber", null, "99"),
        };
        Add(values, "timeZone", null, timeZone);
        Add(values, "agenda", null, agenda);
        Add(values, "startDate", null, startDate);
        Add(values, "endDate", null, endDate);
        if (urlName is not null)
        {
            values.Add(new("umbracoUrlName", ChineseCulture, urlName));
            values.Add(new("umbracoUrlName", EnglishCulture, urlName));
        }

        foreach (var (culture, name, address) in venue ?? [])
        {
            values.Add(new("venueName", culture, name));
            values.Add(new("venueAddress", culture, address));
        }

        return new ContentData(Names(chineseName, englishName), values);
    }

    /// <summary>A speaker with an organisation and a short biography in each culture.</summary>
    public static ContentData Speaker(string chineseName, string englishName, string chineseOrganisation, string englishOrganisation, string? urlName = null)
    {
        var values = new List<PropertyValue>
        {
            new("organisation", ChineseCulture, chineseOrganisation),
            new("organisation", EnglishCulture, englishOrganisation),
            new("biography", ChineseCulture, $"<p>{chineseName}（测试内容）。</p>"),
            new("biography", EnglishCulture, $"<p>{englishName} (test content).</p>"),
        };
        if (urlName is not null)
        {
            values.Add(new("umbracoUrlName", ChineseCulture, urlName));
            values.Add(new("umbracoUrlName", EnglishCulture, urlName));
        }

        return new ContentData(Names(chineseName, englishName), values);
    }

    /// <summary>A date and time as the DateTime editor stores it.</summary>
    public static string At(int year, int month, int day, int hour, int minute) =>
        new DateTime(year, month, day, hour, minute, 0).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    private static Dictionary<string, string> Names(string chinese, string english) =>
        new(StringComparer.OrdinalIgnoreCase) { [ChineseCulture] = chinese, [EnglishCulture] = english };

    private static void Add(List<PropertyValue> values, string alias, string? culture, string? value)
    {
        if (value is not null)
        {
            values.Add(new(alias, culture, value));
        }
    }

    private static string Text(string text) => JsonSerializer.Serialize(text, Relaxed);

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
