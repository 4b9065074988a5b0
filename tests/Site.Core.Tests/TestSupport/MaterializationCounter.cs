using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Storage;

namespace Site.Core.Tests.TestSupport;

/// <summary>
/// Counts the entities EF Core builds from rows read from the site's database, per entity type: what a call read,
/// whichever query it used (LINQ or SQL, tracked or not).
/// </summary>
internal sealed class MaterializationCounter : IMaterializationInterceptor
{
    private readonly ConcurrentDictionary<Type, int> _counts = new();

    /// <summary>Adds a counter to an engine's services (pass to <see cref="TestEngine.StartAsync"/>'s configure).</summary>
    public static Action<IServiceCollection> AddTo(MaterializationCounter counter) =>
        services => services.AddKeyedSingleton<IInterceptor>(SiteDbContextFactory.InterceptorKey, counter);

    public int Count<TEntity>() => _counts.GetValueOrDefault(typeof(TEntity));

    public void Reset() => _counts.Clear();

    public object InitializedInstance(MaterializationInterceptionData materializationData, object entity)
    {
        _counts.AddOrUpdate(entity.GetType(), 1, (_, count) => count + 1);
        return entity;
    }
}
