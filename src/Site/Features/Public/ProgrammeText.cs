using System.Collections.Concurrent;
using Site.Localization;

namespace Site.Features.Public;

/// <summary>The words of session programmes, speaker pages and calendar links, in each culture (agenda kinds are the engine's).</summary>
public sealed record ProgrammeText
{
    public required string Culture { get; init; }
    public required string Programme { get; init; }
    public required string TimesAreLocal { get; init; }
    public required string DayFormat { get; init; }
    public required string ProgrammeOfDay { get; init; }
    public required string Time { get; init; }
    public required string Item { get; init; }
    public required string Room { get; init; }
    public required string Speakers { get; init; }
    public required string AddSessionToCalendar { get; init; }
    public required string AddToCalendar { get; init; }
    public required string VenueAddress { get; init; }
    public required string VenueMap { get; init; }
    public required string Position { get; init; }
    public required string Organisation { get; init; }
    public required string Biography { get; init; }
    public required string SpokeAt { get; init; }
    public required string NotInAnyProgramme { get; init; }
    public required string NoSpeakersYet { get; init; }

    private static readonly ConcurrentDictionary<string, ProgrammeText> ByCulture = new(StringComparer.OrdinalIgnoreCase);

    public static ProgrammeText For(string culture) => ByCulture.GetOrAdd(culture, Create);

    private static ProgrammeText Create(string culture) => new()
    {
        Culture = culture,
        Programme = SiteTexts.Public.Get(culture, "Programme"),
        TimesAreLocal = SiteTexts.Public.Get(culture, "Times are local to the venue: {0} ({1})."),
        DayFormat = SiteTexts.Public.Get(culture, "dddd d MMMM yyyy"),
        ProgrammeOfDay = SiteTexts.Public.Get(culture, "Programme of {0}"),
        Time = SiteTexts.Public.Get(culture, "Time"),
        Item = SiteTexts.Public.Get(culture, "What"),
        Room = SiteTexts.Public.Get(culture, "Room"),
        Speakers = SiteTexts.Public.Get(culture, "Speakers"),
        AddSessionToCalendar = SiteTexts.Public.Get(culture, "Add the whole session to your calendar (.ics)"),
        AddToCalendar = SiteTexts.Public.Get(culture, "Add to calendar"),
        VenueAddress = SiteTexts.Public.Get(culture, "Address"),
        VenueMap = SiteTexts.Public.Get(culture, "Map of the venue"),
        Position = SiteTexts.Public.Get(culture, "Title or position"),
        Organisation = SiteTexts.Public.Get(culture, "Organisation"),
        Biography = SiteTexts.Public.Get(culture, "Biography"),
        SpokeAt = SiteTexts.Public.Get(culture, "Sessions and talks"),
        NotInAnyProgramme = SiteTexts.Public.Get(culture, "No published programme names this speaker yet."),
        NoSpeakersYet = SiteTexts.Public.Get(culture, "No speakers have been published yet. Speakers appear here once a session's programme names them."),
    };
}
