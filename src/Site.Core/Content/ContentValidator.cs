using System.Text.RegularExpressions;

namespace Site.Core.Content;

/// <summary>Checks a version against its content type: structure on every save, required values when publishing.</summary>
internal static class ContentValidator
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(200);

    /// <summary>Errors that make a save impossible: unknown properties or cultures, wrong variation, malformed values.</summary>
    public static List<ContentError> ValidateForSave(ContentSchema schema, ContentType type, ContentData data)
    {
        var errors = new List<ContentError>();
        foreach (var culture in data.Names.Keys)
        {
            if (!schema.Languages.Contains(culture))
            {
                errors.Add(new ContentError(null, culture, Messages.UnknownCulture.Format(culture)));
            }
        }

        var seen = new HashSet<(string Alias, string Culture)>();
        foreach (var value in data.Values)
        {
            if (!seen.Add((value.Alias, (value.Culture ?? string.Empty).ToUpperInvariant())))
            {
                errors.Add(new ContentError(value.Alias, value.Culture, Messages.DuplicateValue.Format(value.Alias)));
                continue;
            }

            var property = type.FindProperty(value.Alias);
            if (property is null)
            {
                errors.Add(new ContentError(value.Alias, value.Culture, Messages.UnknownProperty.Format(value.Alias)));
                continue;
            }

            if (value.Culture is not null && !schema.Languages.Contains(value.Culture))
            {
                errors.Add(new ContentError(value.Alias, value.Culture, Messages.UnknownCulture.Format(value.Culture)));
            }
            else if (property.VariesByCulture && value.Culture is null)
            {
                errors.Add(new ContentError(value.Alias, null, Messages.VariantWithoutCulture.Format(value.Alias)));
            }
            else if (!property.VariesByCulture && value.Culture is not null)
            {
                errors.Add(new ContentError(value.Alias, value.Culture, Messages.InvariantGivenCulture.Format(value.Alias)));
            }
            else if (!string.IsNullOrEmpty(value.Value))
            {
                var problem = CheckValue(schema, property, value.Value, new EditorValues.Nesting(0, property.VariesByCulture));
                if (problem is not null)
                {
                    errors.Add(new ContentError(value.Alias, value.Culture, problem));
                }
            }
        }

        CheckDateRanges(type, data, errors);

        // Rules across values (an agenda's times and rooms), once every value has its own shape.
        if (errors.Count == 0)
        {
            errors.AddRange(Programme.AgendaRules.Check(schema, type, data));
        }

        return errors;
    }

    /// <summary>Pairs of dates where the second cannot come before the first (a session's days, its registration window).</summary>
    private static readonly (string Start, string End)[] DateRanges = [("startDate", "endDate"), ("registrationOpens", "registrationCloses")];

    private static void CheckDateRanges(ContentType type, ContentData data, List<ContentError> errors)
    {
        foreach (var (startAlias, endAlias) in DateRanges)
        {
            if (type.FindProperty(startAlias) is not { EditorAlias: PropertyEditors.DatePicker } start
                || type.FindProperty(endAlias) is not { EditorAlias: PropertyEditors.DatePicker } end)
            {
                continue;
            }

            foreach (var value in data.Values.Where(v => v.Alias == endAlias))
            {
                if (EditorValues.Date(value.Value) is { } last
                    && EditorValues.Date(data.GetValue(startAlias, start.VariesByCulture ? value.Culture : null)) is { } first
                    && last < first)
                {
                    errors.Add(new ContentError(endAlias, value.Culture, Messages.DateBeforeStart.Format(end.Name, start.Name)));
                }
            }
        }
    }

    /// <summary>Errors that stop a culture going live: a missing name, missing mandatory values (its own and the invariant ones).</summary>
    public static List<ContentError> ValidateForPublish(ContentSchema schema, ContentType type, ContentData data, IEnumerable<string> cultures)
    {
        var errors = new List<ContentError>();
        foreach (var culture in cultures)
        {
            if (string.IsNullOrWhiteSpace(data.GetName(culture)))
            {
                errors.Add(new ContentError(null, culture, Messages.NameRequired.Format(culture)));
            }

            foreach (var property in type.Properties.Where(p => p.Mandatory && p.VariesByCulture))
            {
                if (data.GetValue(property.Alias, culture) is null)
                {
                    errors.Add(new ContentError(property.Alias, culture, RequiredMessage(schema, property)));
                }
            }
        }

        foreach (var property in type.Properties.Where(p => p.Mandatory && !p.VariesByCulture))
        {
            if (data.GetValue(property.Alias, null) is null)
            {
                errors.Add(new ContentError(property.Alias, null, RequiredMessage(schema, property)));
            }
        }

        return errors;
    }

    private static LocalizedText RequiredMessage(ContentSchema schema, PropertyType property) =>
        schema.ResolveMessage(property.MandatoryMessage) ?? Messages.Required.Format(property.Name);

    /// <summary>Why a (non-empty) value does not fit its property: characters, length, pattern, then its editor's shape (blocks recursively).</summary>
    internal static LocalizedText? CheckValue(ContentSchema schema, PropertyType property, string value, EditorValues.Nesting nesting)
    {
        // One-line editors hold no line breaks or control characters; that also keeps a pattern's "$" from
        // accepting a value that ends in a newline.
        var multiLine = PropertyEditors.IsMultiLine(property.EditorAlias);
        if (value.Any(c => char.IsControl(c) && !(multiLine && c is '\n' or '\r' or '\t')))
        {
            return multiLine ? Messages.ControlCharacters.Format(property.Name) : Messages.OneLine.Format(property.Name);
        }

        var maxChars = schema.MaxChars(property);
        if (maxChars is > 0 && value.Length > maxChars)
        {
            return Messages.TooLong.Format(property.Name, maxChars.Value);
        }

        if (!string.IsNullOrEmpty(property.ValidationPattern)
            && !MatchesPattern(property.ValidationPattern, value))
        {
            return schema.ResolveMessage(property.ValidationMessage) ?? Messages.PatternMismatch.Format(property.Name);
        }

        return EditorValues.Check(schema, property, value, nesting);
    }

    private static bool MatchesPattern(string pattern, string value)
    {
        try
        {
            return Regex.IsMatch(value, pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
