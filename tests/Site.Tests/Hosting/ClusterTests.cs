using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using MimeKit;
using Npgsql;
using Site.Core.Tests.TestSupport;
using Site.Tests.Features.Members;
using Site.Tests.TestSupport;

namespace Site.Tests.Hosting;

/// <summary>
/// Two instances on one PostgreSQL database (Hosting/ClusterJournalService, Site.Core/Cluster): what an editor does on
/// A is seen on B within the poll interval, a scheduled publish runs once, sign-ins and media are shared, and B
/// carries on when A is killed. Waits poll; the only time limits are generous bounds that say what did not happen.
/// </summary>
public sealed class ClusterTests(SiteCluster cluster) : IClassFixture<SiteCluster>, IAsyncLifetime
{
    private const string Api = "/umbraco/management/api/v1";

    // Keys of the repository's uSync content (as Site.Core.Tests' KnownContent has them).
    private static readonly Guid HomeKey = Guid.Parse("d316c10c-a66f-50f2-a676-02ca2628221d");
    private static readonly Guid AboutKey = Guid.Parse("cf927c80-1c1e-5f20-ae69-e1c94ea12151");
    private static readonly Guid SiteSettingsKey = Guid.Parse("a7d3c1e2-5b64-5f0e-9c2d-3e8f1a6b4c70");

    /// <summary>How long a change may take to show on the other instance before the test fails: the poll interval (250 ms) with room for a loaded machine.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Both instances run at the start of each test (a test that killed one may have left it down).</summary>
    public async ValueTask InitializeAsync()
    {
        if (cluster.Available)
        {
            await cluster.A.StartAsync();
            await cluster.B.StartAsync();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Publish_move_unpublish_and_delete_on_A_show_on_B_in_pages_the_Delivery_API_and_search()
    {
        SiteCluster.SkipUnlessAvailable(cluster);
        using var a = await ApiClientAsync(cluster.A);
        using var b = new HttpClient();
        var word = "Quillwort" + RandomLetters();
        var slug = "cluster-" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreatePageAsync(a, Home(), slug, word);

        var published = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync(Api + $"/document/{id}/publish", new { cultures = new[] { "zh-CN", "en-US" } }, Ct)).StatusCode);
        var page = $"/en/{slug}";
        await SiteCluster.WaitUntilAsync(async () => await StatusAsync(b, cluster.B.Url(page)) == HttpStatusCode.OK, Bound, "the page published on A, on B");
        TestContext.Current.TestOutputHelper?.WriteLine($"published on A, served by B after {published.ElapsedMilliseconds} ms (poll interval {SiteCluster.PollInterval.TotalMilliseconds} ms)");
        Assert.Contains(word, await b.GetStringAsync(cluster.B.Url(page), Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(b, id));
        await SiteCluster.WaitUntilAsync(async () => await SearchUrlAsync(b, word) == page, Bound, "the page published on A, in B's search");

        // Move under About: the old URL goes, the new one comes, and search follows.
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync(Api + $"/document/{id}/move", new { parentId = AboutKey }, Ct)).StatusCode);
        var about = await RoutePathAsync(b, AboutKey);
        var moved = about.TrimEnd('/') + "/" + slug;
        await SiteCluster.WaitUntilAsync(async () => (await RoutePathAsync(b, id)).TrimEnd('/') == moved, Bound, "the move on A, in B's Delivery API");
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(b, cluster.B.Url(moved)));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b, cluster.B.Url(page)));
        await SiteCluster.WaitUntilAsync(async () => (await SearchUrlAsync(b, word))?.TrimEnd('/') == moved, Bound, "the move on A, in B's search");

        // Unpublish English: gone from B's English page, API and search; Chinese stays.
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync(Api + $"/document/{id}/unpublish", new { culture = "en-US" }, Ct)).StatusCode);
        await SiteCluster.WaitUntilAsync(async () => await StatusAsync(b, cluster.B.Url(moved)) == HttpStatusCode.NotFound, Bound, "the unpublish on A, on B");
        Assert.Equal(HttpStatusCode.NotFound, await DeliveryStatusAsync(b, id));
        Assert.Equal(HttpStatusCode.OK, await DeliveryStatusAsync(b, id, "zh-cn"));
        // Search still finds the page, in the language it has left.
        var chinese = "/zh" + moved[3..];
        await SiteCluster.WaitUntilAsync(async () => (await SearchUrlAsync(b, word))?.TrimEnd('/') == chinese, Bound, "the unpublish on A, in B's search");

        // Delete (to the recycle bin): gone in every language.
        Assert.Equal(HttpStatusCode.OK, (await a.DeleteAsync(new Uri(Api + $"/document/{id}", UriKind.Relative), Ct)).StatusCode);
        await SiteCluster.WaitUntilAsync(async () => await DeliveryStatusAsync(b, id, "zh-cn") == HttpStatusCode.NotFound, Bound, "the delete on A, in B's Delivery API");
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b, cluster.B.Url(chinese)));
        await SiteCluster.WaitUntilAsync(async () => await SearchUrlAsync(b, word) is null, Bound, "the delete on A, in B's search");
    }

    [Fact]
    public async Task A_scheduled_publish_runs_once_across_both_instances()
    {
        SiteCluster.SkipUnlessAvailable(cluster);
        using var a = await ApiClientAsync(cluster.A);
        using var b = new HttpClient();
        var slug = "scheduled-" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreatePageAsync(a, Home(), slug, "Scheduled");

        // Due in two seconds (both instances poll every half second, so both see it due).
        var scheduled = await a.PostAsJsonAsync(Api + $"/document/{id}/schedule", new { culture = "zh-CN", action = "Publish", dueAtUtc = DateTime.UtcNow.AddSeconds(2) }, Ct);
        Assert.True(scheduled.IsSuccessStatusCode, await scheduled.Content.ReadAsStringAsync(Ct));
        await SiteCluster.WaitUntilAsync(async () => await StatusAsync(b, cluster.B.Url($"/zh/{slug}")) == HttpStatusCode.OK, Bound, "the scheduled publish, on B");
        await SiteCluster.WaitUntilAsync(async () => await StatusAsync(b, cluster.A.Url($"/zh/{slug}")) == HttpStatusCode.OK, Bound, "the scheduled publish, on A");
        // Two more poll rounds of each instance: a second run would have happened by now.
        await Task.Delay(SiteCluster.SchedulingPollInterval * 4, Ct);

        var actions = JsonNode.Parse(await a.GetStringAsync(new Uri(Api + $"/document/{id}/schedule", UriKind.Relative), Ct))!.AsArray();
        var action = Assert.Single(actions)!;
        Assert.Equal("done", action["outcome"]!.GetValue<string>());
        var audit = JsonNode.Parse(await a.GetStringAsync(new Uri(Api + $"/audit?nodeId={id}&action=publish", UriKind.Relative), Ct))!;
        Assert.Equal(1, audit["total"]!.GetValue<int>());
        Assert.StartsWith("scheduler for", audit["items"]![0]!["user"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_and_a_back_office_user_signed_in_on_A_are_signed_in_on_B()
    {
        SiteCluster.SkipUnlessAvailable(cluster);
        using var browser = new Browser();

        // Back office: the sign-in cookie A issued opens B's screens (same host, so the same cookie jar).
        var (signedIn, _) = await browser.SubmitAsync(cluster.A.Url("/umbraco/login"), new() { ["Email"] = SiteCluster.AdminEmail, ["Password"] = SiteCluster.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var screen = await browser.Http.GetAsync(cluster.B.Url("/umbraco"), Ct);
        Assert.Equal(HttpStatusCode.OK, screen.StatusCode);

        // A bearer token A issued is accepted by B's management API.
        using var a = await ApiClientAsync(cluster.A);
        using var onB = new HttpClient { BaseAddress = cluster.B.Origin };
        onB.DefaultRequestHeaders.Authorization = a.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(new Uri(Api + "/user/current", UriKind.Relative), Ct)).StatusCode);

        // Member: registered on A, confirmed from A's mail, signed in on A; B shows the member area.
        using var member = new Browser();
        var email = MemberClient.NewEmail("cluster");
        var (registered, _) = await member.SubmitAsync(cluster.A.Url("/en/member/register"), MemberClient.RegistrationFields(email));
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var link = await MailLinkAsync(cluster.A.DataPath, email);
        Assert.Equal(HttpStatusCode.OK, (await member.Http.GetAsync(cluster.A.Url(link), Ct)).StatusCode);
        // The log-in form comes from B and is posted to A: antiforgery tokens are shared too.
        var (form, loginPage) = await member.GetAsync(cluster.B.Url("/en/member/login"));
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var (loggedIn, _) = await member.PostFormAsync(cluster.A.Url("/en/member/login"), loginPage, new() { ["Email"] = email, ["Password"] = MemberClient.Password });
        Assert.Equal(HttpStatusCode.Redirect, loggedIn.StatusCode);
        var area = await member.Http.GetAsync(cluster.B.Url("/en/member"), Ct);
        Assert.Equal(HttpStatusCode.OK, area.StatusCode);
        Assert.Contains(email, await area.Content.ReadAsStringAsync(Ct), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_api_users_client_credentials_token_from_A_is_accepted_by_B_until_the_credentials_are_removed_on_B()
    {
        SiteCluster.SkipUnlessAvailable(cluster);
        using var admin = new Browser();
        var (signedIn, _) = await admin.SubmitAsync(cluster.A.Url("/umbraco/login"), new() { ["Email"] = SiteCluster.AdminEmail, ["Password"] = SiteCluster.AdminPassword });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        using var api = await ApiClientAsync(cluster.A);
        var adminId = JsonNode.Parse(await api.GetStringAsync(new Uri(Api + "/user/current", UriKind.Relative), Ct))!["id"]!.GetValue<Guid>();
        var path = "/umbraco/users/" + adminId;
        var clientId = "umbraco-back-office-cluster-" + RandomLetters();

        var (_, page) = await admin.GetAsync(cluster.A.Url(path));
        using var added = await admin.Http.PostAsync(cluster.A.Url(path + "/clients"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryOf(page, $"{path}/clients"),
            ["clientId"] = clientId,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var secret = (await new HtmlParser().ParseDocumentAsync(await added.Content.ReadAsStringAsync(Ct))).GetElementById("client-secret")!.TextContent.Trim();

        // OpenIddict on A issues it (data-protected with the shared key ring, its entry in the shared database); B reads it.
        using var script = new HttpClient { BaseAddress = cluster.A.Origin };
        using var issued = await script.PostAsync(new Uri(Api + "/security/back-office/token", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }), Ct);
        Assert.Equal(HttpStatusCode.OK, issued.StatusCode);
        using var onB = new HttpClient { BaseAddress = cluster.B.Origin };
        onB.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonNode.Parse(await issued.Content.ReadAsStringAsync(Ct))!["access_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(new Uri(Api + "/user/current", UriKind.Relative), Ct)).StatusCode);

        // Removed on B's screen: the token ends on both.
        var (_, pageOnB) = await admin.GetAsync(cluster.B.Url(path));
        using var removed = await admin.Http.PostAsync(cluster.B.Url(path + "/clients/remove"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryOf(pageOnB, $"{path}/clients/remove"),
            ["clientId"] = clientId,
        }), Ct);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync(new Uri(Api + "/user/current", UriKind.Relative), Ct)).StatusCode);
        using var onA = new HttpClient { BaseAddress = cluster.A.Origin };
        onA.DefaultRequestHeaders.Authorization = onB.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.Unauthorized, (await onA.GetAsync(new Uri(Api + "/user/current", UriKind.Relative), Ct)).StatusCode);
    }

    [Fact]
    public async Task Media_uploaded_on_A_is_served_by_B()
    {
        SiteCluster.SkipUnlessAvailable(cluster);
        using var a = await ApiClientAsync(cluster.A);
        using var b = new HttpClient();
        var png = TestImages.Png(40, 30);
        using var upload = new MultipartFormDataContent
        {
            { new ByteArrayContent(png), "file", "cluster.png" },
            { new StringContent("集群"), "alt[zh-CN]" },
            { new StringContent("Cluster"), "alt[en-US]" },
        };
        var uploaded = await a.PostAsync(new Uri(Api + "/media", UriKind.Relative), upload, Ct);
        Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync(Ct));
        var media = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync(Ct))!;
        var id = media["id"]!.GetValue<Guid>();
        var url = media["url"]!.GetValue<string>();

        await SiteCluster.WaitUntilAsync(async () => await StatusAsync(b, cluster.B.Url($"/umbraco/delivery/api/v2/media/item/{id}")) == HttpStatusCode.OK, Bound, "the upload on A, in B's Delivery API");
        var file = await b.GetAsync(cluster.B.Url(url), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(png, await file.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task When_A_is_killed_B_carries_on_and_takes_over_what_A_had_claimed()
    {
        SiteCluster.SkipUnlessAvailable(cluster);
        using var b = await ApiClientAsync(cluster.B);
        var slug = "orphan-" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreatePageAsync(b, Home(), slug, "Orphaned");
        try
        {
            await cluster.A.KillAsync();

            // A scheduled publish that A had claimed when it died (claimed, no outcome): B runs it once A's claim
            // times out, i.e. within ClaimTimeout (3 s here, 5 min by default) and one scheduling poll.
            var due = DateTime.UtcNow.AddSeconds(3);
            var scheduled = await b.PostAsJsonAsync(Api + $"/document/{id}/schedule", new { culture = "zh-CN", action = "Publish", dueAtUtc = due }, Ct);
            Assert.True(scheduled.IsSuccessStatusCode, await scheduled.Content.ReadAsStringAsync(Ct));
            await ClaimAsDeadInstanceAsync(id);
            var taken = Stopwatch.StartNew();
            using var visitor = new HttpClient();
            await SiteCluster.WaitUntilAsync(async () => await StatusAsync(visitor, cluster.B.Url($"/zh/{slug}")) == HttpStatusCode.OK, Bound, "B taking over A's claim");
            TestContext.Current.TestOutputHelper?.WriteLine($"B ran the action A had claimed after {taken.ElapsedMilliseconds} ms (claim timeout {SiteCluster.ClaimTimeout.TotalSeconds} s)");
            var action = Assert.Single(JsonNode.Parse(await b.GetStringAsync(new Uri(Api + $"/document/{id}/schedule", UriKind.Relative), Ct))!.AsArray())!;
            Assert.Equal("done", action["outcome"]!.GetValue<string>());

            // B's own work goes on: an editor publishes on B.
            Assert.Equal(HttpStatusCode.OK, (await b.PostAsJsonAsync(Api + $"/document/{id}/publish", new { cultures = new[] { "zh-CN", "en-US" } }, Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(visitor, cluster.B.Url($"/en/{slug}")));
        }
        finally
        {
            await cluster.A.StartAsync();
        }

        // A, started again, shows what B did while it was away.
        using var again = new HttpClient();
        await SiteCluster.WaitUntilAsync(async () => await StatusAsync(again, cluster.A.Url($"/en/{slug}")) == HttpStatusCode.OK, Bound, "B's publish, on A after its restart");
    }

    [Fact]
    public async Task Nginx_with_the_sample_config_spreads_requests_over_both_instances_passes_the_client_on_and_skips_a_killed_one()
    {
        SiteCluster.SkipUnlessAvailable(cluster);
        var nginx = new[] { "/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx" }.FirstOrDefault(File.Exists);
        if (nginx is null)
        {
            Assert.Skip("nginx is not installed. To run this test: apt-get install nginx (.ci/run does this).");
        }

        await using var proxy = await NginxProxy.StartAsync(nginx, cluster);
        using var visitor = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false });

        // Round robin: requests reach both instances.
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(visitor, proxy.Url("/en/")));
        }

        var upstreams = await proxy.UpstreamsAsync();
        Assert.Contains($"127.0.0.1:{cluster.A.Port}", upstreams);
        Assert.Contains($"127.0.0.1:{cluster.B.Port}", upstreams);

        // A publish on A is what every request through nginx shows, whichever instance answers.
        using var a = await ApiClientAsync(cluster.A);
        var slug = "proxied-" + Guid.NewGuid().ToString("N")[..8];
        var id = await CreatePageAsync(a, Home(), slug, "Proxied");
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync(Api + $"/document/{id}/publish", new { cultures = new[] { "zh-CN", "en-US" } }, Ct)).StatusCode);
        await SiteCluster.WaitUntilAsync(async () =>
        {
            foreach (var _ in Enumerable.Range(0, 4))
            {
                if (await StatusAsync(visitor, proxy.Url($"/en/{slug}")) != HttpStatusCode.OK)
                {
                    return false;
                }
            }

            return true;
        }, Bound, "the publish on A, through nginx from both instances");

        // nginx sets X-Forwarded-Proto from its own scheme (a client's header is replaced), and the site believes it
        // from a known proxy (loopback by default): over plain HTTP no cookie is marked Secure; told "https" by a
        // known proxy, it is.
        using var claimed = new HttpRequestMessage(HttpMethod.Get, proxy.Url("/en/member/login"));
        claimed.Headers.Add("X-Forwarded-Proto", "https");
        using var proxied = await visitor.SendAsync(claimed, Ct);
        Assert.DoesNotContain(proxied.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
        using var fromProxy = new HttpRequestMessage(HttpMethod.Get, cluster.B.Url("/en/member/login"));
        fromProxy.Headers.Add("X-Forwarded-Proto", "https");
        using var secure = await visitor.SendAsync(fromProxy, Ct);
        Assert.Contains(secure.Headers.GetValues("Set-Cookie"), c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        // kill -9 A: every request through nginx is still answered (by B), none fails on the way. (The next test
        // starts A again.)
        await cluster.A.KillAsync();
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(visitor, proxy.Url($"/en/{slug}")));
        }
    }

    /// <summary>Marks the node's scheduled action as claimed just now by an instance that no longer exists.</summary>
    private async Task ClaimAsDeadInstanceAsync(Guid node)
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var claim = new NpgsqlCommand(
            "UPDATE scheduled_actions SET \"ClaimedAtUtc\" = now() AT TIME ZONE 'UTC', \"ClaimedBy\" = 'killed instance' WHERE \"NodeKey\" = @node AND \"ClaimedAtUtc\" IS NULL", connection);
        claim.Parameters.AddWithValue("node", node);
        Assert.Equal(1, await claim.ExecuteNonQueryAsync(Ct));
    }

    [Fact]
    public async Task A_site_settings_change_published_on_A_is_in_Bs_footer()
    {
        SiteCluster.SkipUnlessAvailable(cluster);
        using var a = await ApiClientAsync(cluster.A);
        using var b = new HttpClient();
        var path = Api + $"/document/{SiteSettingsKey}";
        var original = JsonNode.Parse(await a.GetStringAsync(new Uri(path, UriKind.Relative), Ct))!.AsObject();
        var line = "© Cluster " + RandomLetters();
        JsonArray Values(params JsonObject[] extra) => new([
            .. original["values"]!.AsArray().Select(v => (JsonNode)new JsonObject { ["alias"] = v!["alias"]!.GetValue<string>(), ["culture"] = v["culture"]?.GetValue<string>(), ["value"] = v["value"]!.GetValue<string>() }),
            .. extra]);
        var values = Values(new JsonObject { ["alias"] = "copyright", ["culture"] = "en-US", ["value"] = line });
        Assert.Equal(HttpStatusCode.OK, (await a.PutAsJsonAsync(new Uri(path, UriKind.Relative), new { names = original["names"], values }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync(path + "/publish", new { cultures = new[] { "zh-CN", "en-US" } }, Ct)).StatusCode);

        // B's footer reads its own snapshot, which follows the journal: no restart, no cache to clear.
        await SiteCluster.WaitUntilAsync(async () => (await b.GetStringAsync(cluster.B.Url("/en/sessions"), Ct)).Contains(line, StringComparison.Ordinal), Bound, "the settings published on A, in B's footer");

        Assert.Equal(HttpStatusCode.OK, (await a.PutAsJsonAsync(new Uri(path, UriKind.Relative), new { names = original["names"], values = Values() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.PostAsJsonAsync(path + "/publish", new { cultures = new[] { "zh-CN", "en-US" } }, Ct)).StatusCode);
        await SiteCluster.WaitUntilAsync(async () => !(await b.GetStringAsync(cluster.B.Url("/en/sessions"), Ct)).Contains(line, StringComparison.Ordinal), Bound, "the restored settings, in B's footer");
    }

    [Fact]
    public async Task A_glossary_entry_saved_on_A_is_searched_on_B_and_deleting_it_on_A_stops_that()
    {
        SiteCluster.SkipUnlessAvailable(cluster);
        using var a = await ApiClientAsync(cluster.A);
        using var b = new HttpClient();
        // A term nobody else searches for: 坦佩雷大厅 and a few random Chinese numerals.
        var term = "坦佩雷大厅" + new string([.. RandomLetters().Select(c => "零一二三四五六七八九"[c - 'a'])]);
        var search = cluster.B.Url("/api/search?culture=zh-CN&q=" + Uri.EscapeDataString(term));
        async Task<bool> BFindsTheSessionAsync() =>
            (await b.GetStringAsync(search, Ct)).Contains("/sessions/13th-forum-2017", StringComparison.Ordinal);
        Assert.False(await BFindsTheSessionAsync());

        var created = await a.PostAsJsonAsync(Api + "/glossary", new { terms = new Dictionary<string, string> { ["en-US"] = "Tampere Hall", ["zh-CN"] = term } }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<string>();

        // B reads the journal row, reloads its dictionary and its search takes the new glossary: no restart.
        await SiteCluster.WaitUntilAsync(BFindsTheSessionAsync, Bound, "the glossary entry saved on A, in B's search");

        Assert.Equal(HttpStatusCode.OK, (await a.DeleteAsync(new Uri($"{Api}/glossary/{id}", UriKind.Relative), Ct)).StatusCode);
        await SiteCluster.WaitUntilAsync(async () => !await BFindsTheSessionAsync(), Bound, "the glossary entry deleted on A, gone from B's search");
    }

    private static Guid Home() => HomeKey;

    private static string AntiforgeryOf(AngleSharp.Dom.IDocument page, string action) =>
        page.QuerySelector($"form[action='{action}'] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;

    private static string RandomLetters() => new([.. Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Select(c => (char)('a' + c - '0')).Take(6)]);

    private static async Task<HttpClient> ApiClientAsync(SiteCluster.Instance instance)
    {
        var client = new HttpClient { BaseAddress = instance.Origin };
        var response = await client.PostAsJsonAsync(Api + "/security/token", new { email = SiteCluster.AdminEmail, password = SiteCluster.AdminPassword }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["accessToken"]!.GetValue<string>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<Guid> CreatePageAsync(HttpClient api, Guid parent, string slug, string word)
    {
        var created = await api.PostAsJsonAsync(Api + "/document", new
        {
            parentId = parent,
            contentType = "page",
            names = new Dictionary<string, string> { ["zh-CN"] = "集群 " + word, ["en-US"] = "Cluster " + word },
            values = new object[]
            {
                new { alias = "title", culture = "zh-CN", value = "集群 " + word },
                new { alias = "title", culture = "en-US", value = "Cluster " + word },
                new { alias = "umbracoUrlName", culture = "zh-CN", value = slug },
                new { alias = "umbracoUrlName", culture = "en-US", value = slug },
            },
        }, Ct);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync(Ct));
        return JsonNode.Parse(await created.Content.ReadAsStringAsync(Ct))!["id"]!.GetValue<Guid>();
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, Uri url)
    {
        using var response = await client.GetAsync(url, Ct);
        return response.StatusCode;
    }

    private async Task<HttpStatusCode> DeliveryStatusAsync(HttpClient client, Guid id, string language = "en-us")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, cluster.B.Url($"/umbraco/delivery/api/v2/content/item/{id}"));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request, Ct);
        return response.StatusCode;
    }

    private async Task<string> RoutePathAsync(HttpClient client, Guid id)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, cluster.B.Url($"/umbraco/delivery/api/v2/content/item/{id}"));
        request.Headers.AcceptLanguage.ParseAdd("en-us");
        using var response = await client.SendAsync(request, Ct);
        return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!["route"]!["path"]!.GetValue<string>() : "";
    }

    /// <summary>The URL of the one English hit for the word in B's search API, or null without hits.</summary>
    private async Task<string?> SearchUrlAsync(HttpClient client, string word)
    {
        var result = JsonNode.Parse(await client.GetStringAsync(cluster.B.Url($"/api/search?q={word}&culture=en-US"), Ct))!;
        var items = result["items"]!.AsArray();
        return items.Count == 0 ? null : items[0]!["url"]!.GetValue<string>();
    }

    private static async Task<string> MailLinkAsync(string dataPath, string email)
    {
        var folder = Path.Combine(dataPath, "mail");
        string? link = null;
        await SiteCluster.WaitUntilAsync(() =>
        {
            link = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.eml").Select(f => MimeMessage.Load(f))
                    .Where(m => m.To.Mailboxes.Any(x => string.Equals(x.Address, email, StringComparison.OrdinalIgnoreCase)))
                    .Select(MemberClient.LinkIn).FirstOrDefault()
                : null;
            return Task.FromResult(link is not null);
        }, Bound, "the confirmation mail");
        return link!;
    }

    /// <summary>A browser with one cookie jar for both instances (they share a host, 127.0.0.1): reads and posts forms.</summary>
    private sealed class Browser : IDisposable
    {
        private readonly HttpClientHandler _handler = new() { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };

        public Browser() => Http = new HttpClient(_handler);

        public HttpClient Http { get; }

        public async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Document)> GetAsync(Uri url)
        {
            var response = await Http.GetAsync(url, Ct);
            return (response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct)));
        }

        /// <summary>Opens the page and submits its main form with the fields, to the same instance.</summary>
        public async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Document)> SubmitAsync(Uri url, Dictionary<string, string> fields)
        {
            var (_, page) = await GetAsync(url);
            return await PostFormAsync(url, page, fields);
        }

        /// <summary>Posts the page's main form (its hidden fields and the given ones) to <paramref name="url"/>.</summary>
        public async Task<(HttpResponseMessage Response, AngleSharp.Dom.IDocument Document)> PostFormAsync(Uri url, AngleSharp.Dom.IDocument page, Dictionary<string, string> fields)
        {
            var form = page.QuerySelector("main form") ?? page.QuerySelector("form") ?? throw new InvalidOperationException("No form on " + url);
            var values = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "", StringComparer.Ordinal);
            foreach (var (key, value) in fields)
            {
                values[key] = value;
            }

            var target = form.GetAttribute("action") is { Length: > 0 } action ? new Uri(url, action) : url;
            using var content = new FormUrlEncodedContent(values);
            var response = await Http.PostAsync(target, content, Ct);
            return (response, await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync(Ct)));
        }

        public void Dispose()
        {
            Http.Dispose();
            _handler.Dispose();
        }
    }
}
