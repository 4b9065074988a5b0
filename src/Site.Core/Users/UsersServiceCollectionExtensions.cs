using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Site.Core.Backup;

namespace Site.Core.Users;

public static class UsersServiceCollectionExtensions
{
    /// <summary>Back-office users: Identity on EF Core in tables of their own, apart from members.</summary>
    public static IServiceCollection AddSiteUsers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<BackOfficeOptions>().BindConfiguration(BackOfficeOptions.SectionName);
        services.AddSingleton<IUsersDbContextFactory, UsersDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IUsersDbContextFactory>().Create());
        services.AddSingleton<IUsersInitializer, UsersInitializer>();
        services.AddBackupStore<IUsersDbContextFactory>("users", 1, f => f.Create());
        services.AddScoped<IUserService, UserService>();
        services.AddSingleton<IBackOfficeCultures, BackOfficeCultures>();
        // Identity's options (password rules, lockout) are shared with members: one policy for every account on the site.
        services.AddIdentityCore<UserAccount>()
            .AddRoles<UserGroup>()
            .AddEntityFrameworkStores<UsersDbContext>();
        return services;
    }
}
