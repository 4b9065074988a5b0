using Site.Core.Languages;

namespace Site.Core.Members;

/// <summary>Field rules for a member's details and applications, shared by the site's forms and the back office.</summary>
public static class MemberRules
{
    public const int MaxNameLength = 200;
    public const int MaxPlaceLength = 100;

    public const string Required = "Required";
    public const string TooLong = "TooLong";
    public const string Invalid = "Invalid";

    /// <summary>Field name → error code; empty when the details are acceptable (the preferred culture: one of the site's languages).</summary>
    public static IReadOnlyDictionary<string, string> Validate(MemberDetails details, LanguageSet languages)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(languages);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        Check(errors, nameof(MemberDetails.Name), details.Name, MaxNameLength, required: true);
        Check(errors, nameof(MemberDetails.School), details.School, MaxNameLength, required: true);
        Check(errors, nameof(MemberDetails.Position), details.Position, MaxNameLength, required: true);
        Check(errors, nameof(MemberDetails.City), details.City, MaxPlaceLength, required: true);
        Check(errors, nameof(MemberDetails.Country), details.Country, MaxPlaceLength, required: true);
        if (details.PreferredCulture is null || languages.Find(details.PreferredCulture)?.IsoCode != details.PreferredCulture)
        {
            errors[nameof(MemberDetails.PreferredCulture)] = Invalid;
        }

        return errors;
    }

    /// <summary>The details with surrounding white space removed.</summary>
    public static MemberDetails Trim(MemberDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        return new MemberDetails(
            (details.Name ?? string.Empty).Trim(),
            (details.School ?? string.Empty).Trim(),
            (details.Position ?? string.Empty).Trim(),
            (details.City ?? string.Empty).Trim(),
            (details.Country ?? string.Empty).Trim(),
            (details.PreferredCulture ?? string.Empty).Trim());
    }

    private static void Check(Dictionary<string, string> errors, string field, string? value, int max, bool required)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                errors[field] = Required;
            }
        }
        else if (value.Length > max)
        {
            errors[field] = TooLong;
        }
    }
}

public static class MemberApplications
{
    public const int MaxMessageLength = 4000;

    /// <summary>The message of an application: required, at most <see cref="MaxMessageLength"/> characters.</summary>
    public static string? ValidateMessage(string? message) =>
        string.IsNullOrWhiteSpace(message) ? MemberRules.Required
        : message.Trim().Length > MaxMessageLength ? MemberRules.TooLong
        : null;
}
