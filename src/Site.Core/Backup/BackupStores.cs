using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Site.Core.Backup;

/// <summary>
/// One EF Core context whose tables a backup holds. Each part of the engine that owns tables registers its own (the
/// content, the back-office users, the members), so a backup holds every table without knowing the parts.
/// </summary>
internal interface IBackupStore
{
    /// <summary>The store's folder name inside the archive; stores are restored in the order of <see cref="Order"/>.</summary>
    string Name { get; }

    int Order { get; }

    DbContext Create();

    /// <summary>Whether the rows of this table are personal data, held only when the operator asks for them.</summary>
    bool IsPersonalData(IEntityType table);
}

internal sealed class BackupStore(string name, int order, Func<DbContext> create, Func<IEntityType, bool>? isPersonalData = null) : IBackupStore
{
    public string Name { get; } = name;

    public int Order { get; } = order;

    public DbContext Create() => create();

    public bool IsPersonalData(IEntityType table) => isPersonalData?.Invoke(table) ?? false;
}

internal static class BackupStoreRegistration
{
    public static IServiceCollection AddBackupStore<TFactory>(
        this IServiceCollection services, string name, int order, Func<TFactory, DbContext> create, Func<IEntityType, bool>? isPersonalData = null)
        where TFactory : notnull =>
        services.AddSingleton<IBackupStore>(sp =>
        {
            var factory = sp.GetRequiredService<TFactory>();
            return new BackupStore(name, order, () => create(factory), isPersonalData);
        });
}
