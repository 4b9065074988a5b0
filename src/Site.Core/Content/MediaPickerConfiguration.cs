using System.Text.Json;
using Site.Core.Media;

namespace Site.Core.Content;

/// <summary>A crop a media picker's data type defines (Umbraco's <c>crops: [{alias, label, width, height}]</c>).</summary>
public sealed record MediaCropDefinition(string Alias, string? Label, int Width, int Height);

/// <summary>
/// Umbraco.MediaPicker3's data type configuration as uSync stores it: <c>filter</c>, <c>multiple</c>,
/// <c>validationLimit: {min, max}</c>, <c>startNodeId</c>, <c>enableLocalFocalPoint</c>, <c>crops</c>,
/// <c>ignoreUserStartNodes</c>. What cannot be read takes Umbraco's default (one item, no crops), so a hand-written
/// configuration never breaks a page.
/// </summary>
public sealed record MediaPickerConfiguration(bool Multiple, int? Min, int? Max, bool EnableLocalFocalPoint, IReadOnlyList<MediaCropDefinition> Crops)
{
    public static MediaPickerConfiguration Default { get; } = new(false, null, null, false, []);

    /// <summary>The most items a value may hold: one unless the picker is multiple, then the limit's max (if any).</summary>
    public int? MaxItems => Multiple ? Max : 1;

    public MediaCropDefinition? FindCrop(string? alias) =>
        alias is null ? null : Crops.FirstOrDefault(c => string.Equals(c.Alias, alias, StringComparison.Ordinal));

    public static MediaPickerConfiguration Parse(string? configJson)
    {
        return DataTypeConfig.Read(configJson, Default, static root =>
        {
            var multiple = root.TryGetProperty("multiple", out var m) && IsTrue(m);
            var local = root.TryGetProperty("enableLocalFocalPoint", out var l) && IsTrue(l);
            int? min = null, max = null;
            if (root.TryGetProperty("validationLimit", out var limit) && limit.ValueKind == JsonValueKind.Object)
            {
                min = Number(limit, "min");
                max = Number(limit, "max");
            }

            var crops = new List<MediaCropDefinition>();
            if (root.TryGetProperty("crops", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var crop in list.EnumerateArray())
                {
                    if (crop.ValueKind == JsonValueKind.Object
                        && crop.TryGetProperty("alias", out var alias) && alias.ValueKind == JsonValueKind.String && alias.GetString() is { Length: > 0 } a
                        && Number(crop, "width") is > 0 and var width && Number(crop, "height") is > 0 and var height
                        && crops.All(c => c.Alias != a))
                    {
                        var label = crop.TryGetProperty("label", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;
                        crops.Add(new MediaCropDefinition(a, label, width, height));
                    }
                }
            }

            return new MediaPickerConfiguration(multiple, min is > 0 ? min : null, max is > 0 ? max : null, local, crops);
        });
    }

    // uSync writes booleans as JSON booleans; older exports wrote "1"/"0" or "true".
    private static bool IsTrue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.String => value.GetString() is "1" or "true" or "True",
        JsonValueKind.Number => value.TryGetInt32(out var n) && n == 1,
        _ => false,
    };

    private static int? Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;
}

/// <summary>Where a crop lies in an image, as Umbraco stores it: the fraction cut from each edge (left, top, right, bottom).</summary>
public readonly record struct CropCoordinates(double X1, double Y1, double X2, double Y2)
{
    /// <summary>Every fraction from 0 to 1 and something left between opposite edges.</summary>
    public bool IsValid =>
        X1 is >= 0 and <= 1 && X2 is >= 0 and <= 1 && Y1 is >= 0 and <= 1 && Y2 is >= 0 and <= 1 && X1 + X2 < 1 && Y1 + Y2 < 1;
}

/// <summary>A crop inside a picked item (Umbraco's <c>{alias, width, height, coordinates}</c>); no coordinates: around the focal point.</summary>
public sealed record MediaPickCrop(string Alias, int Width, int Height, CropCoordinates? Coordinates);

/// <summary>One item of a MediaPicker3 value: the media item it points at, with an optional local focal point and crops.</summary>
public sealed record MediaPick(Guid Key, Guid MediaKey, string? MediaTypeAlias, FocalPoint? FocalPoint, IReadOnlyList<MediaPickCrop> Crops);
