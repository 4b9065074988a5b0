namespace Site.Benchmarks.Search;

/// <summary>A place named in both languages: the pairs the search's term bridge learns from the content.</summary>
internal sealed record Place(string Chinese, string English);

/// <summary>An abroad city, with its country.</summary>
internal sealed record AbroadCity(Place City, Place Country);

/// <summary>
/// Real words, not random characters: Chinese words as a dictionary has them (so the segmenter meets what it meets on
/// the site), English words of the same domain, places named in both languages.
/// </summary>
internal static class Vocabulary
{
    public static readonly Place[] JiangsuCities =
    [
        new("南京", "Nanjing"), new("苏州", "Suzhou"), new("无锡", "Wuxi"), new("常州", "Changzhou"), new("徐州", "Xuzhou"),
        new("南通", "Nantong"), new("连云港", "Lianyungang"), new("淮安", "Huai'an"), new("盐城", "Yancheng"), new("扬州", "Yangzhou"),
        new("镇江", "Zhenjiang"), new("泰州", "Taizhou"), new("宿迁", "Suqian"),
    ];

    private static readonly Place Finland = new("芬兰", "Finland");
    private static readonly Place Australia = new("澳大利亚", "Australia");
    private static readonly Place Canada = new("加拿大", "Canada");
    private static readonly Place Britain = new("英国", "United Kingdom");
    private static readonly Place Germany = new("德国", "Germany");
    private static readonly Place Usa = new("美国", "United States");
    private static readonly Place Japan = new("日本", "Japan");
    private static readonly Place NewZealand = new("新西兰", "New Zealand");

    public static readonly AbroadCity[] AbroadCities =
    [
        new(new("坦佩雷", "Tampere"), Finland), new(new("奥卢", "Oulu"), Finland), new(new("赫尔辛基", "Helsinki"), Finland),
        new(new("墨尔本", "Melbourne"), Australia), new(new("悉尼", "Sydney"), Australia), new(new("阿德莱德", "Adelaide"), Australia),
        new(new("多伦多", "Toronto"), Canada), new(new("温哥华", "Vancouver"), Canada), new(new("皮尔", "Peel"), Canada),
        new(new("伦敦", "London"), Britain), new(new("爱丁堡", "Edinburgh"), Britain), new(new("曼彻斯特", "Manchester"), Britain),
        new(new("柏林", "Berlin"), Germany), new(new("慕尼黑", "Munich"), Germany), new(new("汉堡", "Hamburg"), Germany),
        new(new("纽约", "New York"), Usa), new(new("波士顿", "Boston"), Usa), new(new("旧金山", "San Francisco"), Usa),
        new(new("东京", "Tokyo"), Japan), new(new("大阪", "Osaka"), Japan),
        new(new("奥克兰", "Auckland"), NewZealand), new(new("惠灵顿", "Wellington"), NewZealand),
        new(new("巴黎", "Paris"), new("法国", "France")), new(new("斯德哥尔摩", "Stockholm"), new("瑞典", "Sweden")),
        new(new("哥本哈根", "Copenhagen"), new("丹麦", "Denmark")), new(new("阿姆斯特丹", "Amsterdam"), new("荷兰", "Netherlands")),
        new(new("维也纳", "Vienna"), new("奥地利", "Austria")), new(new("新加坡", "Singapore"), new("新加坡", "Singapore")),
        new(new("首尔", "Seoul"), new("韩国", "South Korea")), new(new("开普敦", "Cape Town"), new("南非", "South Africa")),
    ];

    /// <summary>Tags, aligned by position between the languages as editors enter them.</summary>
    public static readonly Place[] Tags =
    [
        new("友好学校", "Sister schools"), new("校长论坛", "Principals' forum"), new("人工智能", "Artificial intelligence"),
        new("教师交流", "Teacher exchange"), new("课程建设", "Curriculum"), new("学生交流", "Student exchange"),
        new("数字素养", "Digital literacy"), new("领导力", "Leadership"), new("可持续发展", "Sustainability"),
        new("心理健康", "Wellbeing"), new("职业教育", "Vocational education"), new("艺术教育", "Arts education"),
        new("体育", "Sport"), new("阅读", "Reading"), new("科学教育", "Science education"), new("国际理解", "Global citizenship"),
    ];

    public static readonly string[] ChineseNouns =
    [
        "教育", "学校", "校长", "教师", "学生", "课程", "文化", "交流", "合作", "论坛", "会议", "代表团", "项目", "友好学校",
        "经验", "理念", "质量", "改革", "创新", "科技", "人工智能", "数字化", "素养", "能力", "评价", "管理", "领导力", "家长",
        "社区", "未来", "发展", "研究", "实践", "活动", "主题", "报告", "演讲", "嘉宾", "专家", "学者", "教育局", "教育厅",
        "中小学", "高中", "初中", "小学", "幼儿园", "大学", "师生", "体育", "艺术", "音乐", "阅读", "写作", "数学", "科学",
        "语言", "英语", "汉语", "历史", "地理", "环境", "可持续发展", "心理健康", "教学", "课堂", "教材", "资源", "平台",
        "网络", "信息技术", "工作坊", "访问", "考察", "协议", "伙伴关系", "友谊", "桥梁", "窗口", "机会", "挑战", "成果",
        "案例", "模式", "体系", "标准", "政策", "规划", "目标", "责任", "价值观", "传统", "世界", "全球", "地区", "城市",
        "国家", "政府", "机构", "组织", "基金会", "志愿者", "青少年", "儿童", "家庭", "校园", "图书馆", "实验室", "博物馆",
        "展览", "比赛", "夏令营", "交换生", "留学", "奖学金", "职业教育", "教育公平", "终身学习", "跨文化", "国际视野",
        "团队", "方案", "机制", "内容", "方法", "理解", "沟通", "思维", "创造力", "好奇心", "兴趣", "习惯", "成长",
    ];

    public static readonly string[] ChineseVerbs =
    [
        "举办", "举行", "参加", "出席", "介绍", "分享", "讨论", "交流", "推动", "促进", "加强", "提升", "培养", "建立",
        "签署", "访问", "考察", "学习", "探索", "开展", "组织", "支持", "参与", "发布", "总结", "展示", "研讨", "回顾",
        "规划", "实施", "完善", "深化", "拓展", "欢迎", "感谢", "分析", "借鉴", "关注", "聚焦", "围绕",
    ];

    public static readonly string[] ChineseAdjectives =
    [
        "重要", "积极", "深入", "广泛", "丰富", "优秀", "友好", "国际化", "高质量", "长期", "稳定", "共同", "全面", "密切",
        "热烈", "多元", "开放", "务实", "有效", "具体", "新的", "良好", "显著", "独特",
    ];

    public static readonly string[] ChineseAdverbs = ["进一步", "充分", "积极", "共同", "不断", "认真", "持续", "深入"];

    public static readonly string[] ChineseTimes =
    [
        "近年来", "今年", "去年", "本届会议期间", "此次活动中", "会上", "会后", "目前", "此前", "下午", "上午", "随后",
    ];

    public static readonly string[] ChinesePeople =
    [
        "与会代表", "各国校长", "中外教师", "同学们", "来宾", "主办方", "学校负责人", "教育局局长", "项目主任", "外方代表",
        "专家学者", "青年教师",
    ];

    public static readonly string[] ChineseSpeechVerbs = ["表示", "认为", "指出", "强调", "介绍说", "谈到"];

    /// <summary>Names left in English inside Chinese text, as the site's own articles do.</summary>
    public static readonly string[] EnglishNamesInChinese =
    [
        "STEM", "PISA", "AI", "Diamond Minds", "IB", "JESIE", "OECD", "UNESCO", "Erasmus", "Global Classroom",
    ];

    public static readonly string[] EnglishNouns =
    [
        "school", "principal", "teacher", "student", "curriculum", "culture", "exchange", "partnership", "forum", "session",
        "delegation", "programme", "project", "education", "leadership", "literacy", "innovation", "technology", "research",
        "practice", "assessment", "quality", "reform", "community", "classroom", "textbook", "library", "laboratory",
        "workshop", "visit", "agreement", "cooperation", "friendship", "bridge", "opportunity", "challenge", "outcome",
        "experience", "model", "system", "standard", "policy", "plan", "goal", "value", "tradition", "region", "province",
        "government", "bureau", "department", "foundation", "volunteer", "campus", "museum", "exhibition", "competition",
        "camp", "scholarship", "mathematics", "science", "language", "history", "geography", "environment",
        "sustainability", "wellbeing", "music", "sport", "reading", "writing", "teaching", "learning", "lesson", "skill",
        "competency", "pathway", "keynote", "speaker", "audience", "delegate", "report", "theme", "future", "development",
        "network", "platform", "resource", "creativity", "collaboration", "diversity", "inclusion", "mentoring", "training",
        "evaluation", "achievement", "understanding", "communication", "curiosity", "growth", "family", "parent",
    ];

    public static readonly string[] EnglishPluralNouns =
    [
        "schools", "principals", "teachers", "students", "curricula", "cultures", "exchanges", "partnerships", "sessions",
        "delegations", "programmes", "projects", "leaders", "practices", "assessments", "reforms", "communities",
        "classrooms", "textbooks", "workshops", "visits", "agreements", "opportunities", "challenges", "outcomes",
        "experiences", "models", "systems", "standards", "policies", "plans", "goals", "values", "traditions", "regions",
        "volunteers", "museums", "competitions", "scholarships", "languages", "lessons", "skills", "competencies",
        "pathways", "speakers", "delegates", "reports", "themes", "networks", "platforms", "resources", "families", "parents",
    ];

    public static readonly string[] EnglishPastVerbs =
    [
        "held", "hosted", "attended", "presented", "shared", "discussed", "signed", "visited", "explored", "launched",
        "organised", "supported", "joined", "published", "reviewed", "introduced", "welcomed", "described", "highlighted",
        "agreed", "established", "strengthened", "promoted", "developed", "improved", "expanded", "celebrated", "recorded",
        "compared", "reported", "learned", "taught", "studied", "planned",
    ];

    public static readonly string[] EnglishGerunds =
    [
        "sharing", "teaching", "learning", "building", "developing", "exploring", "improving", "connecting", "leading",
        "planning", "supporting", "cultivating", "assessing", "designing", "mentoring", "reading",
    ];

    public static readonly string[] EnglishAdjectives =
    [
        "international", "educational", "digital", "sustainable", "innovative", "practical", "cultural", "bilingual",
        "regional", "annual", "collaborative", "inclusive", "creative", "global", "local", "long-term", "new", "strong",
        "successful", "lasting", "key", "modern", "primary", "secondary", "vocational", "rural", "urban", "academic",
        "open", "friendly", "professional", "shared",
    ];

    public static readonly string[] EnglishTimes =
    [
        "Last year", "During the forum", "At the session", "After the visit", "This spring", "In the afternoon",
        "Over three days", "Before the closing ceremony", "Earlier this month", "At the opening ceremony",
    ];

    public static readonly string[] EnglishSubjects =
    [
        "the delegation", "teachers and students", "the organisers", "school leaders", "participants", "the speakers",
        "principals", "the partner schools", "the visiting teachers", "young teachers", "the host school",
    ];

    public static readonly string[] Ordinals =
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
        "twentieth",
    ];

    public static readonly string[] ChineseOrdinals =
    [
        "第一届", "第二届", "第三届", "第四届", "第五届", "第六届", "第七届", "第八届", "第九届", "第十届", "第十一届",
        "第十二届", "第十三届", "第十四届", "第十五届", "第十六届", "第十七届", "第十八届", "第十九届", "第二十届",
    ];

    public static readonly string[] SchoolKindsChinese = ["实验小学", "外国语学校", "高级中学", "第一中学", "实验初中", "职业学校"];

    public static readonly string[] SchoolKindsEnglish =
    [
        "Experimental Primary School", "Foreign Languages School", "Senior High School", "No. 1 Middle School",
        "Experimental Junior High School", "Vocational School",
    ];

    public static readonly string[] AbroadSchoolKinds =
    [
        "Grammar School", "High School", "Academy", "Primary School", "College", "International School", "Lyceum",
    ];
}
