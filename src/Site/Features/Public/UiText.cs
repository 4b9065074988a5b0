namespace Site.Features.Public;

/// <summary>The site's own words (not content), in each culture. Content text comes from the CMS.</summary>
public sealed record UiText
{
    public required string Culture { get; init; }
    public required string LanguageName { get; init; }
    public required string SiteName { get; init; }
    public required string SiteShortName { get; init; }
    public required string SkipToContent { get; init; }
    public required string MainNavigation { get; init; }
    public required string Breadcrumbs { get; init; }
    public required string Home { get; init; }
    public required string LanguageSwitcher { get; init; }
    public required string NotTranslated { get; init; }
    public required string NotTranslatedLong { get; init; }
    public required string ReadInOtherLanguage { get; init; }
    public required string NotRecorded { get; init; }
    public required string RecordedOnlyIn { get; init; }
    public required string SessionNumber { get; init; }
    public required string Year { get; init; }
    public required string Dates { get; init; }
    public required string Venue { get; init; }
    public required string City { get; init; }
    public required string Country { get; init; }
    public required string Location { get; init; }
    public required string LocationHome { get; init; }
    public required string LocationAbroad { get; init; }
    public required string Theme { get; init; }
    public required string Attendees { get; init; }
    public required string Countries { get; init; }
    public required string SisterSchoolPairs { get; init; }
    public required string Sources { get; init; }
    public required string Tags { get; init; }
    public required string Filter { get; init; }
    public required string AllLocations { get; init; }
    public required string AllDecades { get; init; }
    public required string Decade { get; init; }
    public required string SortOrder { get; init; }
    public required string SortNewestFirst { get; init; }
    public required string SortOldestFirst { get; init; }
    public required string SessionsShown { get; init; }
    public required string NoSessionsMatch { get; init; }
    public required string LatestSession { get; init; }
    public required string KeyFigures { get; init; }
    public required string SessionsHeld { get; init; }
    public required string SisterSchoolPartnerships { get; init; }
    public required string ExchangeParticipants { get; init; }
    public required string LatestNews { get; init; }
    public required string AllNews { get; init; }
    public required string AllSessions { get; init; }
    public required string ReadMore { get; init; }
    public required string Published { get; init; }
    public required string RelatedSession { get; init; }
    public required string Partners { get; init; }
    public required string Status { get; init; }
    public required string StatusActive { get; init; }
    public required string StatusEnded { get; init; }
    public required string StatusUnknown { get; init; }
    public required string Since { get; init; }
    public required string JiangsuPartner { get; init; }
    public required string OverseasPartner { get; init; }
    public required string Pagination { get; init; }
    public required string PreviousPage { get; init; }
    public required string NextPage { get; init; }
    public required string PageOf { get; init; }
    public required string NewsFeed { get; init; }
    public required string NotFoundTitle { get; init; }
    public required string NotFoundText { get; init; }
    public required string ErrorTitle { get; init; }
    public required string MembersOnlyTitle { get; init; }
    public required string MembersOnlyText { get; init; }
    public required string NoAccessTitle { get; init; }
    public required string NoAccessText { get; init; }
    public required string ErrorText { get; init; }
    public required string BadRequestTitle { get; init; }
    public required string BadRequestText { get; init; }
    public required string TooLargeTitle { get; init; }
    /// <summary>{0}: the limit in MB.</summary>
    public required string TooLargeText { get; init; }
    public required string TooLargeNoLimitText { get; init; }
    public required string BackHome { get; init; }
    public required string Organizers { get; init; }
    public required string FooterSources { get; init; }
    public required string DateFormat { get; init; }
    public required string Search { get; init; }
    public required string SearchLabel { get; init; }
    public required string SearchButton { get; init; }
    public required string SearchPlaceholder { get; init; }
    public required string SearchSuggestions { get; init; }
    public required string SearchResultCount { get; init; }
    public required string SearchNoResults { get; init; }
    public required string SearchEnterWords { get; init; }
    public required string SearchDidYouMean { get; init; }
    public required string SearchRelaxed { get; init; }
    public required string SearchTimedOut { get; init; }
    public required string SearchRefine { get; init; }
    public required string SearchAllResults { get; init; }
    public required string SearchContentType { get; init; }
    public required string SearchSortRelevance { get; init; }
    public required string SearchSortDate { get; init; }
    public required string SearchOnlyIn { get; init; }
    public required string SearchResults { get; init; }
    public required IReadOnlyDictionary<string, string> ContentTypeNames { get; init; }

    public static UiText English { get; } = new()
    {
        Culture = "en-US",
        LanguageName = "English",
        SiteName = "Jiangsu International Forum for School Principals",
        SiteShortName = "Jiangsu Principals' Forum",
        SkipToContent = "Skip to main content",
        MainNavigation = "Main",
        Breadcrumbs = "Breadcrumb",
        Home = "Home",
        LanguageSwitcher = "Language",
        NotTranslated = "not translated",
        NotTranslatedLong = "This page has not been translated into English yet.",
        ReadInOtherLanguage = "Read it in Chinese",
        NotRecorded = "Not recorded",
        RecordedOnlyIn = "Recorded in Chinese only",
        SessionNumber = "Session",
        Year = "Year",
        Dates = "Dates",
        Venue = "Venue",
        City = "City",
        Country = "Country",
        Location = "Held",
        LocationHome = "In Jiangsu",
        LocationAbroad = "Abroad",
        Theme = "Theme",
        Attendees = "Attendance",
        Countries = "Countries represented",
        SisterSchoolPairs = "Sister-school pairs recorded",
        Sources = "Sources",
        Tags = "Tags",
        Filter = "Filter sessions",
        AllLocations = "All venues",
        AllDecades = "All years",
        Decade = "{0}s",
        SortOrder = "Order",
        SortNewestFirst = "Newest first",
        SortOldestFirst = "Oldest first",
        SessionsShown = "{0} of {1} sessions shown",
        NoSessionsMatch = "No session matches these filters.",
        LatestSession = "Latest session",
        KeyFigures = "Key figures",
        SessionsHeld = "sessions held since 2005",
        SisterSchoolPartnerships = "sister-school partnerships",
        ExchangeParticipants = "in exchange visits",
        LatestNews = "Latest news",
        AllNews = "All news",
        AllSessions = "All sessions",
        ReadMore = "Read more",
        Published = "Published",
        RelatedSession = "Related session",
        Partners = "Partners",
        Status = "Status",
        StatusActive = "Active",
        StatusEnded = "Ended",
        StatusUnknown = "Current status not recorded",
        Since = "Since",
        JiangsuPartner = "Jiangsu partner",
        OverseasPartner = "Overseas partner",
        Pagination = "Pages",
        PreviousPage = "Previous page",
        NextPage = "Next page",
        PageOf = "Page {0} of {1}",
        NewsFeed = "News feed (Atom)",
        NotFoundTitle = "Page not found",
        NotFoundText = "We could not find the page you asked for. It may have moved, or the address may be mistyped.",
        ErrorTitle = "Something went wrong",
        MembersOnlyTitle = "Members only",
        MembersOnlyText = "This page is for registered members. Please sign in to read it.",
        NoAccessTitle = "No access",
        NoAccessText = "Your account does not give access to this page. If you think it should, please contact the organisers.",
        ErrorText = "The page could not be shown because of an error on our side. Please try again in a moment.",
        BadRequestTitle = "The request could not be accepted",
        BadRequestText = "What your browser sent could not be read, or the form had expired. Please go back, reload the page and try again.",
        TooLargeTitle = "Too large to send",
        TooLargeText = "What you sent is larger than {0} MB, the most this page accepts.",
        TooLargeNoLimitText = "What you sent is larger than this page accepts.",
        BackHome = "Go to the home page",
        Organizers = "Hosted by the Jiangsu Provincial Department of Education and municipal governments in Jiangsu; co-organised by JESIE and local education bureaus.",
        FooterSources = "Sources and methods",
        DateFormat = "d MMMM yyyy",
        Search = "Search",
        SearchLabel = "Search the site",
        SearchButton = "Search",
        SearchPlaceholder = "Session, city, country, partner…",
        SearchSuggestions = "Suggestions",
        SearchResultCount = "{0} results for “{1}”",
        SearchNoResults = "Nothing was found for “{0}”.",
        SearchEnterWords = "Type a word or two to search the sessions, partner stories and news, in English or Chinese.",
        SearchDidYouMean = "Did you mean",
        SearchRelaxed = "No page contains all of your words; these pages contain some of them.",
        SearchTimedOut = "The search took too long and may have missed some pages.",
        SearchRefine = "Refine the results",
        SearchAllResults = "All",
        SearchContentType = "Type",
        SearchSortRelevance = "Best match",
        SearchSortDate = "Newest first",
        SearchOnlyIn = "in Chinese only",
        SearchResults = "Search results",
        ContentTypeNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["home"] = "Home page",
            ["about"] = "About",
            ["sessionArchive"] = "Session archive",
            ["session"] = "Session",
            ["partnerIndex"] = "Partners",
            ["partnerStory"] = "Partner story",
            ["newsIndex"] = "News",
            ["newsArticle"] = "News article",
            ["page"] = "Page",
        },
    };

    public static UiText Chinese { get; } = new()
    {
        Culture = "zh-CN",
        LanguageName = "中文",
        SiteName = "江苏中小学校长国际交流与协作会",
        SiteShortName = "校长国际交流与协作会",
        SkipToContent = "跳到主要内容",
        MainNavigation = "主导航",
        Breadcrumbs = "当前位置",
        Home = "首页",
        LanguageSwitcher = "语言",
        NotTranslated = "尚无译文",
        NotTranslatedLong = "本页尚无中文版本。",
        ReadInOtherLanguage = "阅读英文版",
        NotRecorded = "暂无记录",
        RecordedOnlyIn = "仅有英文记录",
        SessionNumber = "届次",
        Year = "年份",
        Dates = "日期",
        Venue = "会场",
        City = "城市",
        Country = "国家",
        Location = "举办地",
        LocationHome = "江苏省内",
        LocationAbroad = "境外",
        Theme = "主题",
        Attendees = "参会情况",
        Countries = "参会国家数",
        SisterSchoolPairs = "友好学校结对（对）",
        Sources = "资料来源",
        Tags = "标签",
        Filter = "筛选",
        AllLocations = "全部举办地",
        AllDecades = "全部年份",
        Decade = "{0}年代",
        SortOrder = "排序",
        SortNewestFirst = "最新在前",
        SortOldestFirst = "最早在前",
        SessionsShown = "共 {1} 届，显示 {0} 届",
        NoSessionsMatch = "没有符合筛选条件的届次。",
        LatestSession = "最近一届",
        KeyFigures = "数据一览",
        SessionsHeld = "2005 年以来已举办届数",
        SisterSchoolPartnerships = "友好学校",
        ExchangeParticipants = "参与交流互访",
        LatestNews = "最新动态",
        AllNews = "全部新闻",
        AllSessions = "历届回顾",
        ReadMore = "阅读全文",
        Published = "发布日期",
        RelatedSession = "相关届次",
        Partners = "合作伙伴",
        Status = "状态",
        StatusActive = "合作中",
        StatusEnded = "已结束",
        StatusUnknown = "目前状态暂无记录",
        Since = "起始年份",
        JiangsuPartner = "江苏方",
        OverseasPartner = "境外合作方",
        Pagination = "分页",
        PreviousPage = "上一页",
        NextPage = "下一页",
        PageOf = "第 {0} 页，共 {1} 页",
        NewsFeed = "新闻订阅（Atom）",
        NotFoundTitle = "未找到页面",
        NotFoundText = "您访问的页面不存在，可能已被移动，或网址有误。",
        ErrorTitle = "出错了",
        MembersOnlyTitle = "仅限会员",
        MembersOnlyText = "本页面仅向注册会员开放，请登录后阅读。",
        NoAccessTitle = "无权访问",
        NoAccessText = "您的账号无权访问本页面。如有疑问，请与主办方联系。",
        ErrorText = "由于服务器出现错误，页面暂时无法显示，请稍后再试。",
        BadRequestTitle = "无法受理该请求",
        BadRequestText = "无法读取浏览器发送的内容，或表单已过期。请返回并刷新页面后重试。",
        TooLargeTitle = "提交的内容过大",
        TooLargeText = "您提交的内容超过了本页面可接受的上限 {0} MB。",
        TooLargeNoLimitText = "您提交的内容超过了本页面可接受的上限。",
        BackHome = "返回首页",
        Organizers = "主办：江苏省教育厅及省内有关市人民政府；承办：江苏省教育国际交流服务中心（苏教国际）及各地教育局。",
        FooterSources = "资料来源与说明",
        DateFormat = "yyyy年M月d日",
        Search = "搜索",
        SearchLabel = "搜索本站",
        SearchButton = "搜索",
        SearchPlaceholder = "届次、城市、国家、合作方……",
        SearchSuggestions = "搜索建议",
        SearchResultCount = "“{1}”共找到 {0} 条结果",
        SearchNoResults = "没有找到与“{0}”相关的内容。",
        SearchEnterWords = "输入中文或英文关键词，搜索历届会议、友好合作与新闻动态。",
        SearchDidYouMean = "您是不是要找",
        SearchRelaxed = "没有页面包含全部关键词，以下页面包含其中一部分。",
        SearchTimedOut = "搜索用时过长，结果可能不完整。",
        SearchRefine = "筛选结果",
        SearchAllResults = "全部",
        SearchContentType = "类型",
        SearchSortRelevance = "相关度",
        SearchSortDate = "最新在前",
        SearchOnlyIn = "仅有英文版",
        SearchResults = "搜索结果",
        ContentTypeNames = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["home"] = "首页",
            ["about"] = "关于",
            ["sessionArchive"] = "历届回顾",
            ["session"] = "届次",
            ["partnerIndex"] = "友好合作",
            ["partnerStory"] = "合作故事",
            ["newsIndex"] = "新闻动态",
            ["newsArticle"] = "新闻",
            ["page"] = "页面",
        },
    };

    public static UiText For(string culture) =>
        culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Chinese : English;
}
