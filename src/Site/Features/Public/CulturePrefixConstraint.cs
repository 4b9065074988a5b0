using Site.Core.Publishing;

namespace Site.Features.Public;

/// <summary>Matches a URL prefix of a site language ("zh", "en"), as the languages in the published snapshot define them.</summary>
internal sealed class CulturePrefixConstraint(IPublishedSnapshotAccessor snapshots) : IRouteConstraint
{
    public const string Name = "culturePrefix";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value)
            && value is string prefix
            && snapshots.Current.Languages.FindByPrefix(prefix) is not null;
    }
}
