using Microsoft.EntityFrameworkCore;
using Site.Core.Languages;
using Site.Core.Storage;

namespace Site.Core.Content;

/// <summary>The content schema as stored; read once and kept until the schema changes (an import).</summary>
public interface IContentSchemaStore
{
    Task<ContentSchema> GetAsync(CancellationToken cancellationToken);

    void Invalidate();

    /// <summary>Reads the dictionary again (an edited glossary), keeping the rest of the schema as it is.</summary>
    Task ReloadDictionaryAsync(CancellationToken cancellationToken);
}

internal sealed class ContentSchemaStore(ISiteDbContextFactory dbFactory) : IContentSchemaStore
{
    private volatile ContentSchema? _schema;

    public async Task<ContentSchema> GetAsync(CancellationToken cancellationToken)
    {
        if (_schema is { } cached)
        {
            return cached;
        }

        await using var db = dbFactory.Create();
        var languages = await db.Languages.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var dataTypes = await db.DataTypes.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var dictionary = await db.DictionaryItems.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var types = await db.ContentTypes.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        var schema = new ContentSchema(
            new LanguageSet(languages.Select(ContentMapping.ToLanguage)),
            dataTypes.Select(ContentMapping.ToDataType),
            dictionary.Select(ContentMapping.ToDictionaryItem),
            types.Select(t => ContentMapping.DeserializeType(t.DefinitionJson)));
        _schema = schema;
        return schema;
    }

    public void Invalidate() => _schema = null;

    public async Task ReloadDictionaryAsync(CancellationToken cancellationToken)
    {
        if (_schema is not { } cached)
        {
            return; // the next read loads everything
        }

        await using var db = dbFactory.Create();
        var dictionary = await db.DictionaryItems.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        _schema = cached.WithDictionary(dictionary.Select(ContentMapping.ToDictionaryItem));
    }
}
