using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Site.Core.Members;
using Site.Core.Users;
using Site.Core.Workflow;
using Site.Tests.Features.BackOffice;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Features.Security;

/// <summary>
/// Whether an address has an account, and in what state, must not show in an answer nor in its timing: every refusal
/// gives the same answer and verifies the password it was sent (counted by the test host's hasher, not timed).
/// </summary>
public sealed class AccountEnumerationTests(SiteFactory site)
{
    private static readonly CancellationToken None = CancellationToken.None;

    private async Task<Guid> MemberIdAsync(string email)
    {
        using var scope = site.Services.CreateScope();
        var found = await scope.ServiceProvider.GetRequiredService<IMemberAdminService>().SearchAsync(new MemberSearch(email), None);
        return found.Members.Single().Id;
    }

    private async Task<(HttpStatusCode Status, string Detail)> MemberTokenAsync(string email, string password)
    {
        using var client = site.CreateClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/member/token", UriKind.Relative), new { email, password });
        return (response.StatusCode, (await response.Content.ReadFromJsonAsync<JsonObject>())!["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Registering_an_address_that_has_an_account_hashes_the_password_as_a_new_one_does()
    {
        using var first = new MemberClient(site);
        var email = await first.RegisterAndLogInAsync("en");
        using var second = new MemberClient(site);
        var password = PasswordWorkCounter.NewPassword();

        var (again, _) = await second.SubmitAsync("/en/member/register", MemberClient.RegistrationFields(email, password: password));

        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/en/member/check-email?for=register", again.Headers.Location!.OriginalString);
        Assert.Equal(1, PasswordWorkCounter.Of(password));
    }

    [Fact]
    public async Task A_locked_an_unconfirmed_and_an_unknown_member_get_the_same_token_refusal_after_a_password_check()
    {
        using var member = new MemberClient(site);
        var locked = await member.RegisterAndLogInAsync("en");
        using (var scope = site.Services.CreateScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<IMemberAdminService>().LockAsync(await MemberIdAsync(locked), null, "tests", None);
            Assert.True(result.Succeeded);
        }

        var unconfirmed = MemberClient.NewEmail("unconfirmed");
        using var registering = new MemberClient(site);
        await registering.SubmitAsync("/en/member/register", MemberClient.RegistrationFields(unconfirmed));

        var answers = new List<(HttpStatusCode, string)>();
        foreach (var email in new[] { locked, unconfirmed, MemberClient.NewEmail("nobody") })
        {
            var password = PasswordWorkCounter.NewPassword();
            answers.Add(await MemberTokenAsync(email, password));
            Assert.Equal(1, PasswordWorkCounter.Of(password));
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Item1));
        Assert.Single(answers.Distinct());

        // The site's own log-in form: the locked account's password is checked too, and the page says the same.
        var lockedPassword = PasswordWorkCounter.NewPassword();
        var (lockedLogin, lockedPage) = await new MemberClient(site).LogInAsync("en", locked, lockedPassword);
        var (unknownLogin, unknownPage) = await new MemberClient(site).LogInAsync("en", MemberClient.NewEmail("nobody"), PasswordWorkCounter.NewPassword());
        Assert.Equal(1, PasswordWorkCounter.Of(lockedPassword));
        Assert.Equal(unknownLogin.StatusCode, lockedLogin.StatusCode);
        Assert.Equal(unknownPage.QuerySelector(".error-summary")?.TextContent, lockedPage.QuerySelector(".error-summary")?.TextContent);
    }

    [Fact]
    public async Task Six_wrong_passwords_for_a_known_and_an_unknown_back_office_address_end_in_the_same_answer()
    {
        var user = await BackOfficeApi.CreateUserAsync(site, BackOfficeGroups.Writers);
        var unknown = $"nobody-{Guid.NewGuid():N}@forum.test";
        using var client = site.CreateClient();
        JsonObject? known = null, stranger = null;
        for (var i = 0; i < 6; i++)
        {
            known = await (await client.PostJsonAsync("/security/token", new { email = user.Email, password = "wrong password" })).ReadObjectAsync();
            stranger = await (await client.PostJsonAsync("/security/token", new { email = unknown, password = "wrong password" })).ReadObjectAsync();
        }

        Assert.Equal(stranger!["title"]!.ToString(), known!["title"]!.ToString());
        Assert.Equal(stranger["detail"]!.ToString(), known["detail"]!.ToString());

        // Locked now: the right password is still checked, and still refused with the same answer.
        var passwordAfterLock = PasswordWorkCounter.NewPassword();
        var afterLock = await client.PostJsonAsync("/security/token", new { email = user.Email, password = passwordAfterLock });
        Assert.Equal(HttpStatusCode.Unauthorized, afterLock.StatusCode);
        Assert.Equal(1, PasswordWorkCounter.Of(passwordAfterLock));
        Assert.Equal(stranger["detail"]!.ToString(), (await afterLock.ReadObjectAsync())["detail"]!.ToString());

        using var scope = site.Services.CreateScope();
        var signIn = await scope.ServiceProvider.GetRequiredService<IUserService>().CheckPasswordAsync(user.Email, BackOfficeApi.Password, None);
        Assert.Equal(SignInOutcome.LockedOut, signIn.Outcome);
    }
}
