namespace Site.Core.Content;

/// <summary>A message in each site culture (en-US and zh-CN at least), for refusals and validation errors.</summary>
public sealed record LocalizedText(IReadOnlyDictionary<string, string> ByCulture)
{
    public static LocalizedText Of(string english, string chinese) =>
        new(new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["en-US"] = english, ["zh-CN"] = chinese });

    /// <summary>The message in the culture asked for, else English, else any.</summary>
    public string Get(string culture) =>
        ByCulture.TryGetValue(culture, out var text) ? text
        : ByCulture.TryGetValue("en-US", out var english) ? english
        : ByCulture.Values.FirstOrDefault() ?? string.Empty;

    public LocalizedText Format(params object[] args) =>
        new(ByCulture.ToDictionary(
            pair => pair.Key,
            pair => string.Format(System.Globalization.CultureInfo.GetCultureInfo(pair.Key), pair.Value, args),
            StringComparer.OrdinalIgnoreCase));

    public override string ToString() => Get("en-US");
}
