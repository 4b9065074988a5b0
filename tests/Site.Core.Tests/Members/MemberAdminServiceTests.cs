using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Members;

/// <summary>The back office's member administration, on each database: every change done, and audited.</summary>
public sealed class MemberAdminServiceTests
{
    public static TheoryData<TestDatabase> Databases => [TestDatabase.Sqlite, TestDatabase.PostgreSql];

    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_new_site_has_the_forums_groups_and_editors_can_add_more(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        await using var scope = host.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();

        Assert.Equal(["Jiangsu principals", "Overseas principals", "Partner schools"], await admin.GetGroupsAsync(None));
        Assert.True((await admin.CreateGroupAsync("  Shanghai observers ", "editor@jesie", None)).Succeeded);
        Assert.Equal([MemberErrors.DuplicateGroup], (await admin.CreateGroupAsync("shanghai observers", "editor@jesie", None)).Errors);
        Assert.Equal([MemberErrors.InvalidGroupName], (await admin.CreateGroupAsync("  ", "editor@jesie", None)).Errors);
        Assert.Contains("Shanghai observers", await admin.GetGroupsAsync(None));
        var audit = await admin.GetAuditAsync(null, None);
        Assert.Contains(audit, a => a is { Action: MemberAuditActions.CreateGroup, Actor: "editor@jesie", Detail: "Shanghai observers" });
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Search_finds_members_by_any_part_of_their_details_and_by_group(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var wang = await host.CreateMemberAsync("wang@example.edu.cn", "王校长", "苏州中学", "zh-CN");
        var smith = await host.CreateMemberAsync("j.smith@example.fi", "Jane Smith", "Tampere Lyceum");
        await host.CreateMemberAsync("l.chen@example.org", "Li Chen", "Wuxi Experimental School");
        await using var scope = host.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
        Assert.True((await admin.AddToGroupAsync(smith, "Overseas principals", "editor", None)).Succeeded);

        Assert.Equal([smith], (await admin.SearchAsync(new MemberSearch("tampere"), None)).Members.Select(m => m.Id));
        Assert.Equal([smith], (await admin.SearchAsync(new MemberSearch("J.SMITH@"), None)).Members.Select(m => m.Id));
        Assert.Equal([wang], (await admin.SearchAsync(new MemberSearch("苏州"), None)).Members.Select(m => m.Id));
        var overseas = await admin.SearchAsync(new MemberSearch(Group: "overseas principals"), None);
        Assert.Equal([smith], overseas.Members.Select(m => m.Id));
        Assert.Equal(["Overseas principals"], overseas.Members[0].Groups);

        var all = await admin.SearchAsync(new MemberSearch(PageSize: 2), None);
        Assert.Equal(3, all.Total);
        Assert.Equal(2, all.Members.Count);
        var second = await admin.SearchAsync(new MemberSearch(Page: 2, PageSize: 2), None);
        Assert.Single(second.Members);
        Assert.DoesNotContain(second.Members[0].Id, all.Members.Select(m => m.Id));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Group_changes_renew_the_security_stamp_and_are_audited(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var id = await host.CreateMemberAsync("p@example.org", "Principal");
        await using var scope = host.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
        var stamp = await StampAsync(host, id);

        Assert.True((await admin.AddToGroupAsync(id, "Partner schools", "editor", None)).Succeeded);
        Assert.Equal(["Partner schools"], (await admin.GetAsync(id, None))!.Groups);
        var afterAdd = await StampAsync(host, id);
        Assert.NotEqual(stamp, afterAdd);

        Assert.True((await admin.RemoveFromGroupAsync(id, "Partner schools", "editor", None)).Succeeded);
        Assert.Empty((await admin.GetAsync(id, None))!.Groups);
        Assert.NotEqual(afterAdd, await StampAsync(host, id));

        Assert.Equal([MemberErrors.UnknownGroup], (await admin.AddToGroupAsync(id, "No such group", "editor", None)).Errors);
        Assert.Equal([MemberErrors.NotFound], (await admin.AddToGroupAsync(Guid.NewGuid(), "Partner schools", "editor", None)).Errors);
        var audit = await admin.GetAuditAsync(id, None);
        Assert.Equal([MemberAuditActions.RemoveFromGroup, MemberAuditActions.AddToGroup], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("Partner schools", a.Detail));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Locking_keeps_a_member_out_until_unlocked(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var id = await host.CreateMemberAsync("locked@example.org", "Locked Out");
        await using var scope = host.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var stamp = await StampAsync(host, id);

        Assert.True((await admin.LockAsync(id, null, "editor", None)).Succeeded);
        var locked = (await admin.GetAsync(id, None))!;
        Assert.True(locked.IsLockedOut(DateTimeOffset.UtcNow));
        Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(id.ToString()))!));
        Assert.NotEqual(stamp, await StampAsync(host, id));

        Assert.True((await admin.UnlockAsync(id, "editor", None)).Succeeded);
        Assert.False((await admin.GetAsync(id, None))!.IsLockedOut(DateTimeOffset.UtcNow));
        Assert.Equal([MemberAuditActions.Unlock, MemberAuditActions.Lock], (await admin.GetAuditAsync(id, None)).Select(a => a.Action));
        Assert.Equal([MemberErrors.NotFound], (await admin.LockAsync(Guid.NewGuid(), null, "editor", None)).Errors);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Editors_change_details_within_the_rules(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var id = await host.CreateMemberAsync("d@example.org", "Old Name");
        await using var scope = host.Scope();
        var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();

        var changed = await admin.UpdateDetailsAsync(id, new MemberDetails(" New Name ", "School", "Head", "Nanjing", "China", "zh-CN"), "editor", None);
        Assert.True(changed.Succeeded);
        var profile = (await admin.GetAsync(id, None))!;
        Assert.Equal(("New Name", "Nanjing", "zh-CN"), (profile.Name, profile.City, profile.PreferredCulture));
        Assert.Equal([id], (await admin.SearchAsync(new MemberSearch("nanjing"), None)).Members.Select(m => m.Id));

        var refused = await admin.UpdateDetailsAsync(id, new MemberDetails("", "School", "Head", "Nanjing", "China", "fr-FR"), "editor", None);
        Assert.False(refused.Succeeded);
        Assert.Equal(["Name:Required", "PreferredCulture:Invalid"], refused.Errors.Order(StringComparer.Ordinal));
        Assert.Equal("New Name", (await admin.GetAsync(id, None))!.Name);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Application_status_changes_are_seen_by_the_member_and_audited(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var member = await host.CreateMemberAsync("a@example.org", "Applicant");
        await using var scope = host.Scope();
        var applications = scope.ServiceProvider.GetRequiredService<IMemberApplicationService>();
        var admin = scope.ServiceProvider.GetRequiredService<IMemberAdminService>();
        var (submitted, application) = await applications.SubmitAsync(member, ApplicationKind.SisterSchool, "  We look for a partner school in Finland.  ", None);
        Assert.True(submitted.Succeeded);
        Assert.Equal(ApplicationStatus.Submitted, application!.Status);
        Assert.Equal("We look for a partner school in Finland.", application.Message);

        Assert.Equal([application.Id], (await admin.GetApplicationsAsync(ApplicationStatus.Submitted, None)).Select(a => a.Id));
        Assert.True((await admin.SetApplicationStatusAsync(application.Id, ApplicationStatus.UnderReview, null, "editor", None)).Succeeded);
        Assert.True((await admin.SetApplicationStatusAsync(application.Id, ApplicationStatus.Accepted, "Welcome!", "editor", None)).Succeeded);

        var seen = (await applications.GetAsync(member, application.Id, None))!;
        Assert.Equal((ApplicationStatus.Accepted, "Welcome!"), (seen.Status, seen.EditorNote));
        Assert.Empty(await admin.GetApplicationsAsync(ApplicationStatus.Submitted, None));
        Assert.Equal(MemberResult.NotFound.Errors, (await admin.SetApplicationStatusAsync(Guid.NewGuid(), ApplicationStatus.Declined, null, "editor", None)).Errors);
        var audit = await admin.GetAuditAsync(member, None);
        Assert.Equal(["UnderReview->Accepted", "Submitted->UnderReview", nameof(ApplicationKind.SisterSchool)], audit.Select(a => a.Detail));
    }

    private static async Task<string?> StampAsync(MembersTestHost host, Guid id)
    {
        await using var scope = host.Scope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        return await users.GetSecurityStampAsync((await users.FindByIdAsync(id.ToString()))!);
    }
}
