using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Site.Core.Content;

namespace Site.Core.Storage;

/// <summary>
/// Reads and writes a stored <see cref="PropertyValue"/> as the serializer's defaults would ({"alias", "culture",
/// "value"}, nulls left out), keeping one copy of each alias and culture code: the published snapshot holds every
/// published version, and at 50,000 nodes their repeated aliases and culture codes were about 1.4 million strings.
/// </summary>
internal sealed class PropertyValueConverter : JsonConverter<PropertyValue>
{
    public override PropertyValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A property value is an object.");
        }

        string? alias = null;
        string? culture = null;
        string? value = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.ValueTextEquals("alias"u8) ? 1
                : reader.ValueTextEquals("culture"u8) ? 2
                : reader.ValueTextEquals("value"u8) ? 3
                : reader.GetString() switch
                {
                    { } other when other.Equals("alias", StringComparison.OrdinalIgnoreCase) => 1,
                    { } other when other.Equals("culture", StringComparison.OrdinalIgnoreCase) => 2,
                    { } other when other.Equals("value", StringComparison.OrdinalIgnoreCase) => 3,
                    _ => 0,
                };
            reader.Read();
            switch (property)
            {
                case 1:
                    alias = Pooled(ref reader);
                    break;
                case 2:
                    culture = Pooled(ref reader);
                    break;
                case 3:
                    value = reader.GetString();
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject)
        {
            throw new JsonException("A property value is an object.");
        }

        return new PropertyValue(alias!, culture, value!);
    }

    public override void Write(Utf8JsonWriter writer, PropertyValue value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        WriteIfSet(writer, "alias"u8, value.Alias);
        WriteIfSet(writer, "culture"u8, value.Culture);
        WriteIfSet(writer, "value"u8, value.Value);
        writer.WriteEndObject();
    }

    private static void WriteIfSet(Utf8JsonWriter writer, ReadOnlySpan<byte> name, string? text)
    {
        if (text is not null)
        {
            writer.WriteString(name, text);
        }
    }

    private static string? Pooled(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.String || reader.HasValueSequence || reader.ValueIsEscaped || reader.ValueSpan.Length > 128)
        {
            return reader.GetString() is { } text ? NamePool.Get(text) : null;
        }

        Span<char> chars = stackalloc char[128];
        var length = Encoding.UTF8.GetChars(reader.ValueSpan, chars);
        return NamePool.Get(chars[..length]);
    }
}

/// <summary>One shared copy of each short name read from stored content (aliases, culture codes); bounded.</summary>
internal static class NamePool
{
    /// <summary>A site has a few hundred aliases; past this many names, they are no longer pooled.</summary>
    private const int MaxNames = 4_096;

    private static readonly ConcurrentDictionary<string, string> Names = new(StringComparer.Ordinal);

    public static string Get(ReadOnlySpan<char> text)
    {
        if (Names.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(text, out var known))
        {
            return known;
        }

        var name = text.ToString();
        return Names.Count < MaxNames ? Names.GetOrAdd(name, name) : name;
    }
}
