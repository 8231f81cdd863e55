using System.Text.RegularExpressions;
using QuotaDashboard.Data;

namespace QuotaDashboard.Features.Releases;

/// <summary>
/// A word or phrase that names a figure. A number takes the figure the phrase gives for its kind:
/// a count, or a percentage (the local staff phrase names both the people and their share).
/// </summary>
internal sealed record Term(string? CountFigure, string? PercentFigure, string? Key, Regex Pattern)
{
    public bool IsTotal => CountFigure == ReleaseFigures.Total;

    public bool IsQuota => CountFigure == ReleaseFigures.QuotaUnits || PercentFigure == ReleaseFigures.QuotaSharePct;

    public string? FigureFor(bool percent) => percent ? PercentFigure : CountFigure;
}

/// <summary>The figure names of releases.csv, plus the quota figures the reader adds (keyed by year).</summary>
public static class ReleaseFigures
{
    public static readonly string Total = FigureNames.Name(FigureKind.Total);
    public static readonly string Category = FigureNames.Name(FigureKind.Category);
    public static readonly string Sector = FigureNames.Name(FigureKind.Sector);
    public static readonly string Country = FigureNames.Name(FigureKind.Country);
    public static readonly string Employers = FigureNames.Name(FigureKind.Employers);
    public static readonly string LocalEmployeesMoreThan = FigureNames.Name(FigureKind.LocalEmployeesMoreThan);
    public static readonly string LocalSharePct = FigureNames.Name(FigureKind.LocalSharePct);
    public const string QuotaUnits = "quota_units";
    public const string QuotaSharePct = "quota_share_pct";
}

/// <summary>Everything the reader knows of one language: the names of figures and the words around numbers.</summary>
internal sealed record Vocabulary(
    string Language,
    IReadOnlyList<Term> Terms,
    IReadOnlyList<Regex> OrdinalCategories,
    IReadOnlyList<(string Stem, string Key)> Ordinals,
    Regex Thousand,
    Regex Million,
    Regex MoreThanBefore,
    Regex MoreThanAfter,
    Regex ApproximateBefore,
    Regex ApproximateAfter,
    Regex Respectively,
    Regex ThisYear,
    IReadOnlyList<Regex> Dates,
    IReadOnlyList<(string Stem, int Month)> Months,
    Regex AsOfBefore,
    Regex AsOfAfter);

/// <summary>
/// The word lists of the release reader in Russian, Kazakh and English. Russian and Kazakh names are
/// stems followed by any ending, because both languages decline them ("Китай", "Китая", "Қытайдан").
/// </summary>
internal static class ReleaseVocabulary
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Space = @"[\s\u00A0]";

    private static Regex R(string pattern, RegexOptions options = Options) => new(pattern, options);

    private static readonly Regex Never = new("(?!)");

    private sealed record Wording(string Key, string Russian, string Kazakh, string English);

    /// <summary>Countries of origin (ISO 3166-1 alpha-2). Kazakhstan is the host, never a country of origin.</summary>
    private static readonly Wording[] Countries =
    [
        new("CN", @"\bКита[йяюе]\b|\bКитайск\w+\s+Народн\w+\s+Республик\w*|\bКНР\b|\bкитайск\w*", @"\bҚытай\w*", @"\b(?:China|Chinese|PRC)\b"),
        new("UZ", @"\bУзбекистан\w*|\bузбекск\w*", @"\bӨзбекстан\w*|\bөзбек\w*", @"\bUzbek(?:istan)?\b"),
        new("TR", @"\bТурци(?:я|и|ю|ей)\b|\bТуркийе\b|\bтурецк\w*", @"\bТүркия\w*|\bТүркие\w*", @"\b(?:Türkiye|Turkiye|Turkey|Turkish)\b"),
        new("IN", @"\bИнди(?:я|и|ю|ей)\b|\bиндийск\w*", @"\bҮндістан\w*|\bүнді\b", @"\bIndia(?:n)?\b"),
        new("RU", @"\bРосси(?:я|и|ю|ей)\b|\bРоссийск\w+\s+Федераци\w*|\bРФ\b", @"\bРесей\w*", @"\bRussia(?:n)?\b"),
        new("KG", @"\bКыргызстан\w*|\bКиргизи\w*", @"\bҚырғызстан\w*", @"\bKyrgyz(?:stan)?\b"),
        new("TJ", @"\bТаджикистан\w*", @"\bТәжікстан\w*", @"\bTajik(?:istan)?\b"),
        new("TM", @"\bТуркменистан\w*", @"\bТүрікменстан\w*", @"\bTurkmen(?:istan)?\b"),
        new("GB", @"\bВеликобритани\w*|\bСоединенн\w+\s+Королевств\w*", @"\bҰлыбритания\w*", @"\b(?:United\s+Kingdom|Great\s+Britain|Britain|British|UK)\b"),
        new("RS", @"\bСерби(?:я|и|ю|ей)\b", @"\bСербия\w*", @"\bSerbia(?:n)?\b"),
        new("PK", @"\bПакистан\w*", @"\bПәкістан\w*", @"\bPakistan\w*"),
        new("AZ", @"\bАзербайджан\w*", @"\bӘзірбайжан\w*|\bӘзербайжан\w*", @"\bAzerbaijan\w*"),
        new("BY", @"\bБеларус\w*|\bБелорусси\w*", @"\bБеларусь\w*", @"\bBelarus\w*"),
        new("UA", @"\bУкраин\w*", @"\bУкраина\w*", @"\bUkrain\w*"),
        new("DE", @"\bГермани(?:я|и|ю|ей)\b", @"\bГермания\w*", @"\b(?:Germany|German)\b"),
        new("KR", @"\b(?:Южн\w+\s+)?Коре(?:я|и|ю|ей)\b|\bРеспублик\w+\s+Корея\b", @"\b(?:Оңтүстік\s+)?Корея\w*", @"\b(?:South\s+)?Korea(?:n)?\b"),
        new("JP", @"\bЯпони(?:я|и|ю|ей)\b", @"\bЖапония\w*", @"\bJapan(?:ese)?\b"),
        new("US", @"\bСША\b|\bСоединенн\w+\s+Штат\w*", @"\bАҚШ\w*|\bАмерика\s+Құрама\s+Штаттар\w*", @"\b(?:United\s+States|USA)\b"),
        new("IT", @"\bИтали(?:я|и|ю|ей)\b", @"\bИталия\w*", @"\bItal(?:y|ian)\b"),
        new("FR", @"\bФранци(?:я|и|ю|ей)\b", @"\bФранция\w*", @"\b(?:France|French)\b"),
        new("ES", @"\bИспани(?:я|и|ю|ей)\b", @"\bИспания\w*", @"\b(?:Spain|Spanish)\b"),
        new("VN", @"\bВьетнам\w*", @"\bВьетнам\w*", @"\bViet\s?nam(?:ese)?\b"),
        new("PH", @"\bФилиппин\w*", @"\bФилиппин\w*", @"\bPhilippine\w*|\bFilipino\w*"),
        new("NP", @"\bНепал\w*", @"\bНепал\w*", @"\bNepal\w*"),
        new("BD", @"\bБангладеш\w*", @"\bБангладеш\w*", @"\bBangladesh\w*"),
        new("MN", @"\bМонголи\w*", @"\bМоңғолия\w*", @"\bMongolia\w*"),
        new("IR", @"\bИран\w*", @"\bИран\w*", @"\bIran\w*"),
        new("AF", @"\bАфганистан\w*", @"\bАуғанстан\w*", @"\bAfghanistan\w*"),
        new("EG", @"\bЕгипт\w*", @"\bМысыр\w*|\bЕгипет\w*", @"\bEgypt\w*"),
        new("AM", @"\bАрмени(?:я|и|ю|ей)\b", @"\bАрмения\w*", @"\bArmenia\w*"),
        new("GE", @"\bГрузи(?:я|и|ю|ей)\b", @"\bГрузия\w*", @"\bGeorgia\b"),
        new(QuotaDashboard.Features.Names.OtherKey, @"\b(?:други|прочи)\w*\s+стран\w*", @"\bбасқа\s+елдер\w*", @"\bother\s+countries\b"),
    ];

    /// <summary>The 21 OKED sections, named as releases word them.</summary>
    private static readonly Wording[] Sectors =
    [
        new("A", @"\bсельск\w*(?:,?\s+(?:и\s+)?(?:лесн|рыбн)\w*)*\s+хозяйств\w*|\bсельскохозяйствен\w*|\bаграрн\w+\s+сектор\w*",
            @"\bауыл(?:,?\s+(?:және\s+)?(?:орман|балық)(?:\s+және)?)*\s+шаруашылығ\w*|\bагроөнеркәсіп\w*",
            @"\bagricultur\w*(?:,?\s+(?:and\s+)?(?:forestry|fishing|fisheries))*|\bfarming\b"),
        new("B", @"\bгорнодобывающ\w*(?:\s+промышленност\w*)?(?:\s+и\s+разработк\w*\s+карьер\w*)?|\bдобыч\w*\s+полезн\w*\s+ископаем\w*",
            @"\bтау-кен\w*(?:\s+өндіру\w*)?(?:\s+өнеркәсіб\w*)?(?:\s+және\s+карьерлер\w*\s+қазу\w*)?",
            @"\bmining(?:\s+and\s+quarrying)?\b"),
        new("C", @"\bобрабатывающ\w*\s+(?:промышленност|производств)\w*", @"\bөңдеу\w*\s+өнеркәсіб\w*", @"\bmanufacturing\b"),
        new("D", @"\bэлектроснабжени\w*|\bэнергетик\w*", @"\bэлектр\w*\s+жабдықта\w*|\bэнергетика\w*", @"\belectricity(?:,\s+gas)?\b|\benergy\s+sector\b"),
        new("E", @"\bводоснабжени\w*|\bводоотведени\w*", @"\bсумен\s+жабдықта\w*", @"\bwater\s+supply\b"),
        new("F", @"\bстроительств\w*|\bстроительн\w+\s+(?:отрасл|сфер|сектор)\w*", @"\bқұрылыс\w*", @"\bconstruction\b"),
        new("G", @"(?:\bоптов\w*\s+и\s+)?\bрозничн\w*\s+торговл\w*|\bоптов\w*\s+торговл\w*|\bторговл\w*", @"\bсауда\w*", @"\b(?:wholesale\s+and\s+)?retail\s+trade\b|\bwholesale\s+trade\b"),
        new("H", @"\bтранспорт\w*(?:\s+и\s+складировани\w*)?", @"\bкөлік\w*(?:\s+және\s+қойма\w*)?", @"\btransport(?:ation)?(?:\s+and\s+storage)?\b"),
        new("I", @"\bуслуг\w*\s+по\s+проживанию\s+и\s+питанию|\bгостинич\w*", @"\bтұру\s+және\s+тамақтану\w*", @"\baccommodation(?:\s+and\s+food\s+services?(?:\s+activities)?)?\b"),
        new("J", @"\bинформаци\w*\s+и\s+связ\w*", @"\bақпарат\w*\s+және\s+байланыс\w*", @"\binformation\s+and\s+communications?\b"),
        new("K", @"\bфинансов\w*\s+и\s+страхов\w*", @"\bқаржы\w*\s+және\s+сақтандыру\w*", @"\bfinanc\w*\s+and\s+insurance\b"),
        new("L", @"\bопераци\w*\s+с\s+недвижим\w*(?:\s+имуществ\w*)?|\bнедвижим\w*\s+имуществ\w*", @"\bжылжымайтын\s+мүлік\w*", @"\breal\s+estate\b"),
        new("M", @"\bпрофессиональн\w*,?\s+научн\w*\s+и\s+техническ\w*(?:\s+деятельност\w*)?", @"\bкәсіби,?\s+ғылыми\s+және\s+техникалық\w*", @"\bprofessional,?\s+scientific\s+and\s+technical\b"),
        new("N", @"\bадминистративн\w*\s+и\s+вспомогательн\w*(?:\s+обслуживани\w*)?", @"\bәкімшілік\s+және\s+қосалқы\w*", @"\badministrative\s+and\s+support\b"),
        new("O", @"\bгосударственн\w*\s+управлени\w*", @"\bмемлекеттік\s+басқару\w*", @"\bpublic\s+administration\b"),
        new("P", @"\bобразовани\w*", @"\bбілім\s+беру\w*", @"\beducation\b"),
        new("Q", @"\bздравоохранени\w*", @"\bденсаулық\s+сақтау\w*", @"\bhealth(?:\s*care)?(?:\s+and\s+social\s+work)?\b"),
        new("R", @"\bискусств\w*,?\s+развлечени\w*", @"\bөнер,?\s+ойын-сауық\w*", @"\barts,?\s+entertainment\b"),
        new("S", @"\bпрочих\s+видов\s+услуг\w*", @"\bқызметтердің\s+басқа\s+түрлер\w*", @"\bother\s+service\s+activities\b"),
        new("T", @"\bдомашн\w*\s+хозяйств\w*", @"\bүй\s+шаруашылық\w*", @"\bhouseholds\s+as\s+employers\b"),
        new("U", @"\bэкстерриториальн\w*", @"\bэкстерриториялық\w*", @"\bextraterritorial\b"),
    ];

    public static Vocabulary For(string language) => language switch
    {
        "ru" => Russian,
        "kk" => Kazakh,
        _ => English,
    };

    /// <summary>A percentage sign or word right after a number (and its scale word).</summary>
    public static readonly Regex Percent = R(@"\G[\s\u00A0]*(?:%|процент\w*|пайыз\w*|percent\b|per\s+cent\b|pct\b)");

    /// <summary>What joins two numbers that share one scale or percentage word: "с 14,8 до 16,5 тысячи", "0.2 and 0.25%".</summary>
    public static readonly Regex Joiner = R(@"^[\s\u00A0]*(?:-?[дтн][еа]н|до|и|или|to|and|or|[–—-]|және|мен|немесе)[\s\u00A0]*$");

    /// <summary>What joins the numbers of a list that "respectively" pairs with names: "3 784 и 1 271", "537, 2,244 and 3,784".</summary>
    public static readonly Regex ListJoiner = R(@"^[\s\u00A0]*(?:,[\s\u00A0]*(?:(?:и|and|және)[\s\u00A0]+)?|(?:и|and|және|мен)[\s\u00A0]+)$");

    /// <summary>A document number ("приказ № 397", "order No. 397") is an identifier, not a figure.</summary>
    public static readonly Regex DocumentNumber = R(@"(?:№|\bNo\.?|\bN)[\s\u00A0]*\d+", RegexOptions.CultureInvariant);

    public static readonly Regex IsoDate = R(@"(?<![\p{L}\p{N}])(?<y>\d{4})-(?<mn>\d{2})-(?<d>\d{2})(?![\p{L}\p{N}])");

    public static readonly Regex DottedDate = R(@"(?<![\p{L}\p{N}])(?<d>\d{1,2})\.(?<mn>\d{1,2})\.(?<y>\d{4})(?![\p{L}\p{N}])");

    /// <summary>A four-digit year in a year's words: "2025 года", "2025 жылы", "in 2025", "the 2025 quota".</summary>
    public static readonly Regex YearFollowed = R(
        @"(?<![\p{L}\p{N}])(?<y>(?:19|20)\d{2})(?=[\s\u00A0]*(?:год\w*|г\.|гг\.|жыл\w*|ж\.|year\b|quota|квот\w*))");

    public static readonly Regex YearPreceded = R(
        @"(?<=\b(?:в|во|in|since|during|until)[\s\u00A0]+)(?<y>(?:19|20)\d{2})(?![\p{L}\p{N}]|[.,]\d|[ \u00A0\u202F]\d{3}(?!\d)|[\s\u00A0]*(?:%|тыс|млн|мың|thousand|million|процент|пайыз|percent))");

    private const string RussianMonths = @"(?:январ|феврал|март|апрел|ма[йяею]|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*";
    private const string KazakhMonths = @"(?:қаңтар|ақпан|наурыз|сәуір|мамыр|маусым(?!дық)|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан)\w*";
    private const string EnglishMonths = @"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)";

    private static readonly Vocabulary Russian = new(
        "ru",
        [
            .. Count(ReleaseFigures.Total, null,
                @"трудов\w*\s+деятельност\w*\s+осуществля\w*",
                @"осуществля\w*\s+трудов\w*\s+деятельност\w*",
                @"\bвсего\b",
                @"\bв\s+общей\s+сложности\b",
                @"общ\w+\s+(?:числ|количеств|численност)\w*\s+иностран\w*",
                @"по\s+разрешени\w*\s+местн\w*\s+исполнительн\w*\s+орган\w*"),
            .. Count(ReleaseFigures.Category, "cat1", @"руководител\w*\s+и\s+их\s+заместител\w*", @"\bперв\w+\s+руководител\w*"),
            .. Count(ReleaseFigures.Category, "cat2", @"руководител\w*\s+структурн\w*\s+подразделени\w*"),
            .. Count(ReleaseFigures.Category, "cat3", @"(?<!иностранн\w{0,4}\s)\bспециалист\w*"),
            .. Count(ReleaseFigures.Category, "cat4", @"квалифицированн\w*\s+рабоч\w*"),
            .. Count(ReleaseFigures.Category, "seasonal", @"\bсезонн\w*"),
            .. Count(ReleaseFigures.Category, "ict", @"(?:\bвнутри)?корпоративн\w*\s+перевод\w*"),
            .. Count(ReleaseFigures.Employers, null, @"\bработодател\w*"),
            Local(@"граждан\w*\s+(?:Республики\s+)?Казахстан\w*|граждан\w*\s+РК\b|\bказахстанц\w*|\b(?:местн|отечественн)\w*\s+(?:кадр|работник|жител|граждан|специалист)\w*"),
            Share(ReleaseFigures.LocalSharePct, @"от\s+общей\s+численности\s+работник\w*"),
            Quota(@"\bквот\w*"),
            .. Count(ReleaseFigures.QuotaUnits, null, @"\bединиц\w*"),
            Share(ReleaseFigures.QuotaSharePct, @"(?<!иностранн\w{0,4}\s)\bрабоч\w+\s+сил\w*"),
            .. Places(c => c.Russian, s => s.Russian),
        ],
        [
            R(@"(?<o>перв|втор|трет|четв[её]рт)\w*(?:\s*(?:,|\bи\b|\bили\b)\s*(?<o>перв|втор|трет|четв[её]рт)\w*)*[\s-]+категори\w*"),
            R(@"категори\w*\s+(?<d>[1-4])(?:\s*(?:,|\bи\b)\s*(?<d>[1-4]))*(?!\p{N})"),
            R(@"(?<![\p{L}\p{N}])(?<d>[1-4])\s*-\s*(?:я|й|ой|ей|ая|ю)\s+категори\w*"),
        ],
        [("перв", "cat1"), ("втор", "cat2"), ("трет", "cat3"), ("четв", "cat4")],
        R(@"\G[\s\u00A0]*тыс(?:яч\w*|\.|\b)"),
        R(@"\G[\s\u00A0]*(?:млн\b\.?|миллион\w*)"),
        R(@"(?:\bболее|\bсвыше|\bбольше)(?:\s+чем)?[\s\u00A0]+$"),
        Never,
        R(@"(?:\bоколо|\bпорядка|\bпочти|\bпримерно|\bприблизительно|\bменее|\bменьше)(?:[\s\u00A0]+(?:на|в|до|с))?[\s\u00A0]+$"),
        Never,
        R(@"\bсоответственно\b"),
        R(@"\b(?:текущ|эт|нынешн)\w*\s+год\w*"),
        [
            R($@"(?<![\p{{L}}\p{{N}}])(?<d>\d{{1,2}}){Space}+(?<m>{RussianMonths})(?:{Space}+(?<y>\d{{4}})(?:{Space}*(?:год\w*|г\.))?)?(?![\p{{N}}])"),
            R($@"(?<![\p{{L}}])(?<m>{RussianMonths}){Space}+(?<y>\d{{4}})(?:{Space}*(?:год\w*|г\.))?(?![\p{{N}}])"),
        ],
        [("янв", 1), ("фев", 2), ("мар", 3), ("апр", 4), ("ма", 5), ("июн", 6), ("июл", 7), ("авг", 8), ("сен", 9), ("окт", 10), ("ноя", 11), ("дек", 12)],
        R(@"(?:по\s+состоянию\s+на|^\s*на)[\s\u00A0]+$"),
        Never);

    private static readonly Vocabulary Kazakh = new(
        "kk",
        [
            .. Count(ReleaseFigures.Total, null,
                @"еңбек\s+қызмет\w*\s+жүзеге\s+асыр\w*",
                @"жергілікті\s+атқарушы\s+орган\w*\s+(?:берген\s+)?рұқсат\w*",
                @"\bбарлығы\b",
                @"\bжалпы\s+саны\b"),
            .. Count(ReleaseFigures.Category, "cat1", @"басшылар\w*\s+және\s+олардың\s+орынбасар\w*", @"\bбірінші\s+басшы\w*"),
            .. Count(ReleaseFigures.Category, "cat2", @"құрылымдық\s+бөлімше\w*\s+басшы\w*"),
            .. Count(ReleaseFigures.Category, "cat3", @"(?<!шетелдік\s)\bмаман\w*"),
            .. Count(ReleaseFigures.Category, "cat4", @"білікті\s+жұмысшы\w*"),
            .. Count(ReleaseFigures.Category, "seasonal", @"\bмаусымдық\w*"),
            .. Count(ReleaseFigures.Category, "ict", @"\b(?:корпоративішілік|корпоративтік|компанияішілік)\s+ауыстыр\w*"),
            .. Count(ReleaseFigures.Employers, null, @"жұмыс\s+беруш\w*"),
            Local(@"Қазақстан\s+азамат\w*|\bқазақстандық\w*|\bел\s+азамат\w*|\b(?:жергілікті|отандық)\s+(?:кадр|қызметкер|маман|азамат|жұмыскер)\w*"),
            Quota(@"\bквота\w*"),
            .. Count(ReleaseFigures.QuotaUnits, null, @"\bбірлік\w*"),
            Share(ReleaseFigures.QuotaSharePct, @"(?<!шетелдік\s)\bжұмыс\s+күш\w*"),
            .. Places(c => c.Kazakh, s => s.Kazakh),
        ],
        [
            R(@"(?<o>бірінші|екінші|үшінші|төртінші)(?:\s*(?:,|\bжәне\b|\bмен\b|\bнемесе\b)\s*(?<o>бірінші|екінші|үшінші|төртінші))*\s+санат\w*"),
            R(@"(?<![\p{L}\p{N}])(?<d>[1-4])\s*-\s*санат\w*"),
        ],
        [("бірінші", "cat1"), ("екінші", "cat2"), ("үшінші", "cat3"), ("төртінші", "cat4")],
        R(@"\G[\s\u00A0]*мың\w*"),
        R(@"\G[\s\u00A0]*(?:млн\b\.?|миллион\w*)"),
        Never,
        R(@"\G(?:[\s\u00A0]*(?:мың|млн|миллион)\w*)?(?:-?\w+)?[\s\u00A0]+(?:астам|артық)\b"),
        R(@"\bшамамен[\s\u00A0]+$"),
        R(@"\G(?:[\s\u00A0]*(?:мың|млн|миллион)\w*)?(?:-?\w+)?[\s\u00A0]+(?:жуық|таяу|кем)\b"),
        R(@"\b(?:тиісінше|сәйкесінше)\b"),
        R(@"\b(?:биыл\w*|ағымдағы\s+жыл\w*|осы\s+жыл\w*)"),
        [
            R($@"(?<![\p{{L}}\p{{N}}])(?<y>\d{{4}}){Space}*(?:жыл\w*|ж\.){Space}+(?:(?<d>\d{{1,2}}){Space}+)?(?<m>{KazakhMonths})"),
            R($@"(?<![\p{{L}}\p{{N}}])(?<d>\d{{1,2}}){Space}+(?<m>{KazakhMonths})(?:{Space}+(?<y>\d{{4}})(?:{Space}*(?:жыл\w*|ж\.))?)?(?![\p{{N}}])"),
            R($@"(?<![\p{{L}}])(?<m>{KazakhMonths}){Space}+(?<y>\d{{4}})(?:{Space}*(?:жыл\w*|ж\.))?(?![\p{{N}}])"),
        ],
        [("қаң", 1), ("ақп", 2), ("нау", 3), ("сәу", 4), ("мам", 5), ("мау", 6), ("шіл", 7), ("там", 8), ("қыр", 9), ("қаз", 10), ("қар", 11), ("жел", 12)],
        Never,
        R(@"^\s*(?:(?:жағдай|мәлімет)\w*\s+бойынша|қарай)\b"));

    private static readonly Vocabulary English = new(
        "en",
        [
            .. Count(ReleaseFigures.Total, null,
                @"\bin\s+total\b",
                @"\ba\s+total\s+of\b",
                @"\btotal(?:l?ed)?\b",
                @"\b(?:work|works|working|worked|employed)\s+in\s+Kazakhstan\b",
                @"\bpermits?\s+(?:issued\s+)?by\s+local\s+executive\s+bodies",
                @"\bnumber\s+of\s+foreign\s+(?:workers|citizens|nationals|employees)"),
            .. Count(ReleaseFigures.Category, "cat1",
                @"\bheads\s+(?:of\s+organi[sz]ations\s+)?and\s+(?:their\s+)?deputies",
                @"\b(?:chief\s+)?executives\s+and\s+(?:their\s+)?deputies",
                @"\bmanagers\s+and\s+(?:their\s+)?deputies"),
            .. Count(ReleaseFigures.Category, "cat2", @"\bheads\s+of\s+(?:structural\s+)?(?:divisions|units|subdivisions|departments)"),
            .. Count(ReleaseFigures.Category, "cat3", @"(?<!foreign\s)\bspecialists?\b"),
            .. Count(ReleaseFigures.Category, "cat4", @"\b(?:skilled|qualified)\s+workers?\b"),
            .. Count(ReleaseFigures.Category, "seasonal", @"\bseasonal\b"),
            .. Count(ReleaseFigures.Category, "ict", @"\b(?:intra-?\s?)?corporate\s+transfers?\b|\bintra-?company\s+transfers?\b"),
            .. Count(ReleaseFigures.Employers, null, @"\bemployers?\b"),
            Local(@"\b(?:Kazakh|Kazakhstani)\s+(?:citizens|nationals|workers|employees|staff)\b|\bcitizens\s+of\s+Kazakhstan\b|\bKazakhstanis\b|\b(?:local|domestic)\s+(?:citizens|workers|employees|staff|personnel|residents)\b"),
            Quota(@"\bquotas?\b"),
            .. Count(ReleaseFigures.QuotaUnits, null, @"\bunits?\b"),
            Share(ReleaseFigures.QuotaSharePct, @"(?<!foreign\s)\blabou?r\s+force\b"),
            .. Places(c => c.English, s => s.English),
        ],
        [
            R(@"\b(?<o>first|second|third|fourth)(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?<o>first|second|third|fourth))*(?:\s*-\s*|\s+)categor\w*"),
            R(@"\bcategor(?:y|ies)\s+(?:(?<d>[1-4])|(?<o>one|two|three|four))(?:(?:\s*,\s*|\s+and\s+|\s+or\s+)(?:(?<d>[1-4])|(?<o>one|two|three|four)))*(?![\p{L}\p{N}])"),
            R(@"(?<![\p{L}\p{N}])(?<d>[1-4])(?:st|nd|rd|th)(?:\s*-\s*|\s+)categor\w*"),
        ],
        [("first", "cat1"), ("second", "cat2"), ("third", "cat3"), ("fourth", "cat4"), ("one", "cat1"), ("two", "cat2"), ("three", "cat3"), ("four", "cat4")],
        R(@"\G[\s\u00A0]*thousand\b"),
        R(@"\G[\s\u00A0]*(?:million\b|mln\b)"),
        R(@"(?:\bmore\s+than|\bover|\babove|\bin\s+excess\s+of)[\s\u00A0]+$"),
        Never,
        R(@"(?:\babout|\baround|\bnearly|\balmost|\bapproximately|\broughly|\bsome|\bless\s+than|\bfewer\s+than|\bunder|\bup\s+to)[\s\u00A0]+$"),
        Never,
        R(@"\brespectively\b"),
        R(@"\b(?:this|the\s+current)\s+year\b"),
        [
            R($@"(?<![\p{{L}}\p{{N}}])(?<d>\d{{1,2}})(?:st|nd|rd|th)?{Space}+(?<m>{EnglishMonths})\.?(?:,?{Space}+(?<y>\d{{4}}))?(?![\p{{N}}])", RegexOptions.CultureInvariant),
            R($@"\b(?<m>{EnglishMonths})\.?{Space}+(?<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?{Space}+(?<y>\d{{4}}))?(?![\p{{N}}]|[.,]\d)", RegexOptions.CultureInvariant),
            R($@"\b(?<m>{EnglishMonths})\.?,?{Space}+(?<y>\d{{4}})(?![\p{{N}}])", RegexOptions.CultureInvariant),
        ],
        [("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("may", 5), ("jun", 6), ("jul", 7), ("aug", 8), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12)],
        R(@"\bas\s+(?:of|at)[\s\u00A0]+$"),
        Never);

    private static IEnumerable<Term> Count(string figure, string? key, params string[] patterns) =>
        patterns.Select(p => new Term(figure, null, key, R(p)));

    private static Term Share(string figure, string pattern) => new(null, figure, null, R(pattern));

    private static Term Local(string pattern) => new(ReleaseFigures.LocalEmployeesMoreThan, ReleaseFigures.LocalSharePct, null, R(pattern));

    private static Term Quota(string pattern) => new(ReleaseFigures.QuotaUnits, ReleaseFigures.QuotaSharePct, null, R(pattern));

    private static IEnumerable<Term> Places(Func<Wording, string> country, Func<Wording, string> sector) =>
        Countries.Select(c => new Term(ReleaseFigures.Country, null, c.Key, R(country(c))))
            .Concat(Sectors.Select(s => new Term(ReleaseFigures.Sector, null, s.Key, R(sector(s)))));
}
