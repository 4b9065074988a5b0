namespace Site.Core.Programme;

/// <summary>The aliases of the programme's schema (uSync/v14): sessions' agendas, agenda items, speakers.</summary>
public static class ProgrammeAliases
{
    public const string Session = "session";
    public const string Speaker = "speaker";
    public const string SpeakerIndex = "speakerIndex";
    public const string AgendaItem = "agendaItem";

    // Session properties.
    public const string TimeZone = "timeZone";
    public const string Agenda = "agenda";
    public const string VenueName = "venueName";
    public const string VenueAddress = "venueAddress";
    public const string VenueCity = "venueCity";
    public const string VenueCountry = "venueCountry";
    public const string VenueMap = "venueMap";
    public const string StartDate = "startDate";
    public const string EndDate = "endDate";

    // Agenda item properties.
    public const string Start = "start";
    public const string End = "end";
    public const string Kind = "kind";
    public const string Title = "title";
    public const string Room = "room";
    public const string Speakers = "speakers";
    public const string Description = "description";

    // Speaker properties.
    public const string Position = "position";
    public const string Organisation = "organisation";
    public const string Country = "country";
    public const string Photo = "photo";
    public const string Biography = "biography";
}
