using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Members;

/// <summary>A member's own data: only theirs, exportable whole, and deletable whole.</summary>
public sealed class MemberDataTests
{
    public static TheoryData<TestDatabase> Databases => [TestDatabase.Sqlite, TestDatabase.PostgreSql];

    private static readonly CancellationToken None = CancellationToken.None;

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task A_member_never_reads_another_members_applications(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var alice = await host.CreateMemberAsync("alice@example.org", "Alice");
        var bob = await host.CreateMemberAsync("bob@example.org", "Bob");
        await using var scope = host.Scope();
        var applications = scope.ServiceProvider.GetRequiredService<IMemberApplicationService>();
        var (_, mine) = await applications.SubmitAsync(alice, ApplicationKind.NextSession, "Alice's reasons", None);

        Assert.Null(await applications.GetAsync(bob, mine!.Id, None));
        Assert.Empty(await applications.GetForMemberAsync(bob, None));
        Assert.Equal([mine.Id], (await applications.GetForMemberAsync(alice, None)).Select(a => a.Id));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Applications_need_a_message_of_reasonable_length(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var member = await host.CreateMemberAsync("m@example.org", "M");
        await using var scope = host.Scope();
        var applications = scope.ServiceProvider.GetRequiredService<IMemberApplicationService>();

        Assert.Equal([MemberRules.Required], (await applications.SubmitAsync(member, ApplicationKind.NextSession, "   ", None)).Result.Errors);
        Assert.Equal([MemberRules.TooLong], (await applications.SubmitAsync(member, ApplicationKind.NextSession, new string('x', 4001), None)).Result.Errors);
        Assert.Equal(MemberResult.NotFound.Errors, (await applications.SubmitAsync(Guid.NewGuid(), ApplicationKind.NextSession, "x", None)).Result.Errors);
        Assert.Empty(await applications.GetForMemberAsync(member, None));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Export_holds_everything_about_the_member_and_nothing_about_others(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var member = await host.CreateMemberAsync("export@example.org", "导出测试", "南京外国语学校", "zh-CN");
        var other = await host.CreateMemberAsync("other@example.org", "Other Person");
        await using var scope = host.Scope();
        var applications = scope.ServiceProvider.GetRequiredService<IMemberApplicationService>();
        await applications.SubmitAsync(member, ApplicationKind.SisterSchool, "寻找芬兰的友好学校", None);
        await applications.SubmitAsync(other, ApplicationKind.NextSession, "Other's secret", None);
        await scope.ServiceProvider.GetRequiredService<IMemberAdminService>().AddToGroupAsync(member, "Jiangsu principals", "editor", None);

        var json = await scope.ServiceProvider.GetRequiredService<IMemberDataService>().ExportAsync(member, None);

        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("export@example.org", root.GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal("南京外国语学校", root.GetProperty("profile").GetProperty("school").GetString());
        Assert.Equal("Jiangsu principals", root.GetProperty("profile").GetProperty("groups")[0].GetString());
        var application = Assert.Single(root.GetProperty("applications").EnumerateArray());
        Assert.Equal("SisterSchool", application.GetProperty("kind").GetString());
        Assert.Equal("Submitted", application.GetProperty("status").GetString());
        Assert.Contains("寻找芬兰的友好学校", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Other", json, StringComparison.Ordinal);
        Assert.DoesNotContain("PasswordHash", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SecurityStamp", json, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task Deleting_an_account_removes_the_member_and_their_applications(TestDatabase database)
    {
        await using var host = await MembersTestHost.StartAsync(database);
        var member = await host.CreateMemberAsync("delete@example.org", "Leaving Member");
        var other = await host.CreateMemberAsync("stay@example.org", "Staying Member");
        await using (var scope = host.Scope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IMemberApplicationService>();
            await applications.SubmitAsync(member, ApplicationKind.NextSession, "Please", None);
            await applications.SubmitAsync(other, ApplicationKind.NextSession, "Me too", None);
            await scope.ServiceProvider.GetRequiredService<IMemberAdminService>().AddToGroupAsync(member, "Partner schools", "editor", None);
            Assert.True(await scope.ServiceProvider.GetRequiredService<IMemberDataService>().DeleteAsync(member, None));
        }

        await using var after = host.Scope();
        var admin = after.ServiceProvider.GetRequiredService<IMemberAdminService>();
        Assert.Null(await admin.GetAsync(member, None));
        Assert.Equal([other], (await admin.GetApplicationsAsync(null, None)).Select(a => a.MemberId));
        Assert.Equal([other], (await admin.SearchAsync(new MemberSearch(), None)).Members.Select(m => m.Id));
        var trail = await admin.GetAuditAsync(member, None);
        Assert.Equal(MemberAuditActions.Delete, trail[0].Action);
        Assert.DoesNotContain(trail, a => (a.Detail ?? string.Empty).Contains("delete@example.org", StringComparison.Ordinal));
        Assert.False(await after.ServiceProvider.GetRequiredService<IMemberDataService>().DeleteAsync(member, None));
    }
}
