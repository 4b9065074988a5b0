using Microsoft.EntityFrameworkCore;
using Site.Core.Content;
using Site.Core.Storage;

namespace Site.Benchmarks.Tree;

/// <summary>A group: a page and its children, the subtree the benchmark moves, copies, trashes and restores.</summary>
internal sealed record TreeGroup(Guid Key, int Section);

/// <summary>What was generated: the sections under the home page and the groups under them.</summary>
internal sealed record TreeShape(IReadOnlyList<Guid> Sections, IReadOnlyList<TreeGroup> Groups, int Generated);

/// <summary>
/// Writes the generated tree through the engine's own context (so either provider): sections of pages under the home
/// page, groups of pages under the sections, each a page with children; one version per node, published in both
/// cultures, as a publish would leave it.
/// </summary>
/// <remarks>
/// A fixture step, not a measure: creating and publishing 50,000 nodes through the services would take far longer than
/// the benchmark itself. The engine is started again afterwards, so its snapshot is built from these rows.
/// </remarks>
internal static class TreeLoader
{
    private const int Batch = 2_000;
    private static readonly string[] Cultures = ["zh-CN", "en-US"];

    private sealed record Planned(Guid Key, Guid ParentKey, int SortOrder, int Level, string Chinese, string English);

    public static async Task<TreeShape> LoadAsync(ISiteDbContextFactory factory, Guid homeKey, int homeLevel, int existing, TreeBenchmarkSettings settings, DateTime nowUtc)
    {
        var random = new Random(settings.Seed);
        Guid NewKey()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        var plan = new List<Planned>();
        var sections = new List<Guid>();
        for (var s = 0; s < settings.Sections; s++)
        {
            var key = NewKey();
            sections.Add(key);
            // After the home page's own children, so their sort orders stay as they are.
            plan.Add(new Planned(key, homeKey, 1_000 + s, homeLevel + 1, $"栏目 {s + 1}", $"Section {s + 1}"));
        }

        var groupCount = Math.Max(0, (settings.Nodes - existing - settings.Sections) / settings.GroupSize);
        var groups = new List<TreeGroup>(groupCount);
        for (var g = 0; g < groupCount; g++)
        {
            var section = g % settings.Sections;
            var key = NewKey();
            groups.Add(new TreeGroup(key, section));
            plan.Add(new Planned(key, sections[section], g / settings.Sections, homeLevel + 2, $"组 {g + 1}", $"Group {g + 1}"));
            for (var c = 1; c < settings.GroupSize; c++)
            {
                plan.Add(new Planned(NewKey(), key, c - 1, homeLevel + 3, $"页面 {g + 1}-{c}", $"Page {g + 1}-{c}"));
            }
        }

        foreach (var chunk in plan.Chunk(Batch))
        {
            await using var db = factory.Create();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var versions = chunk.Select(n => new ContentVersionRecord
            {
                NodeKey = n.Key,
                Number = 1,
                CreatedAtUtc = nowUtc,
                CreatedBy = "benchmark",
                DataJson = ContentMapping.Serialize(Data(n)),
            }).ToList();
            db.Versions.AddRange(versions);
            await db.SaveChangesAsync().ConfigureAwait(false);
            for (var i = 0; i < chunk.Length; i++)
            {
                var node = chunk[i];
                db.Nodes.Add(new ContentNodeRecord
                {
                    Key = node.Key,
                    ParentKey = node.ParentKey,
                    ContentTypeAlias = "page",
                    SortOrder = node.SortOrder,
                    Level = node.Level,
                    CreateDateUtc = nowUtc,
                    UpdateDateUtc = nowUtc,
                    CurrentVersionId = versions[i].Id,
                    InvariantPublishedVersionId = versions[i].Id,
                });
                foreach (var culture in Cultures)
                {
                    db.PublishedCultures.Add(new PublishedCultureRecord { NodeKey = node.Key, Culture = culture, VersionId = versions[i].Id, PublishedAtUtc = nowUtc });
                }
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
        }

        await using (var db = factory.Create())
        {
            var count = await db.Nodes.CountAsync().ConfigureAwait(false);
            if (count != existing + plan.Count)
            {
                throw new InvalidOperationException($"Expected {existing + plan.Count} nodes after loading, found {count}.");
            }
        }

        return new TreeShape(sections, groups, plan.Count);
    }

    private static ContentData Data(Planned node) => new(
        new Dictionary<string, string> { ["zh-CN"] = node.Chinese, ["en-US"] = node.English },
        [new PropertyValue("title", "zh-CN", node.Chinese), new PropertyValue("title", "en-US", node.English)]);
}
