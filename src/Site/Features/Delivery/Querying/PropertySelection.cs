using System.Globalization;

namespace Site.Features.Delivery.Querying;

/// <summary>
/// The v2 grammar of "expand" and "fields": <c>properties[$all]</c>, <c>properties[a,b]</c> and nested
/// <c>properties[a[properties[b,c]]]</c>. For "expand" it names the pickers to expand; for "fields", the properties to
/// include. Immutable.
/// </summary>
public sealed class PropertySelection
{
    private readonly Dictionary<string, PropertySelection?> _aliases;

    private PropertySelection(bool all, Dictionary<string, PropertySelection?> aliases, PropertySelection? allNested)
    {
        IncludesAll = all;
        _aliases = aliases;
        AllNested = allNested;
    }

    /// <summary>Nothing selected (expand's default).</summary>
    public static PropertySelection None { get; } = new(false, new(StringComparer.Ordinal), null);

    /// <summary>Everything selected (fields' default).</summary>
    public static PropertySelection All { get; } = new(true, new(StringComparer.Ordinal), null);

    public bool IncludesAll { get; }

    private PropertySelection? AllNested { get; }

    public bool IsEmpty => !IncludesAll && _aliases.Count == 0;

    public bool Includes(string alias) => IncludesAll || _aliases.ContainsKey(alias);

    /// <summary>What was asked for inside the property (the nested <c>properties[...]</c>), or null when nothing was.</summary>
    public PropertySelection? Nested(string alias) =>
        _aliases.TryGetValue(alias, out var nested) && nested is not null ? nested : IncludesAll ? AllNested : null;

    /// <summary>Parses a value; an empty one gives <paramref name="empty"/>. The error names the parameter and the position.</summary>
    public static bool TryParse(string? text, string parameter, PropertySelection empty, out PropertySelection selection, out string? error)
    {
        selection = empty;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var parser = new Parser(text, parameter);
        try
        {
            selection = parser.ParseSpec();
            parser.SkipSpaces();
            if (!parser.AtEnd)
            {
                throw parser.Fail("unexpected text after the closing ']'");
            }

            return true;
        }
        catch (FormatException e)
        {
            error = e.Message;
            selection = empty;
            return false;
        }
    }

    private sealed class Parser(string text, string parameter)
    {
        private const int MaxDepth = 8;
        private int _position;
        private int _depth;

        public bool AtEnd => _position >= text.Length;

        public PropertySelection ParseSpec()
        {
            if (++_depth > MaxDepth)
            {
                throw Fail($"nesting deeper than {MaxDepth.ToString(CultureInfo.InvariantCulture)} levels");
            }

            SkipSpaces();
            Expect("properties");
            SkipSpaces();
            Expect("[");
            var all = false;
            PropertySelection? allNested = null;
            var aliases = new Dictionary<string, PropertySelection?>(StringComparer.Ordinal);
            do
            {
                SkipSpaces();
                var name = ReadName();
                SkipSpaces();
                PropertySelection? nested = null;
                if (Peek('['))
                {
                    _position++;
                    nested = ParseSpec();
                    SkipSpaces();
                    Expect("]");
                    SkipSpaces();
                }

                if (name == "$all")
                {
                    all = true;
                    allNested = nested;
                }
                else
                {
                    aliases[name] = nested;
                }
            }
            while (TryConsume(','));

            SkipSpaces();
            Expect("]");
            _depth--;
            return new PropertySelection(all, aliases, allNested);
        }

        public void SkipSpaces()
        {
            while (!AtEnd && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        public FormatException Fail(string what) =>
            new($"The {parameter} parameter is malformed at position {_position.ToString(CultureInfo.InvariantCulture)}: {what}. " +
                "Expected properties[$all], properties[alias1,alias2] or properties[alias[properties[nestedAlias]]].");

        private bool Peek(char c) => !AtEnd && text[_position] == c;

        private bool TryConsume(char c)
        {
            SkipSpaces();
            if (Peek(c))
            {
                _position++;
                return true;
            }

            return false;
        }

        private void Expect(string token)
        {
            if (string.CompareOrdinal(text, _position, token, 0, token.Length) != 0)
            {
                throw Fail($"expected '{token}'");
            }

            _position += token.Length;
        }

        private string ReadName()
        {
            var start = _position;
            if (Peek('$'))
            {
                _position++;
            }

            while (!AtEnd && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '_' or '-'))
            {
                _position++;
            }

            var name = text[start.._position];
            if (name.Length == 0 || name == "$")
            {
                throw Fail("expected a property alias or $all");
            }

            if (name[0] == '$' && name != "$all")
            {
                throw Fail($"unknown selector '{name}'");
            }

            return name;
        }
    }
}
