using NodaTime;

namespace Site.Core.Programme;

/// <summary>
/// IANA time zones (the tz database that NodaTime ships, so the answer does not depend on the machine's own zone
/// files): which ids are known, and the instant a wall-clock time in a zone stands for.
/// </summary>
public static class TimeZones
{
    /// <summary>Whether the id is an IANA time zone id (Asia/Shanghai, Australia/Melbourne, UTC…).</summary>
    public static bool IsKnown(string? id) => !string.IsNullOrWhiteSpace(id) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    /// <summary>
    /// The UTC instant of a wall-clock time in the zone. A time that a daylight-saving change skips is moved forward
    /// by the gap, and one it repeats is the earlier of the two (NodaTime's lenient resolver).
    /// </summary>
    public static DateTime ToUtc(DateTime wallClock, string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        return LocalDateTime.FromDateTime(wallClock).InZoneLeniently(zone).ToDateTimeUtc();
    }

    /// <summary>The zone's offset from UTC at a wall-clock time in it, as +08:00 or −03:30.</summary>
    public static TimeSpan OffsetAt(DateTime wallClock, string zoneId)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        return LocalDateTime.FromDateTime(wallClock).InZoneLeniently(zone).Offset.ToTimeSpan();
    }

    /// <summary>"UTC+08:00", "UTC+10:30", "UTC−03:00", "UTC" for a time in the zone.</summary>
    public static string UtcOffsetLabel(DateTime wallClock, string zoneId)
    {
        var offset = OffsetAt(wallClock, zoneId);
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        var sign = offset < TimeSpan.Zero ? "\u2212" : "+";
        return $"UTC{sign}{offset.Duration():hh\\:mm}";
    }
}
