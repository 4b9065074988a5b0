using Site.Hosting;

namespace Site.Tests.Hosting;

/// <summary>SiteCommands.Split: a verb's own words go to the verb, host options (--name value) to the host.</summary>
public sealed class SiteCommandsTests
{
    [Fact]
    public void Without_a_verb_every_argument_goes_to_the_host()
    {
        var (command, host) = SiteCommands.Split(["--urls", "http://localhost:5000"]);

        Assert.Null(command);
        Assert.Equal(["--urls", "http://localhost:5000"], host);
    }

    [Fact]
    public void The_usync_verb_takes_its_action_and_folder()
    {
        var (command, host) = SiteCommands.Split(["usync", "export", "out", "--environment", "Production"]);

        Assert.Equal(["usync", "export", "out"], command!);
        Assert.Equal(["--environment", "Production"], host);
    }

    [Fact]
    public void The_content_verb_keeps_its_properties_and_data_type_and_leaves_host_options_to_the_host()
    {
        var (command, host) = SiteCommands.Split(
            ["content", "markdown-to-richtext", "--environment", "Production", "newsArticle.bodyText", "--data-type", "richText", "--Site:DataPath=data", "page.bodyText"]);

        Assert.Equal(["content", "markdown-to-richtext", "newsArticle.bodyText", "--data-type", "richText", "page.bodyText"], command!);
        Assert.Equal(["--environment", "Production", "--Site:DataPath=data"], host);
    }

    [Fact]
    public void The_backup_verb_keeps_its_file_and_members_flag_and_leaves_host_options_to_the_host()
    {
        var (command, host) = SiteCommands.Split(["backup", "create", "--Site:DataPath=data", "site.zip", "--members", "--environment", "Production"]);

        Assert.Equal(["backup", "create", "site.zip", "--members"], command!);
        Assert.Equal(["--Site:DataPath=data", "--environment", "Production"], host);
    }
}
