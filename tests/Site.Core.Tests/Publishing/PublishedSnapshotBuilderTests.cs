using System.Globalization;
using System.Text;
using Site.Core.Content;
using Site.Core.Languages;
using Site.Core.Members;
using Site.Core.Publishing;
using Site.Core.Rendering;
using Site.Core.Storage;
using Site.Core.Sync;
using Site.Core.Tests.TestSupport;

namespace Site.Core.Tests.Publishing;

/// <summary>
/// A build that reuses the last one (the snapshot service's path after a publish) must give exactly what a build from
/// scratch gives: checked after each of several hundred random changes to a small tree, chosen to hit the cases where
/// reuse could go wrong (names that collide between siblings, moves, orphans, cultures unpublished under a parent...).
/// </summary>
public sealed class PublishedSnapshotBuilderTests
{
    private static readonly MarkdownRenderer Markdown = new();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_build_after_each_change_equals_a_build_from_scratch(int seed)
    {
        var tree = new RandomTree(seed);
        var cache = new SnapshotBuildCache(Markdown.ToSafeHtml);
        var previous = tree.Build(1, cache, null, null);
        Assert.Equal(Dump(tree.Build(1, new SnapshotBuildCache(Markdown.ToSafeHtml), null, null)), Dump(previous));
        var fromTheLast = 0;
        for (var step = 2; step < 400; step++)
        {
            var (change, changed) = tree.Change();
            var reused = tree.Build(step, cache, previous, changed);
            var fresh = tree.Build(step, new SnapshotBuildCache(Markdown.ToSafeHtml), null, null);
            var expected = Dump(fresh);
            var actual = Dump(reused);
            Assert.True(expected == actual, $"Step {step} ({change}):\nexpected\n{expected}\nactual\n{actual}");
            fromTheLast += reused.Tree.Changed is null ? 0 : 1;
            previous = reused;
        }

        // Most changes (edits, cultures published or not, leaves added or gone) are applied to the last tree.
        Assert.InRange(fromTheLast, 200, 398);
    }

    [Fact]
    public void An_unchanged_node_keeps_its_culture_table_and_a_renamed_sibling_moves_the_one_it_collides_with()
    {
        var tree = new RandomTree(4, initialNodes: 0);
        var cache = new SnapshotBuildCache(Markdown.ToSafeHtml);
        var first = tree.Add(tree.Root, "Alpha");
        var second = tree.Add(tree.Root, "Beta");
        var before = tree.Build(1, cache, null, null);
        var culture = tree.Cultures[0];
        Assert.EndsWith("/beta", before.GetByKey(second)!.Url(culture), StringComparison.Ordinal);

        tree.Rename(first, culture, "beta");
        var after = tree.Build(2, cache, before, [first]);

        Assert.NotNull(after.Tree.Changed); // made from the last tree
        Assert.Same(before.GetByKey(tree.Root)!.Cultures, after.GetByKey(tree.Root)!.Cultures);
        var (earlier, later) = after.GetByKey(tree.Root)!.AllChildren.Select(c => c.Key).ToList().IndexOf(first) == 0 ? (first, second) : (second, first);
        Assert.EndsWith("/beta", after.GetByKey(earlier)!.Url(culture), StringComparison.Ordinal);
        Assert.EndsWith("/beta-2", after.GetByKey(later)!.Url(culture), StringComparison.Ordinal);
        Assert.Same(after.GetByKey(later), after.GetByRoute(after.GetByKey(later)!.Url(culture)!));
        Assert.Same(after.GetByKey(earlier), after.GetByRoute(after.GetByKey(earlier)!.Url(culture)!));
    }

    /// <summary>Everything a visitor or the index could see of a snapshot, in tree order.</summary>
    private static string Dump(PublishedSnapshot snapshot)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"count {snapshot.Count}, home {snapshot.Home?.Key}, updated {snapshot.LastUpdatedUtc:O}\n");
        foreach (var root in snapshot.Roots)
        {
            Write(root, 0);
        }

        return text.ToString();

        void Write(PublishedContent node, int depth)
        {
            text.Append(' ', depth * 2).Append(CultureInfo.InvariantCulture,
                $"{node.Key} {node.ContentTypeAlias} level {node.Level} parent {node.Parent?.Key} rule {node.AccessRule?.NodeKey} updated {node.UpdateDateUtc:O}\n");
            Assert.Same(node, snapshot.GetByKey(node.Key));
            foreach (var (culture, info) in node.Cultures.OrderBy(c => c.Key, StringComparer.Ordinal))
            {
                var routed = snapshot.GetByRoute(info.Url);
                text.Append(' ', depth * 2 + 2).Append(CultureInfo.InvariantCulture,
                    $"{culture}: {info.Name} | {info.UrlSegment} | {info.Url} | {info.PublishedAtUtc:O} | routed to {routed?.Key}\n");
            }

            foreach (var child in node.AllChildren)
            {
                Assert.Same(node, child.Parent);
                Write(child, depth + 1);
            }
        }
    }

    /// <summary>
    /// A tree of rows kept as the snapshot service keeps them: a node's record and its list of published rows are
    /// replaced, never edited, when the node changes.
    /// </summary>
    private sealed class RandomTree
    {
        private static readonly string[] Names = ["Alpha", "Beta", "alpha", "Gamma", "Beta!", "Delta"];

        private readonly Random _random;
        private readonly ContentSchema _schema;
        private readonly Dictionary<Guid, ContentNodeRecord> _nodes = [];
        private readonly Dictionary<Guid, IReadOnlyList<PublishedCultureRecord>> _rows = [];
        private readonly Dictionary<long, PublishedVersion> _versions = [];
        private readonly Dictionary<Guid, ContentNodeRecord> _trashed = [];
        private readonly List<PublicAccessRule> _rules = [];
        private long _nextVersion;
        private DateTime _now = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        public RandomTree(int seed, int initialNodes = 40)
        {
            _random = new Random(seed);
            var (package, problems) = UsyncReader.Read(RepositoryPaths.UsyncFolder);
            Assert.True(package is not null, string.Join("; ", problems));
            _schema = new ContentSchema(new LanguageSet(package.Languages), package.DataTypes, package.Dictionary, package.ContentTypes);
            Cultures = [.. _schema.Languages.All.Select(l => l.IsoCode)];
            Root = NewNode(null, "home", "Home");
            NewNode(null, "page", "Alpha"); // a second root: its paths can collide with the home page's children's
            for (var i = 0; i < initialNodes; i++)
            {
                Add(RandomLive(), Names[_random.Next(Names.Length)]);
            }
        }

        public Guid Root { get; }

        public IReadOnlyList<string> Cultures { get; }

        public PublishedSnapshot Build(long generation, SnapshotBuildCache cache, PublishedSnapshot? previous, IReadOnlyCollection<Guid>? changed) =>
            PublishedSnapshotBuilder.Build(generation, _now, _schema, _nodes, _rows, _versions, [.. _rules], cache, previous, changed);

        public Guid Add(Guid parent, string name) => NewNode(parent, "page", name);

        public void Rename(Guid key, string culture, string name)
        {
            var rows = _rows[key];
            var version = NewVersion(culture, name, _versions[rows[0].VersionId].Data);
            Publish(key, [.. rows.Where(r => r.Culture != culture), Row(key, culture, version)]);
        }

        /// <summary>One random change; the keys the change journal would name for it.</summary>
        public (string Change, IReadOnlyCollection<Guid> Changed) Change()
        {
            var (change, changed) = ChangeOne();
            foreach (var key in changed.Where(_rows.ContainsKey))
            {
                _rows[key] = [.. _rows[key]]; // the service reads a changed node's rows again
            }

            return (change, changed);
        }

        private (string Change, IReadOnlyCollection<Guid> Changed) ChangeOne()
        {
            _now = _now.AddMinutes(1);
            var key = RandomLive();
            var culture = Cultures[_random.Next(Cultures.Count)];
            switch (_random.Next(9))
            {
                case 0:
                    var name = Names[_random.Next(Names.Length)];
                    Rename(key, culture, name);
                    return ($"{key} renamed {name} in {culture}", [key]);
                case 1:
                    var kept = _rows[key].Where(r => r.Culture != culture).ToList();
                    if (kept.Count == 0 && key == Root)
                    {
                        goto case 0;
                    }

                    if (kept.Count == 0)
                    {
                        Trash(key);
                        return ($"{key} unpublished, so gone", [key]);
                    }

                    Publish(key, kept);
                    return ($"{key} unpublished in {culture}", [key]);
                case 2:
                    if (_rows[key].Any(r => r.Culture == culture))
                    {
                        goto case 0;
                    }

                    Publish(key, [.. _rows[key], Row(key, culture, _rows[key][0].VersionId)]);
                    return ($"{key} published in {culture}", [key]);
                case 3:
                    var target = RandomLive();
                    if (key == Root || IsWithin(target, key))
                    {
                        goto case 4;
                    }

                    Replace(key, r => r.ParentKey = target);
                    return ($"{key} moved under {target}", [key]);
                case 4:
                    var order = _random.Next(5);
                    Replace(key, r => r.SortOrder = order);
                    return ($"{key} sorted {order}", [key]);
                case 5:
                    if (key == Root)
                    {
                        goto case 6;
                    }

                    Trash(key);
                    return ($"{key} trashed (its children stay, out of reach)", [key]);
                case 6:
                    if (_trashed.Count > 0 && _random.Next(2) == 0)
                    {
                        var back = _trashed.Keys.ElementAt(_random.Next(_trashed.Count));
                        _nodes[back] = _trashed[back];
                        _trashed.Remove(back);
                        Publish(back, [Row(back, Cultures[0], NewVersion(Cultures[0], "Restored", ContentData.Empty))]);
                        return ($"{back} restored", [back]);
                    }

                    var added = Add(key, Names[_random.Next(Names.Length)]);
                    return ($"{added} added under {key}", [added]);
                case 7:
                    if (_rules.FirstOrDefault(r => r.NodeKey == key) is { } rule)
                    {
                        _rules.Remove(rule);
                        return ($"{key} made public", []);
                    }

                    _rules.Add(new PublicAccessRule(key, ["partners"]));
                    return ($"{key} protected", []);
                default:
                    Publish(key, [.. _rows[key].Select(r => Row(key, r.Culture, r.VersionId))]);
                    return ($"{key} published again", [key]);
            }
        }

        private Guid NewNode(Guid? parent, string type, string name)
        {
            var bytes = new byte[16];
            _random.NextBytes(bytes);
            var key = new Guid(bytes);
            _nodes[key] = new ContentNodeRecord
            {
                Key = key,
                ParentKey = parent,
                ContentTypeAlias = type,
                Level = parent is { } p ? _nodes[p].Level + 1 : 1,
                SortOrder = _random.Next(5),
                CreateDateUtc = _now.AddSeconds(_random.Next(3)),
                UpdateDateUtc = _now,
            };
            var cultures = _random.Next(3) == 0 ? Cultures.Take(1) : Cultures;
            var version = NewVersion(Cultures[0], name, ContentData.Empty);
            foreach (var culture in cultures.Skip(1))
            {
                version = NewVersion(culture, name + " " + culture, _versions[version].Data);
            }

            Replace(key, r => r.InvariantPublishedVersionId = version);
            Publish(key, [.. cultures.Select(c => Row(key, c, version))]);
            return key;
        }

        private long NewVersion(string culture, string name, ContentData from)
        {
            var names = new Dictionary<string, string>(from.Names) { [culture] = name };
            _versions[++_nextVersion] = PublishedVersion.Of(new ContentData(names, from.Values));
            return _nextVersion;
        }

        private PublishedCultureRecord Row(Guid key, string culture, long version) =>
            new() { NodeKey = key, Culture = culture, VersionId = version, PublishedAtUtc = _now };

        private void Publish(Guid key, IReadOnlyList<PublishedCultureRecord> rows) => _rows[key] = rows;

        private void Replace(Guid key, Action<ContentNodeRecord> change)
        {
            var old = _nodes[key];
            var record = new ContentNodeRecord
            {
                Key = old.Key,
                ParentKey = old.ParentKey,
                ContentTypeAlias = old.ContentTypeAlias,
                Level = old.Level,
                SortOrder = old.SortOrder,
                CreateDateUtc = old.CreateDateUtc,
                UpdateDateUtc = _now,
                InvariantPublishedVersionId = old.InvariantPublishedVersionId,
            };
            change(record);
            if (record.ParentKey is { } parent && _nodes.TryGetValue(parent, out var parentRecord))
            {
                record.Level = parentRecord.Level + 1;
            }

            _nodes[key] = record;
        }

        private void Trash(Guid key)
        {
            _trashed[key] = _nodes[key];
            _nodes.Remove(key);
            _rows.Remove(key);
        }

        private Guid RandomLive()
        {
            var live = _nodes.Keys.Where(k => _rows.ContainsKey(k)).OrderBy(k => k).ToList();
            return live[_random.Next(live.Count)];
        }

        private bool IsWithin(Guid key, Guid ancestor)
        {
            for (Guid? at = key; at is { } k && _nodes.TryGetValue(k, out var node); at = node.ParentKey)
            {
                if (k == ancestor)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
