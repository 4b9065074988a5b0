using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Site.Core.Backup;
using Site.Core.Content;
using Site.Core.Media;
using Site.Core.Members;
using Site.Core.Storage;
using Site.Core.Tests.TestSupport;
using Site.Core.Users;
using Site.Core.Workflow;

namespace Site.Core.Tests.Backup;

/// <summary>
/// A whole site to one file and back, on each database and across them: every table row for row (content with its
/// history, users, media records; members only when asked for), the media files byte for byte; and a damaged, foreign
/// or misplaced backup refused with nothing written.
/// </summary>
public sealed partial class SiteBackupTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly BackOfficeUser Editor = new("editor@jesie", "Editor", new HashSet<string> { BackOfficeGroups.Editors });

    public static TheoryData<TestDatabase, TestDatabase> Pairs => new()
    {
        { TestDatabase.Sqlite, TestDatabase.Sqlite },
        { TestDatabase.Sqlite, TestDatabase.PostgreSql },
        { TestDatabase.PostgreSql, TestDatabase.Sqlite },
    };

    /// <summary>The engine with users and members, as the site registers them.</summary>
    private static async Task<TestEngine> StartAsync(TestDatabase database, bool import = true, bool initializeAccounts = true)
    {
        var engine = await TestEngine.StartAsync(database, import: import, configure: services =>
        {
            services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
            services.AddSingleton<IOptions<MailOptions>>(Options.Create(new MailOptions()));
            services.AddSiteMembers();
            services.AddSiteUsers();
        });
        if (initializeAccounts)
        {
            await engine.Services.GetRequiredService<IMembersInitializer>().InitializeAsync(None);
            await engine.Services.GetRequiredService<IUsersInitializer>().InitializeAsync(None);
        }

        return engine;
    }

    /// <summary>A site with more than its import: a photo, a second version of a page, an editor and a member.</summary>
    private static async Task<(Guid Photo, Guid Member)> AddWorkAsync(TestEngine engine)
    {
        var photo = await engine.Services.GetRequiredService<IMediaService>().UploadAsync(new MemoryStream(TestImages.Jpeg(640, 480, 500, 300)), "hall.jpg",
            new Dictionary<string, string> { ["zh-CN"] = "会场", ["en-US"] = "The hall" }, null, Editor, None);
        Assert.True(photo.Succeeded);

        var node = engine.Snapshots.Current.OfType("newsArticle").First();
        var before = (await engine.Content.GetAsync(node.Key, None))!;
        var data = before.CurrentVersion.Data with
        {
            Values = [.. before.CurrentVersion.Data.Values.Where(v => v.Alias != "image"),
                new PropertyValue("image", null, $$"""[{"key":"{{Guid.NewGuid()}}","mediaKey":"{{photo.Item!.Key}}"}]""")],
        };
        Assert.True((await engine.Content.SaveAsync(new ContentEdit(node.Key, before.ParentKey, before.ContentTypeAlias, data), "editor@jesie", None)).Succeeded);
        Assert.True((await engine.Publishing.PublishAsync(node.Key, [.. before.PublishedCultures.Select(p => p.Culture)], "editor@jesie", None)).Succeeded);

        await using var scope = engine.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<IUserService>();
        Assert.True((await users.CreateFirstAdministratorAsync(new NewUser("admin@forum.test", "Admin", "a long enough password", [BackOfficeGroups.Administrators]), None)).Succeeded);

        var members = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        var member = new Member { Id = Guid.NewGuid(), Email = "principal@school.test", EmailConfirmed = true, CreatedUtc = DateTime.UtcNow };
        member.UserName = member.Id.ToString("N");
        MemberMapping.Apply(member, new MemberDetails("Li Hua", "Suzhou No. 1 Middle School", "Principal", "Suzhou", "China", "zh-CN"));
        Assert.True((await members.CreateAsync(member, "a long enough password")).Succeeded);
        return (photo.Item!.Key, member.Id);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task A_restored_site_holds_every_row_and_media_file_of_the_original(TestDatabase from, TestDatabase to)
    {
        await using var original = await StartAsync(from);
        var (photo, member) = await AddWorkAsync(original);
        var file = Path.Combine(original.DataPath, "backup.zip");
        var made = await original.Services.GetRequiredService<ISiteBackup>().CreateAsync(file, includeMembers: true, "test", None);
        Assert.True(made.Succeeded, made.Problem?.ToString());
        Assert.Equal(1, made.MediaFiles);

        // The target has never started: a new, empty database.
        await using var restored = await StartAsync(to, import: false, initializeAccounts: false);
        var result = await restored.Services.GetRequiredService<ISiteBackup>().RestoreAsync(file, "test", None);
        Assert.True(result.Succeeded, result.Problem?.ToString());
        Assert.Equal(made.Rows, result.Rows);

        // A backup of the restored site holds the same rows as the original's, table by table (but the restore's own audit row).
        var again = Path.Combine(restored.DataPath, "again.zip");
        Assert.True((await restored.Services.GetRequiredService<ISiteBackup>().CreateAsync(again, includeMembers: true, "test", None)).Succeeded);
        var expected = ReadTables(file);
        var actual = ReadTables(again);
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (table, rows) in expected)
        {
            var restoredRows = actual[table];
            if (table == "site/audit")
            {
                Assert.Equal(rows.Count + 1, restoredRows.Count);
                Assert.Contains("backup-restore", restoredRows[^1], StringComparison.Ordinal);
                restoredRows = restoredRows[..^1];
            }

            Assert.Equal(rows, restoredRows);
        }

        var originalFile = original.Services.GetRequiredService<IMediaService>().OriginalPath((await original.Services.GetRequiredService<IMediaService>().GetAsync(photo, None))!);
        var restoredFile = restored.Services.GetRequiredService<IMediaService>().OriginalPath((await restored.Services.GetRequiredService<IMediaService>().GetAsync(photo, None))!);
        Assert.NotEqual(originalFile, restoredFile);
        Assert.Equal(await File.ReadAllBytesAsync(originalFile), await File.ReadAllBytesAsync(restoredFile));

        // The restored member signs in with the same password; new rows get keys after the restored ones.
        await restored.Services.GetRequiredService<IMembersInitializer>().InitializeAsync(None);
        await restored.Services.GetRequiredService<IUsersInitializer>().InitializeAsync(None);
        await using var scope = restored.Services.CreateAsyncScope();
        var members = scope.ServiceProvider.GetRequiredService<UserManager<Member>>();
        Assert.True(await members.CheckPasswordAsync((await members.FindByIdAsync(member.ToString()))!, "a long enough password"));
        // The site starts on the restored database (as a new process would) and publishes with new journal and audit keys.
        await using var started = await restored.StartSecondInstanceAsync();
        var node = started.GetRequiredService<Site.Core.Publishing.IPublishedSnapshotAccessor>().Current.OfType("newsArticle").First();
        Assert.True((await started.GetRequiredService<Site.Core.Publishing.IPublishingService>().PublishAsync(node.Key, ["en-US"], "editor@jesie", None)).Succeeded);
    }

    [Fact]
    public async Task Members_stay_out_of_a_backup_unless_asked_for_but_their_groups_are_kept()
    {
        await using var original = await StartAsync(TestDatabase.Sqlite);
        await AddWorkAsync(original);
        var file = Path.Combine(original.DataPath, "backup.zip");
        var made = await original.Services.GetRequiredService<ISiteBackup>().CreateAsync(file, includeMembers: false, "test", None);
        Assert.True(made.Succeeded);
        var tables = ReadTables(file);
        Assert.DoesNotContain("members/members", tables.Keys);
        Assert.DoesNotContain("members/member_audit", tables.Keys);
        Assert.DoesNotContain("members/member_applications", tables.Keys);
        Assert.Equal(3, tables["members/member_groups"].Count);
        Assert.DoesNotContain(tables.Values.SelectMany(rows => rows), row => row.Contains("principal@school.test", StringComparison.OrdinalIgnoreCase));

        await using var restored = await StartAsync(TestDatabase.Sqlite, import: false, initializeAccounts: false);
        var result = await restored.Services.GetRequiredService<ISiteBackup>().RestoreAsync(file, "test", None);
        Assert.True(result.Succeeded, result.Problem?.ToString());
        Assert.False(result.IncludesMembers);
        await using var scope = restored.Services.CreateAsyncScope();
        Assert.Empty(scope.ServiceProvider.GetRequiredService<UserManager<Member>>().Users);
        Assert.Equal(3, await scope.ServiceProvider.GetRequiredService<RoleManager<MemberGroup>>().Roles.CountAsync());
        // The audit trail says who made the backup and who restored it.
        await using var db = original.Services.GetRequiredService<ISiteDbContextFactory>().Create();
        Assert.Contains(await db.Audit.Select(a => a.Action).ToListAsync(), a => a == "backup-create");
    }

    [Fact]
    public async Task A_backup_is_one_consistent_file_even_while_editors_publish()
    {
        await using var original = await StartAsync(TestDatabase.Sqlite);
        var backup = original.Services.GetRequiredService<ISiteBackup>();
        var node = original.Snapshots.Current.OfType("newsArticle").First();
        using var stop = new CancellationTokenSource();
        var publishing = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Assert.True((await original.Publishing.PublishAsync(node.Key, ["en-US"], "editor@jesie", None)).Succeeded);
            }
        });
        var files = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var file = Path.Combine(original.DataPath, $"backup-{i}.zip");
            Assert.True((await backup.CreateAsync(file, includeMembers: false, "test", None)).Succeeded);
            files.Add(file);
        }

        await stop.CancelAsync();
        await publishing;
        foreach (var file in files)
        {
            // Within one backup, every journal row's node exists, and the audit trail's publishes match the journal's.
            var tables = ReadTables(file);
            var publishes = tables["site/audit"].Count(r => r.Contains("\"Action\":\"publish\"", StringComparison.Ordinal));
            var journal = tables["site/change_journal"].Count(r => r.Contains("\"Kind\":\"publish\"", StringComparison.Ordinal));
            Assert.Equal(publishes, journal);
        }
    }

    [Fact]
    public async Task A_damaged_or_foreign_file_or_a_database_in_use_is_refused_and_nothing_is_written()
    {
        await using var original = await StartAsync(TestDatabase.Sqlite);
        await AddWorkAsync(original);
        var file = Path.Combine(original.DataPath, "backup.zip");
        Assert.True((await original.Services.GetRequiredService<ISiteBackup>().CreateAsync(file, includeMembers: true, "test", None)).Succeeded);

        await using var target = await StartAsync(TestDatabase.Sqlite, import: false, initializeAccounts: false);
        var backup = target.Services.GetRequiredService<ISiteBackup>();

        var notZip = Path.Combine(target.DataPath, "not-a-zip.zip");
        await File.WriteAllTextAsync(notZip, "hello");
        Assert.Contains("not a zip archive", (await backup.RestoreAsync(notZip, "test", None)).Problem!.ToString(), StringComparison.Ordinal);
        Assert.Contains("There is no file", (await backup.RestoreAsync(Path.Combine(target.DataPath, "missing.zip"), "test", None)).Problem!.ToString(), StringComparison.Ordinal);

        var noManifest = Copy(file, target.DataPath, "no-manifest.zip", zip => zip.GetEntry("backup.json")!.Delete());
        Assert.Contains("no readable backup.json", (await backup.RestoreAsync(noManifest, "test", None)).Problem!.ToString(), StringComparison.Ordinal);

        // One changed row: the checksum catches it before anything is written.
        var tampered = Copy(file, target.DataPath, "tampered.zip", zip => Rewrite(zip, "data/site/content_nodes.jsonl", text => text.Replace("\"Trashed\":false", "\"Trashed\":true", StringComparison.Ordinal)));
        Assert.Contains("data/site/content_nodes.jsonl", (await backup.RestoreAsync(tampered, "test", None)).Problem!.ToString(), StringComparison.Ordinal);

        // A media path that would leave the media folder, with a correct checksum.
        var escaping = Copy(file, target.DataPath, "escaping.zip", zip =>
        {
            var manifest = ReadManifest(zip);
            var media = manifest["media"]!.AsArray()[0]!;
            var path = media["file"]!.GetValue<string>();
            var bytes = Read(zip, path);
            zip.GetEntry(path)!.Delete();
            media["file"] = "media/../../outside.jpg";
            Write(zip, "media/../../outside.jpg", bytes);
            WriteManifest(zip, manifest);
        });
        Assert.Contains("media/../../outside.jpg", (await backup.RestoreAsync(escaping, "test", None)).Problem!.ToString(), StringComparison.Ordinal);

        var otherSchema = Copy(file, target.DataPath, "other-schema.zip", zip =>
        {
            var manifest = ReadManifest(zip);
            manifest["stores"]!.AsArray()[0]!["migrations"]!.AsArray().Add("FromTheFuture");
            WriteManifest(zip, manifest);
        });
        Assert.Contains("another version of the site", (await backup.RestoreAsync(otherSchema, "test", None)).Problem!.ToString(), StringComparison.Ordinal);

        var otherFormat = Copy(file, target.DataPath, "other-format.zip", zip =>
        {
            var manifest = ReadManifest(zip);
            manifest["version"] = 99;
            WriteManifest(zip, manifest);
        });
        Assert.Contains("format version 99", (await backup.RestoreAsync(otherFormat, "test", None)).Problem!.ToString(), StringComparison.Ordinal);

        // Nothing of the refused files reached the database or the media folder.
        await using (var db = target.Services.GetRequiredService<ISiteDbContextFactory>().Create())
        {
            Assert.False(await db.Nodes.AnyAsync());
            Assert.False(await db.Media.AnyAsync());
        }

        Assert.False(File.Exists(Path.Combine(target.DataPath, "..", "outside.jpg")));
        Assert.Empty(Directory.Exists(Path.Combine(target.DataPath, "media")) ? Directory.EnumerateFiles(Path.Combine(target.DataPath, "media"), "*", SearchOption.AllDirectories) : []);

        // The original site is not empty: a restore there is refused and changes nothing.
        var before = ReadTables(file);
        var refused = await original.Services.GetRequiredService<ISiteBackup>().RestoreAsync(file, "test", None);
        Assert.Contains("already holds data", refused.Problem!.ToString(), StringComparison.Ordinal);
        var after = Path.Combine(original.DataPath, "after.zip");
        Assert.True((await original.Services.GetRequiredService<ISiteBackup>().CreateAsync(after, includeMembers: true, "test", None)).Succeeded);
        var now = ReadTables(after);
        Assert.Equal(before["site/content_versions"], now["site/content_versions"]);
        Assert.Equal(before["members/members"], now["members/members"]);

        // The good file still restores into the empty target after all those refusals.
        Assert.True((await backup.RestoreAsync(file, "test", None)).Succeeded);
    }

    /// <summary>Each table's rows ("store/table" → JSON lines), times cut to microseconds (PostgreSQL keeps no more).</summary>
    private static Dictionary<string, List<string>> ReadTables(string file)
    {
        using var zip = ZipFile.OpenRead(file);
        var tables = new Dictionary<string, List<string>>();
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("data/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var name = entry.FullName["data/".Length..^".jsonl".Length];
            tables[name] = [.. reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(ToMicroseconds)];
        }

        return tables;
    }

    private static string Copy(string file, string folder, string name, Action<ZipArchive> change)
    {
        var copy = Path.Combine(folder, name);
        File.Copy(file, copy);
        using var zip = ZipFile.Open(copy, ZipArchiveMode.Update);
        change(zip);
        return copy;
    }

    private static void Rewrite(ZipArchive zip, string path, Func<string, string> change)
    {
        var text = System.Text.Encoding.UTF8.GetString(Read(zip, path));
        var changed = change(text);
        Assert.NotEqual(text, changed);
        zip.GetEntry(path)!.Delete();
        Write(zip, path, System.Text.Encoding.UTF8.GetBytes(changed));
    }

    private static byte[] Read(ZipArchive zip, string path)
    {
        using var stream = zip.GetEntry(path)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static void Write(ZipArchive zip, string path, byte[] bytes)
    {
        using var stream = zip.CreateEntry(path).Open();
        stream.Write(bytes);
    }

    private static JsonObject ReadManifest(ZipArchive zip) => JsonNode.Parse(Read(zip, "backup.json"))!.AsObject();

    private static void WriteManifest(ZipArchive zip, JsonObject manifest)
    {
        zip.GetEntry("backup.json")!.Delete();
        Write(zip, "backup.json", JsonSerializer.SerializeToUtf8Bytes(manifest));
    }

    private static string ToMicroseconds(string line) => Time().Replace(line, m =>
        $"\"{m.Groups["seconds"].Value}.{m.Groups["fraction"].Value.PadRight(7, '0')[..6]}Z\"");

    [GeneratedRegex("\"(?<seconds>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d)(?:\\.(?<fraction>\\d+))?Z\"")]
    private static partial Regex Time();
}
