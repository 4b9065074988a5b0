using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Site.Core.Search;

namespace Site.Core.Tests.Search;

/// <summary>Facet counts from the per-segment ordinal arrays: several values per document, several segments, deletions.</summary>
public sealed class FacetCounterTests
{
    [Fact]
    public void Counts_every_value_of_every_matching_document_across_segments_and_skips_deleted_ones()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)))
        {
            writer.AddDocument(Doc("1", "session", "Finland"));
            writer.AddDocument(Doc("2", "newsArticle", "Finland", "Canada"));
            writer.Commit(); // first segment
            writer.AddDocument(Doc("3", "newsArticle"));
            writer.AddDocument(Doc("4", "partnerStory", "Canada"));
            writer.Commit(); // second segment
            writer.DeleteDocuments(new Term("id", "4"));
            writer.Commit();
        }

        using var reader = DirectoryReader.Open(directory);
        Assert.Equal(2, reader.Leaves.Count);
        var searcher = new IndexSearcher(reader);
        var facets = new FacetCounter(new Dictionary<string, string> { ["type"] = "type", ["country"] = "country" });

        searcher.Search(new MatchAllDocsQuery(), facets);
        var results = facets.Results();

        Assert.Equal([new FacetValue("newsArticle", 2), new FacetValue("session", 1)], results["type"]);
        Assert.Equal([new FacetValue("Finland", 2), new FacetValue("Canada", 1)], results["country"]);
    }

    [Fact]
    public void A_field_no_document_has_gives_no_values()
    {
        using var directory = new RAMDirectory();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.PerField)))
        {
            writer.AddDocument(Doc("1", "session"));
        }

        using var reader = DirectoryReader.Open(directory);
        var facets = new FacetCounter(new Dictionary<string, string> { ["decade"] = "decade" });

        new IndexSearcher(reader).Search(new MatchAllDocsQuery(), facets);

        Assert.Empty(facets.Results()["decade"]);
    }

    private static Document Doc(string id, string type, params string[] countries)
    {
        var document = new Document
        {
            new StringField("id", id, Field.Store.YES),
            new SortedSetDocValuesField("type", new BytesRef(type)),
        };
        foreach (var country in countries)
        {
            document.Add(new SortedSetDocValuesField("country", new BytesRef(country)));
        }

        return document;
    }
}
