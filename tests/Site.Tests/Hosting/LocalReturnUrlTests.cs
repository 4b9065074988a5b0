using Site.Hosting;

namespace Site.Tests.Hosting;

public sealed class LocalReturnUrlTests
{
    private static readonly string[] Prefixes = ["/en", "/zh"];

    [Theory]
    [InlineData("/\t/evil.example")]          // browsers drop the tab and follow "//evil.example"
    [InlineData("/%09/evil.example/x")]        // stays escaped: allowed only under a routed prefix, which this is not
    [InlineData("/\u3000/evil.example")]       // an ideographic space answered 500 before
    [InlineData("/\r\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("/en\\..\\..\\evil.example")]
    [InlineData("https://evil.example/en")]
    [InlineData("evil.example/en")]
    [InlineData("/en/../../umbraco")]          // normalised, then outside the allowed prefixes
    [InlineData("/english")]                   // a prefix is a whole segment
    [InlineData("/en/\u200Bmember")]           // invisible format characters
    [InlineData("")]
    [InlineData(null)]
    public void Refuses_what_could_leave_the_site_or_is_not_routed(string? url) =>
        Assert.Null(LocalReturnUrl.Check(url, Prefixes));

    [Theory]
    [InlineData("/en", "/en")]
    [InlineData("/en/member", "/en/member")]
    [InlineData("/zh/sessions?page=2#top", "/zh/sessions?page=2#top")]
    [InlineData("/zh/新闻", "/zh/%E6%96%B0%E9%97%BB")]     // escaped, so the Location header stays ASCII
    [InlineData("/EN/member", "/EN/member")]
    public void Accepts_local_paths_under_a_prefix_in_ascii(string url, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.Check(url, Prefixes));

    [Fact]
    public void Refuses_half_a_surrogate_pair() =>
        Assert.Null(LocalReturnUrl.Check("/en/" + '\uD800' + "x", Prefixes)); // InlineData cannot carry one intact

    [Fact]
    public void Refuses_an_address_longer_than_the_limit() =>
        Assert.Null(LocalReturnUrl.Check("/en/" + new string('a', LocalReturnUrl.MaxLength), Prefixes));
}
