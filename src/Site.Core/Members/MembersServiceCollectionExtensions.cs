using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.AddSingleton<IMailSender, MailKitMailSender>();
        services.AddScoped<IMemberAdminService, MemberAdminService>();
        services.AddScoped<IMemberApplicationService, MemberApplicationService>();
        services.AddScoped<IMemberDataService, MemberDataService>();
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
