using Site.Core.Content;
using Site.Core.Languages;

namespace Site.Core.Sync;

/// <summary>Checks that a package is whole and consistent before anything is written: references, rules, values.</summary>
internal static class UsyncPackageChecker
{
    public static void Check(
        UsyncPackage package,
        List<(string File, Language Item)> languages,
        List<(string File, DataType Item)> dataTypes,
        List<(string File, DictionaryItem Item)> dictionary,
        List<(string File, ContentType Item)> contentTypes,
        List<SyncProblem> problems)
    {
        if (languages.Count == 0)
        {
            problems.Add(new SyncProblem("Languages", "no language is defined"));
            return;
        }

        if (languages.Count(l => l.Item.IsDefault) != 1)
        {
            problems.Add(new SyncProblem("Languages", "exactly one language must be the default"));
        }

        Unique(languages, l => l.IsoCode, "language", problems);
        Unique(languages, l => l.UrlPrefix, "URL prefix (two languages of one language family share /xx/)", problems);
        Unique(dataTypes, d => d.Key.ToString(), "data type key", problems);
        Unique(dictionary, d => d.Alias, "dictionary alias", problems);
        Unique(dictionary, d => d.Key.ToString(), "dictionary key", problems);
        Unique(contentTypes, t => t.Alias, "content type alias", problems);
        Unique(package.Content.Select(c => (c.File, c)).ToList(), c => c.Key.ToString(), "content key", problems);

        var dataTypeKeys = dataTypes.Select(d => d.Item.Key).ToHashSet();
        var typeAliases = contentTypes.Select(t => t.Item.Alias).ToHashSet(StringComparer.Ordinal);
        var elementAliases = contentTypes.Where(t => t.Item.IsElement).Select(t => t.Item.Alias).ToHashSet(StringComparer.Ordinal);
        foreach (var (file, type) in contentTypes)
        {
            foreach (var property in type.Properties.Where(p => !dataTypeKeys.Contains(p.DataTypeKey)))
            {
                problems.Add(new SyncProblem(file, $"property \"{property.Alias}\" uses the data type {property.DataTypeKey}, which is not in DataTypes"));
            }

            foreach (var child in type.AllowedChildAliases.Where(a => !typeAliases.Contains(a)))
            {
                problems.Add(new SyncProblem(file, $"allowed child type \"{child}\" is not in ContentTypes"));
            }

            // An element type is the shape of a block, never a node: it may not stand at the root or under a node.
            foreach (var child in type.AllowedChildAliases.Where(elementAliases.Contains))
            {
                problems.Add(new SyncProblem(file, $"allowed child type \"{child}\" is an element type, which cannot be a content node"));
            }

            if (type.IsElement && type.AllowAtRoot)
            {
                problems.Add(new SyncProblem(file, "an element type cannot be allowed at the root"));
            }
        }

        if (problems.Count > 0)
        {
            return;
        }

        var schema = new ContentSchema(new LanguageSet(package.Languages), package.DataTypes, package.Dictionary, package.ContentTypes);
        var byKey = package.Content.ToDictionary(c => c.Key);
        foreach (var item in package.Content)
        {
            CheckContent(schema, item, byKey, problems);
        }
    }

    private static void CheckContent(ContentSchema schema, UsyncContentItem item, Dictionary<Guid, UsyncContentItem> byKey, List<SyncProblem> problems)
    {
        var type = schema.FindContentType(item.ContentTypeAlias);
        if (type is null)
        {
            problems.Add(new SyncProblem(item.File, $"content type \"{item.ContentTypeAlias}\" is not in ContentTypes"));
            return;
        }

        UsyncContentItem? parent = null;
        if (item.ParentKey is { } parentKey)
        {
            if (!byKey.TryGetValue(parentKey, out parent))
            {
                problems.Add(new SyncProblem(item.File, $"the parent {parentKey} is not in Content"));
                return;
            }

            var parentType = schema.FindContentType(parent.ContentTypeAlias);
            if (parentType is not null && !ContentSchema.AllowsChild(parentType, type))
            {
                problems.Add(new SyncProblem(item.File, $"\"{type.Alias}\" is not allowed under \"{parent.ContentTypeAlias}\""));
            }
        }
        else if (!type.CanBeRoot)
        {
            problems.Add(new SyncProblem(item.File, $"\"{type.Alias}\" is not allowed at the root"));
        }

        if (HasCycle(item, byKey))
        {
            problems.Add(new SyncProblem(item.File, "the node is its own ancestor"));
            return;
        }

        foreach (var error in ContentValidator.ValidateForSave(schema, type, item.Data))
        {
            problems.Add(new SyncProblem(item.File, Describe(error)));
        }

        foreach (var schedule in item.Schedules.Where(s => !schema.Languages.Contains(s.Culture)))
        {
            problems.Add(new SyncProblem(item.File, $"scheduled culture \"{schedule.Culture}\" is not a language of the site"));
        }

        if (item.PublishedCultures.Count == 0)
        {
            return;
        }

        foreach (var culture in item.PublishedCultures.Where(c => !schema.Languages.Contains(c)))
        {
            problems.Add(new SyncProblem(item.File, $"published culture \"{culture}\" is not a language of the site"));
        }

        foreach (var mandatory in schema.Languages.Mandatory.Where(m => !item.PublishedCultures.Contains(m.IsoCode, StringComparer.OrdinalIgnoreCase)))
        {
            problems.Add(new SyncProblem(item.File, $"published without the mandatory language {mandatory.IsoCode}"));
        }

        if (parent is not null)
        {
            foreach (var culture in item.PublishedCultures.Where(c => !parent.PublishedCultures.Contains(c, StringComparer.OrdinalIgnoreCase)))
            {
                problems.Add(new SyncProblem(item.File, $"published in {culture} but its parent ({parent.File}) is not"));
            }
        }

        foreach (var error in ContentValidator.ValidateForPublish(schema, type, item.Data, item.PublishedCultures.Where(schema.Languages.Contains)))
        {
            problems.Add(new SyncProblem(item.File, Describe(error)));
        }
    }

    private static bool HasCycle(UsyncContentItem item, Dictionary<Guid, UsyncContentItem> byKey)
    {
        var seen = new HashSet<Guid> { item.Key };
        for (var parent = item.ParentKey; parent is { } key && byKey.TryGetValue(key, out var next); parent = next.ParentKey)
        {
            if (!seen.Add(key))
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(ContentError error)
    {
        var where = (error.Alias, error.Culture) switch
        {
            (null, null) => string.Empty,
            (null, { } culture) => $"[{culture}] ",
            ({ } alias, null) => $"{alias}: ",
            ({ } alias, { } culture) => $"{alias} [{culture}]: ",
        };
        return where + error.Message.Get(Localization.TextCatalog.SourceCulture);
    }

    private static void Unique<T>(List<(string File, T Item)> items, Func<T, string> keyOf, string what, List<SyncProblem> problems)
    {
        foreach (var group in items.GroupBy(i => keyOf(i.Item), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            problems.Add(new SyncProblem(group.Last().File, $"duplicate {what} \"{group.Key}\" (also in {group.First().File})"));
        }
    }
}
