using Site.Core.Content;

namespace Site.Core.Tests.TestSupport;

/// <summary>Builds edited copies of <see cref="ContentData"/> the way an editor would change a version.</summary>
public static class ContentDataExtensions
{
    /// <summary>A copy with the value of <paramref name="alias"/> in <paramref name="culture"/> replaced (or removed when null).</summary>
    public static ContentData WithValue(this ContentData data, string alias, string? culture, string? value)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = data.Values
            .Where(v => !(string.Equals(v.Alias, alias, StringComparison.Ordinal) && string.Equals(v.Culture, culture, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        if (value is not null)
        {
            values.Add(new PropertyValue(alias, culture, value));
        }

        return new ContentData(new Dictionary<string, string>(data.Names, StringComparer.OrdinalIgnoreCase), values);
    }

    /// <summary>A copy with the name in <paramref name="culture"/> replaced (or removed when null).</summary>
    public static ContentData WithName(this ContentData data, string culture, string? name)
    {
        ArgumentNullException.ThrowIfNull(data);
        var names = new Dictionary<string, string>(data.Names, StringComparer.OrdinalIgnoreCase);
        if (name is null)
        {
            names.Remove(culture);
        }
        else
        {
            names[culture] = name;
        }

        return new ContentData(names, [.. data.Values]);
    }

    /// <summary>A copy with an extra value appended, even when one for the same alias and culture exists.</summary>
    public static ContentData WithExtraValue(this ContentData data, string alias, string? culture, string value)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new ContentData(new Dictionary<string, string>(data.Names, StringComparer.OrdinalIgnoreCase), [.. data.Values, new PropertyValue(alias, culture, value)]);
    }

    /// <summary>Names and values of a new node from (culture, name) pairs and (alias, culture, value) triples.</summary>
    public static ContentData Create(IEnumerable<(string Culture, string Name)> names, params (string Alias, string? Culture, string Value)[] values) =>
        new(
            names.ToDictionary(n => n.Culture, n => n.Name, StringComparer.OrdinalIgnoreCase),
            [.. values.Select(v => new PropertyValue(v.Alias, v.Culture, v.Value))]);
}
