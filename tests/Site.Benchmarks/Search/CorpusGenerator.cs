using System.Globalization;
using System.Text;
using System.Text.Json;
using Site.Core.Content;

namespace Site.Benchmarks.Search;

/// <summary>One generated node: what the site's database holds for it (its one version, published in these cultures).</summary>
internal sealed record SyntheticNode(
    Guid Key,
    Guid ParentKey,
    string ContentTypeAlias,
    int SortOrder,
    int Level,
    IReadOnlyList<string> Cultures,
    ContentData Data);

/// <summary>Where generated nodes go: the site's own list pages (from the real content), with their level and child count.</summary>
internal sealed record CorpusParents(Guid Sessions, Guid News, Guid Partners, int ChildLevel, int ExistingChildren);

/// <summary>
/// A deterministic synthetic bilingual corpus (fixed seed): sessions, news articles and partner stories, in Chinese
/// and English or in Chinese only (zh-CN is the site's mandatory language, so nothing is English only), with Markdown
/// bodies of 200–3,000 characters (log-uniform), sentences built from real words of both languages, English names
/// inside Chinese text, and places named in both languages in the fields the search's term bridge learns from.
/// </summary>
internal sealed class CorpusGenerator(int seed)
{
    public const string English = "en-US";
    public const string Chinese = "zh-CN";

    /// <summary>Bodies are at least and at most this many characters (English; a Chinese translation is shorter).</summary>
    public const int MinBody = 200;
    public const int MaxBody = 3000;

    private static readonly string[] Months =
    [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];

    private readonly Random _random = new(seed);

    public IReadOnlyList<SyntheticNode> Generate(int count, CorpusParents parents)
    {
        var nodes = new List<SyntheticNode>(count);
        for (var i = 0; i < count; i++)
        {
            var roll = _random.NextDouble();
            var kind = roll < 0.10 ? "session" : roll < 0.70 ? "newsArticle" : "partnerStory";
            var parent = kind switch
            {
                "session" => parents.Sessions,
                "newsArticle" => parents.News,
                _ => parents.Partners,
            };
            var bilingual = _random.NextDouble() < 0.7;
            var key = NextGuid();
            var data = kind switch
            {
                "session" => Session(i, bilingual),
                "newsArticle" => News(i, bilingual),
                _ => PartnerStory(i, bilingual),
            };
            nodes.Add(new SyntheticNode(
                key, parent, kind, parents.ExistingChildren + i, parents.ChildLevel, bilingual ? [Chinese, English] : [Chinese], data));
        }

        return nodes;
    }

    /// <summary>The total length of the published text of a node, for the report.</summary>
    public static long TextLength(SyntheticNode node) => node.Data.Values.Sum(v => (long)v.Value.Length);

    private ContentData Session(int index, bool bilingual)
    {
        var number = 1 + _random.Next(20);
        var year = 2005 + _random.Next(21);
        var start = new DateOnly(year, 1 + _random.Next(12), 1 + _random.Next(28));
        var abroad = _random.NextDouble() < 0.5;
        var js = Pick(Vocabulary.JiangsuCities);
        var away = Pick(Vocabulary.AbroadCities);
        var city = abroad ? away.City : js;
        var country = abroad ? away.Country : new Place("中国", "China");
        var values = new List<PropertyValue>
        {
            new("sessionNumber", null, Invariant(number)),
            new("year", null, Invariant(year)),
            new("startDate", null, start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("endDate", null, start.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            new("location", null, abroad ? "abroad" : "home"),
            new("countries", null, Invariant(5 + _random.Next(20))),
        };
        var slug = "session-" + Invariant(index);
        var zhName = $"{Vocabulary.ChineseOrdinals[number - 1]} ({Invariant(year)}) {city.Chinese}";
        var enName = $"{Capitalize(Vocabulary.Ordinals[number - 1])} Forum ({Invariant(year)}), {city.English}";
        var names = new Dictionary<string, string> { [Chinese] = zhName };
        AddCulture(values, Chinese, slug, $"{Vocabulary.ChineseOrdinals[number - 1]}江苏中小学校长国际论坛（{Invariant(year)}年，{city.Chinese}）", ChineseBody(LengthFor(bilingual, Chinese)), ChineseSummary());
        values.Add(new("venueName", Chinese, city.Chinese + Pick(["会议中心", "国际会议厅", "大学礼堂", "会展中心"])));
        values.Add(new("venueCity", Chinese, city.Chinese));
        values.Add(new("venueCountry", Chinese, country.Chinese));
        values.Add(new("dateNote", Chinese, $"{Invariant(year)}年{Invariant(start.Month)}月{Invariant(start.Day)}日"));
        var tags = Tags(city, country);
        values.Add(new("tags", Chinese, JsonSerializer.Serialize(tags.Select(t => t.Chinese).ToList())));
        if (bilingual)
        {
            names[English] = enName;
            AddCulture(values, English, slug, $"{Capitalize(Vocabulary.Ordinals[number - 1])} Jiangsu International Forum for School Principals ({Invariant(year)})", EnglishBody(LengthFor(bilingual, English)), EnglishSummary());
            values.Add(new("venueName", English, city.English + " " + Pick(["Convention Centre", "Hall", "University Auditorium", "Conference Centre"])));
            values.Add(new("venueCity", English, city.English));
            values.Add(new("venueCountry", English, country.English));
            values.Add(new("dateNote", English, $"{Invariant(start.Day)} {Months[start.Month - 1]} {Invariant(year)}"));
            values.Add(new("theme", English, $"{Capitalize(Pick(Vocabulary.EnglishAdjectives))} {Capitalize(Pick(Vocabulary.EnglishNouns))} and {Capitalize(Pick(Vocabulary.EnglishNouns))}"));
            values.Add(new("tags", English, JsonSerializer.Serialize(tags.Select(t => t.English).ToList())));
        }

        return new ContentData(names, values);
    }

    private ContentData News(int index, bool bilingual)
    {
        var date = new DateOnly(2005 + _random.Next(21), 1 + _random.Next(12), 1 + _random.Next(28));
        var js = Pick(Vocabulary.JiangsuCities);
        var away = Pick(Vocabulary.AbroadCities);
        var values = new List<PropertyValue>
        {
            new("publishDate", null, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        };
        var slug = "news-" + Invariant(index);
        var zhTitle = $"{js.Chinese}{Pick(Vocabulary.ChineseNouns)}{Pick(Vocabulary.ChineseVerbs)}{Pick(Vocabulary.ChineseAdjectives)}{Pick(Vocabulary.ChineseNouns)}{Pick(Vocabulary.ChineseNouns)}";
        var names = new Dictionary<string, string> { [Chinese] = zhTitle };
        var tags = Tags(_random.NextDouble() < 0.5 ? js : away.City, away.Country);
        AddCulture(values, Chinese, slug, zhTitle, ChineseBody(LengthFor(bilingual, Chinese)), ChineseSummary());
        values.Add(new("summary", Chinese, ChineseSummary()));
        values.Add(new("tags", Chinese, JsonSerializer.Serialize(tags.Select(t => t.Chinese).ToList())));
        if (bilingual)
        {
            var enTitle = $"{Capitalize(Pick(Vocabulary.EnglishSubjects))} {Pick(Vocabulary.EnglishPastVerbs)} {Pick(Vocabulary.EnglishAdjectives)} {Pick(Vocabulary.EnglishNouns)} in {(_random.NextDouble() < 0.5 ? js.English : away.City.English)}";
            names[English] = enTitle;
            AddCulture(values, English, slug, enTitle, EnglishBody(LengthFor(bilingual, English)), EnglishSummary());
            values.Add(new("summary", English, EnglishSummary()));
            values.Add(new("tags", English, JsonSerializer.Serialize(tags.Select(t => t.English).ToList())));
        }

        return new ContentData(names, values);
    }

    private ContentData PartnerStory(int index, bool bilingual)
    {
        var js = Pick(Vocabulary.JiangsuCities);
        var away = Pick(Vocabulary.AbroadCities);
        var kind = _random.Next(Vocabulary.SchoolKindsChinese.Length);
        var abroadKind = Pick(Vocabulary.AbroadSchoolKinds);
        var values = new List<PropertyValue>
        {
            new("since", null, Invariant(2005 + _random.Next(21))),
            new("status", null, Pick(["active", "unknown", "ended"])),
        };
        var slug = "partner-" + Invariant(index);
        var zhJiangsu = js.Chinese + Vocabulary.SchoolKindsChinese[kind];
        var zhName = $"{zhJiangsu}—{away.City.Chinese}";
        var names = new Dictionary<string, string> { [Chinese] = zhName };
        var tags = Tags(away.City, away.Country);
        AddCulture(values, Chinese, slug, $"{zhJiangsu}与{away.Country.Chinese}{away.City.Chinese}{abroadKind}", ChineseBody(LengthFor(bilingual, Chinese)), ChineseSummary());
        values.Add(new("jiangsuPartner", Chinese, zhJiangsu));
        values.Add(new("overseasPartner", Chinese, $"{away.City.Chinese}（{away.City.English} {abroadKind}）"));
        values.Add(new("partnerCountry", Chinese, away.Country.Chinese));
        values.Add(new("statusNote", Chinese, ChineseSentence()));
        values.Add(new("tags", Chinese, JsonSerializer.Serialize(tags.Select(t => t.Chinese).ToList())));
        if (bilingual)
        {
            var enJiangsu = js.English + " " + Vocabulary.SchoolKindsEnglish[kind];
            names[English] = $"{js.English} – {away.City.English}";
            AddCulture(values, English, slug, $"{enJiangsu} and {away.City.English} {abroadKind}", EnglishBody(LengthFor(bilingual, English)), EnglishSummary());
            values.Add(new("jiangsuPartner", English, enJiangsu));
            values.Add(new("overseasPartner", English, $"{away.City.English} {abroadKind}"));
            values.Add(new("partnerCountry", English, away.Country.English));
            values.Add(new("statusNote", English, EnglishSentence()));
            values.Add(new("tags", English, JsonSerializer.Serialize(tags.Select(t => t.English).ToList())));
        }

        return new ContentData(names, values);
    }

    private static void AddCulture(List<PropertyValue> values, string culture, string slug, string title, string body, string description)
    {
        values.Add(new("title", culture, title));
        values.Add(new("bodyText", culture, body));
        values.Add(new("umbracoUrlName", culture, slug));
        values.Add(new("metaDescription", culture, description));
    }

    /// <summary>Two or three tags: the place, its country, a theme; the same positions in both languages.</summary>
    private List<Place> Tags(Place place, Place country)
    {
        var tags = new List<Place> { place };
        if (!string.Equals(country.English, place.English, StringComparison.Ordinal))
        {
            tags.Add(country);
        }

        tags.Add(Pick(Vocabulary.Tags));
        return tags;
    }

    /// <summary>English bodies are log-uniform between the bounds; a Chinese translation is about half as many characters.</summary>
    private int LengthFor(bool bilingual, string culture)
    {
        var length = (int)Math.Exp(Math.Log(MinBody) + (_random.NextDouble() * (Math.Log(MaxBody) - Math.Log(MinBody))));
        return bilingual && string.Equals(culture, Chinese, StringComparison.Ordinal) ? Math.Max(MinBody, length * 55 / 100) : length;
    }

    private string EnglishBody(int length) => Body(length, EnglishSentence, " ", () => Capitalize(Pick(Vocabulary.EnglishPluralNouns)) + " and " + Pick(Vocabulary.EnglishPluralNouns));

    private string ChineseBody(int length) => Body(length, ChineseSentence, string.Empty, () => Pick(Vocabulary.ChineseNouns) + "与" + Pick(Vocabulary.ChineseNouns));

    /// <summary>Markdown: paragraphs of 2–5 sentences, now and then a heading or a short list, cut at a sentence end.</summary>
    private string Body(int length, Func<string> sentence, string separator, Func<string> heading)
    {
        var body = new StringBuilder(length + 200);
        while (body.Length < length)
        {
            if (body.Length > 0)
            {
                body.Append("\n\n");
                var roll = _random.NextDouble();
                if (roll < 0.12)
                {
                    body.Append("## ").Append(heading()).Append("\n\n");
                }
                else if (roll < 0.20)
                {
                    for (var i = 0; i < 2 + _random.Next(3); i++)
                    {
                        body.Append("- ").Append(sentence()).Append('\n');
                    }

                    continue;
                }
            }

            var sentences = 2 + _random.Next(4);
            for (var i = 0; i < sentences && body.Length < length; i++)
            {
                if (i > 0)
                {
                    body.Append(separator);
                }

                body.Append(sentence());
            }
        }

        return body.ToString().TrimEnd();
    }

    private string EnglishSummary() => Shorten(EnglishSentence() + " " + EnglishSentence(), 300);

    private string ChineseSummary() => Shorten(ChineseSentence() + ChineseSentence(), 150);

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length];

    internal string EnglishSentence()
    {
        var js = Pick(Vocabulary.JiangsuCities).English;
        var away = Pick(Vocabulary.AbroadCities);
        return _random.Next(10) switch
        {
            0 => $"{Pick(Vocabulary.EnglishTimes)}, {Pick(Vocabulary.EnglishSubjects)} {Pick(Vocabulary.EnglishPastVerbs)} the {Pick(Vocabulary.EnglishAdjectives)} {Pick(Vocabulary.EnglishNouns)} in {js}.",
            1 => $"The {Pick(Vocabulary.EnglishNouns)} between {js} and {away.City.English} {Pick(Vocabulary.EnglishPastVerbs)} {Pick(Vocabulary.EnglishAdjectives)} {Pick(Vocabulary.EnglishPluralNouns)} for {Pick(Vocabulary.EnglishPluralNouns)} and {Pick(Vocabulary.EnglishPluralNouns)}.",
            2 => $"{Capitalize(Pick(Vocabulary.EnglishSubjects))} from {Invariant(3 + _random.Next(30))} countries {Pick(Vocabulary.EnglishPastVerbs)} {Invariant(10 + _random.Next(400))} {Pick(Vocabulary.EnglishPluralNouns)} on {Pick(Vocabulary.EnglishGerunds)} {Pick(Vocabulary.EnglishNouns)}.",
            3 => $"Speakers {Pick(Vocabulary.EnglishPastVerbs)} how {Pick(Vocabulary.EnglishAdjectives)} {Pick(Vocabulary.EnglishNouns)} can support {Pick(Vocabulary.EnglishNouns)} and {Pick(Vocabulary.EnglishNouns)} in {Pick(Vocabulary.EnglishAdjectives)} {Pick(Vocabulary.EnglishPluralNouns)}.",
            4 => $"According to the {Pick(Vocabulary.EnglishNouns)} of the {Pick(Vocabulary.Ordinals)} session, {Pick(Vocabulary.EnglishPluralNouns)} {Pick(Vocabulary.EnglishPastVerbs)} {Pick(Vocabulary.EnglishAdjectives)} {Pick(Vocabulary.EnglishPluralNouns)}.",
            5 => $"{js} {Pick(Vocabulary.SchoolKindsEnglish)} and a {Pick(Vocabulary.AbroadSchoolKinds)} in {away.City.English}, {away.Country.English}, {Pick(Vocabulary.EnglishPastVerbs)} a {Pick(Vocabulary.EnglishNouns)} agreement.",
            6 => $"The theme was \"{Capitalize(Pick(Vocabulary.EnglishAdjectives))} {Capitalize(Pick(Vocabulary.EnglishNouns))} and {Capitalize(Pick(Vocabulary.EnglishNouns))}\".",
            7 => $"More than {Invariant(20 + _random.Next(5000))} {Pick(Vocabulary.EnglishPluralNouns)} have taken part in {Pick(Vocabulary.EnglishAdjectives)} {Pick(Vocabulary.EnglishPluralNouns)} since {Invariant(2005 + _random.Next(20))}.",
            8 => $"{Capitalize(Pick(Vocabulary.EnglishSubjects))} {Pick(Vocabulary.EnglishPastVerbs)} {Pick(Vocabulary.EnglishGerunds)} {Pick(Vocabulary.EnglishPluralNouns)} and {Pick(Vocabulary.EnglishGerunds)} {Pick(Vocabulary.EnglishAdjectives)} {Pick(Vocabulary.EnglishNouns)}.",
            _ => $"The {Pick(Vocabulary.Ordinals)} session was held in {away.City.English} on {Invariant(1 + _random.Next(28))} {Pick(Months)} {Invariant(2005 + _random.Next(21))}.",
        };
    }

    internal string ChineseSentence()
    {
        var js = Pick(Vocabulary.JiangsuCities).Chinese;
        var away = Pick(Vocabulary.AbroadCities);
        return _random.Next(10) switch
        {
            0 => $"{Pick(Vocabulary.ChineseTimes)}，{js}{Pick(Vocabulary.ChineseNouns)}{Pick(Vocabulary.ChineseVerbs)}了{Pick(Vocabulary.ChineseAdjectives)}的{Pick(Vocabulary.ChineseNouns)}{Pick(Vocabulary.ChineseNouns)}。",
            1 => $"{Pick(Vocabulary.ChinesePeople)}{Pick(Vocabulary.ChineseVerbs)}了{Pick(Vocabulary.ChineseNouns)}和{Pick(Vocabulary.ChineseNouns)}，{Pick(Vocabulary.ChineseAdverbs)}{Pick(Vocabulary.ChineseVerbs)}{Pick(Vocabulary.ChineseNouns)}{Pick(Vocabulary.ChineseNouns)}。",
            2 => $"{js}{Pick(Vocabulary.SchoolKindsChinese)}与{away.Country.Chinese}{away.City.Chinese}的一所学校{Pick(["签署", "达成", "续签"])}了{Pick(Vocabulary.ChineseNouns)}协议。",
            3 => $"双方将在{Pick(Vocabulary.ChineseNouns)}、{Pick(Vocabulary.ChineseNouns)}和{Pick(Vocabulary.ChineseNouns)}等方面{Pick(Vocabulary.ChineseAdverbs)}{Pick(Vocabulary.ChineseVerbs)}{Pick(Vocabulary.ChineseNouns)}。",
            4 => $"{Pick(Vocabulary.ChinesePeople)}{Pick(Vocabulary.ChineseSpeechVerbs)}，{Pick(Vocabulary.ChineseNouns)}是{Pick(Vocabulary.ChineseNouns)}{Pick(Vocabulary.ChineseNouns)}的{Pick(Vocabulary.ChineseAdjectives)}{Pick(Vocabulary.ChineseNouns)}。",
            5 => $"来自{Invariant(3 + _random.Next(30))}个国家的{Invariant(10 + _random.Next(400))}余名{Pick(Vocabulary.ChinesePeople)}{Pick(Vocabulary.ChineseVerbs)}了本次{Pick(Vocabulary.ChineseNouns)}。",
            6 => $"{Pick(Vocabulary.ChineseTimes)}，{Pick(Vocabulary.ChinesePeople)}围绕“{Pick(Vocabulary.ChineseNouns)}与{Pick(Vocabulary.ChineseNouns)}”这一主题{Pick(Vocabulary.ChineseVerbs)}了{Pick(Vocabulary.ChineseAdjectives)}的{Pick(Vocabulary.ChineseNouns)}。",
            7 => $"{Pick(Vocabulary.ChinesePeople)}还{Pick(Vocabulary.ChineseVerbs)}了{Pick(Vocabulary.EnglishNamesInChinese)}{Pick(Vocabulary.ChineseNouns)}的{Pick(Vocabulary.ChineseNouns)}。",
            8 => $"这是{js}与{away.City.Chinese}的{Pick(Vocabulary.ChineseAdjectives)}{Pick(Vocabulary.ChineseNouns)}{Pick(Vocabulary.ChineseNouns)}。",
            _ => $"{Pick(Vocabulary.ChineseOrdinals)}会议于{Invariant(2005 + _random.Next(21))}年{Invariant(1 + _random.Next(12))}月{Invariant(1 + _random.Next(28))}日在{away.City.Chinese}举行。",
        };
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout, deterministic bits
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static string Capitalize(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
