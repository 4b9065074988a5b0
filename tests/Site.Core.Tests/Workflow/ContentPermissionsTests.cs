using Site.Core.Workflow;

namespace Site.Core.Tests.Workflow;

/// <summary>Every group × action × culture: the one table the back office and its API rely on.</summary>
public sealed class ContentPermissionsTests
{
    private static BackOfficeUser User(string group, string? translatorCulture = null) =>
        new("u", "User", new HashSet<string> { group }, translatorCulture);

    public static TheoryData<string, ContentAction, string, bool> Matrix()
    {
        var data = new TheoryData<string, ContentAction, string, bool>();
        foreach (var action in Enum.GetValues<ContentAction>())
        {
            foreach (var culture in new[] { "zh-CN", "en-US" })
            {
                data.Add(BackOfficeGroups.Administrators, action, culture, true);
                data.Add(BackOfficeGroups.Editors, action, culture, true);
                data.Add(BackOfficeGroups.Writers, action, culture, action is ContentAction.Create or ContentAction.Edit or ContentAction.Submit or ContentAction.Rollback);
                data.Add(BackOfficeGroups.Translators, action, culture, culture == "en-US" && action is ContentAction.Edit or ContentAction.Submit);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public void Each_group_may_do_exactly_its_actions(string group, ContentAction action, string culture, bool allowed)
    {
        var user = User(group, translatorCulture: group == BackOfficeGroups.Translators ? "en-US" : null);

        Assert.Equal(allowed, ContentPermissions.Can(user, action, culture));
    }

    [Fact]
    public void A_user_in_no_group_may_do_nothing()
    {
        var nobody = new BackOfficeUser("n", "Nobody", new HashSet<string>());

        Assert.All(Enum.GetValues<ContentAction>(), a => Assert.False(ContentPermissions.Can(nobody, a, "zh-CN")));
    }

    [Fact]
    public void A_translator_without_a_culture_may_edit_nothing()
    {
        Assert.False(ContentPermissions.Can(User(BackOfficeGroups.Translators), ContentAction.Edit, "en-US"));
        Assert.False(ContentPermissions.Can(User(BackOfficeGroups.Translators, "en-US"), ContentAction.Edit, null));
    }
}
