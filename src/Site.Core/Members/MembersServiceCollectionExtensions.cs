using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Site.Core.Backup;

namespace Site.Core.Members;

public static class MembersServiceCollectionExtensions
{
    /// <summary>The members' store (Identity on EF Core), administration, applications, data export and mail.</summary>
    public static IdentityBuilder AddSiteMembers(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IMembersDbContextFactory, MembersDbContextFactory>();
        services.AddScoped(sp => sp.GetRequiredService<IMembersDbContextFactory>().Create());
        services.AddSingleton<IMembersInitializer, MembersInitializer>();
        // Members' accounts, applications and audit are personal data; the groups (which protected pages name) are not.
        services.AddBackupStore<IMembersDbContextFactory>("members", 2, f => f.Create(),
            table => table.ClrType != typeof(MemberGroup) && table.ClrType != typeof(IdentityRoleClaim<Guid>));
        services.AddSingleton<IMailSender, MailKitMailSender>();
        services.AddScoped<IMemberAdminService, MemberAdminService>();
        services.AddScoped<IMemberApplicationService, MemberApplicationService>();
        services.AddScoped<IMemberDataService, MemberDataService>();
        services.AddScoped<ISessionRegistrationService, SessionRegistrationService>();
        return services
            .AddIdentityCore<Member>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                o.Password.RequiredLength = 10;
                o.Password.RequiredUniqueChars = 4;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<MemberGroup>()
            .AddEntityFrameworkStores<MembersDbContext>();
    }
}
