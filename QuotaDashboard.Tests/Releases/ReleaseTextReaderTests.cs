using QuotaDashboard.Features.Releases;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Releases;

public sealed class ReleaseTextReaderTests
{
    private readonly ReleaseTextReader _reader = new();

    public static string SeedText { get; } = File.ReadAllText(Path.Combine(RepositoryPaths.DataDirectory, "ministry-release-2025-12-01.ru.txt"));

    /// <summary>A figure as a test expects it: the number as printed, and the sentence it is read from.</summary>
    private sealed record Expected(string Figure, string? Key, decimal Value, string Printed, string Sentence);

    [Fact]
    public void The_seed_text_gives_exactly_the_figures_of_the_release_of_2025_12_01()
    {
        var proposal = _reader.Read(SeedText);
        var rows = SeedCsv.Release(SeedCsv.December2025);

        Assert.Equal("ru", proposal.Language);
        Assert.Equal(new StatedDate(new DateOnly(2025, 12, 1), "day"), proposal.AsOf);
        Assert.Equal(
            rows.Select(r => (r.Figure, r.Key, r.Value)).Order(),
            proposal.Figures.Where(f => !f.Figure.StartsWith("quota_", StringComparison.Ordinal)).Select(f => (f.Figure, f.Key ?? "", f.Value)).Order());
        Assert.Empty(proposal.Unplaced);
    }

    [Fact]
    public void The_seed_text_gives_the_four_quota_revisions_of_2025_and_both_shares_in_text_order()
    {
        var proposal = _reader.Read(SeedText);

        Assert.Equal(
            [("quota_share_pct", 0.2m), ("quota_units", 14_800m), ("quota_units", 16_500m), ("quota_share_pct", 0.25m), ("quota_units", 19_400m), ("quota_units", 16_700m)],
            proposal.Figures.Where(f => f.Figure.StartsWith("quota_", StringComparison.Ordinal)).Select(f => (f.Figure, f.Value)));
        Assert.All(proposal.Figures.Where(f => f.Figure.StartsWith("quota_", StringComparison.Ordinal)), f => Assert.Equal("2025", f.Key));
    }

    [Fact]
    public void Each_figure_of_the_seed_text_points_at_the_sentence_that_prints_its_number()
    {
        AssertReads(SeedText, "ru", new StatedDate(new DateOnly(2025, 12, 1), "day"),
        [
            new("total", null, 14_103, "14 103", "По состоянию на 1 декабря 2025 года по разрешениям местных исполнительных органов на территории Казахстана трудовую деятельность осуществляют 14 103 иностранных гражданина, передает BAQ.KZ со ссылкой на Минтруда."),
            new("category", "cat1", 537, "537", "Среди выданных разрешений на привлечение иностранной рабочей силы 537 приходятся на руководителей и их заместителей, что соответствует первой категории."),
            new("category", "cat2", 2_244, "2 244", "Еще 2 244 разрешения оформлены для руководителей структурных подразделений второй категории."),
            new("category", "cat3", 3_784, "3 784", "Основная часть привлеченных иностранных работников относится к третьей и четвертой категориям — специалистам и квалифицированным рабочим. Их численность составляет 3 784 и 1 271 человек соответственно."),
            new("category", "cat4", 1_271, "1 271", "Основная часть привлеченных иностранных работников относится к третьей и четвертой категориям — специалистам и квалифицированным рабочим. Их численность составляет 3 784 и 1 271 человек соответственно."),
            new("category", "seasonal", 2_299, "2 299", "Кроме того, на сезонные работы привлечены 2 299 иностранных граждан, а в рамках корпоративного перевода в стране работают 3 970 человек."),
            new("category", "ict", 3_970, "3 970", "Кроме того, на сезонные работы привлечены 2 299 иностранных граждан, а в рамках корпоративного перевода в стране работают 3 970 человек."),
            new("employers", null, 1_817, "1 817", "В настоящее время в Казахстане насчитывается 1 817 работодателей, использующих иностранную рабочую силу."),
            new("local_employees_more_than", null, 334_400, "334,4", "У них занято более 334,4 тысячи граждан Казахстана, что составляет 96 процентов от общей численности работников."),
            new("local_share_pct", null, 96, "96", "У них занято более 334,4 тысячи граждан Казахстана, что составляет 96 процентов от общей численности работников."),
            new("sector", "F", 4_993, "4 993", "Наибольшее количество иностранных работников задействовано в строительстве, где трудятся 4 993 человека."),
            new("sector", "A", 2_316, "2 316", "В сельском, лесном и рыбном хозяйстве работают 2 316 иностранных граждан."),
            new("sector", "B", 1_235, "1 235", "В горнодобывающей промышленности и разработке карьеров заняты 1 235 человек, в обрабатывающей промышленности — 1 155 человек."),
            new("sector", "C", 1_155, "1 155", "В горнодобывающей промышленности и разработке карьеров заняты 1 235 человек, в обрабатывающей промышленности — 1 155 человек."),
            new("country", "CN", 5_604, "5 604", "Основными странами исхода трудовых мигрантов остаются Китай, откуда прибыли 5 604 человека, Узбекистан — 2 110 человек, Турция — 1 036 человек и Индия — 943 человека."),
            new("country", "UZ", 2_110, "2 110", "Основными странами исхода трудовых мигрантов остаются Китай, откуда прибыли 5 604 человека, Узбекистан — 2 110 человек, Турция — 1 036 человек и Индия — 943 человека."),
            new("country", "TR", 1_036, "1 036", "Основными странами исхода трудовых мигрантов остаются Китай, откуда прибыли 5 604 человека, Узбекистан — 2 110 человек, Турция — 1 036 человек и Индия — 943 человека."),
            new("country", "IN", 943, "943", "Основными странами исхода трудовых мигрантов остаются Китай, откуда прибыли 5 604 человека, Узбекистан — 2 110 человек, Турция — 1 036 человек и Индия — 943 человека."),
            new("quota_share_pct", "2025", 0.2m, "0,2", "В 2025 году общая квота была определена на уровне 0,2 процента от численности рабочей силы в республике, или 14,8 тысячи единиц."),
            new("quota_units", "2025", 14_800, "14,8", "В 2025 году общая квота была определена на уровне 0,2 процента от численности рабочей силы в республике, или 14,8 тысячи единиц."),
            new("quota_units", "2025", 16_500, "16,5", "С марта текущего года, с учетом заявок местных исполнительных органов, приказом министра она была увеличена до 16,5 тысячи единиц."),
            new("quota_share_pct", "2025", 0.25m, "0,25", "С августа 2025 года, в связи с расширением перечня профессий для сезонных иностранных работников, общая квота была повышена до 0,25 процента от численности рабочей силы, что соответствует 19,4 тысячи единиц."),
            new("quota_units", "2025", 19_400, "19,4", "С августа 2025 года, в связи с расширением перечня профессий для сезонных иностранных работников, общая квота была повышена до 0,25 процента от численности рабочей силы, что соответствует 19,4 тысячи единиц."),
            new("quota_units", "2025", 16_700, "16,7", "Вместе с тем на сегодняшний день, с учетом потребностей регионов, объем квоты сокращен до 16,7 тысячи единиц."),
        ], []);
    }

    [Fact]
    public void A_russian_news_agency_text_gives_its_figures_and_leaves_the_age_and_an_estimate_unplaced()
    {
        const string text =
            "Астана. 5 ноября. КАЗИНФОРМ – По состоянию на 1 ноября 2025 года в Казахстане трудовую деятельность осуществляют 14,5 тыс. иностранных граждан. " +
            "Из них 2 780 человек привлечены на сезонные работы, 4 003 – в рамках внутрикорпоративного перевода. " +
            "Большинство работает в строительстве – 4 908 человек. " +
            "Больше всего мигрантов прибыло из Китая (5 405) и Узбекистана (2 455). " +
            "Средний возраст работников – 38 лет, а число заявок работодателей выросло примерно на 300. " +
            "Квота на 2025 год составляет 19,4 тыс. единиц, или 0,25% от рабочей силы.";

        AssertReads(text, "ru", new StatedDate(new DateOnly(2025, 11, 1), "day"),
        [
            new("total", null, 14_500, "14,5", "КАЗИНФОРМ – По состоянию на 1 ноября 2025 года в Казахстане трудовую деятельность осуществляют 14,5 тыс. иностранных граждан."),
            new("category", "seasonal", 2_780, "2 780", "Из них 2 780 человек привлечены на сезонные работы, 4 003 – в рамках внутрикорпоративного перевода."),
            new("category", "ict", 4_003, "4 003", "Из них 2 780 человек привлечены на сезонные работы, 4 003 – в рамках внутрикорпоративного перевода."),
            new("sector", "F", 4_908, "4 908", "Большинство работает в строительстве – 4 908 человек."),
            new("country", "CN", 5_405, "5 405", "Больше всего мигрантов прибыло из Китая (5 405) и Узбекистана (2 455)."),
            new("country", "UZ", 2_455, "2 455", "Больше всего мигрантов прибыло из Китая (5 405) и Узбекистана (2 455)."),
            new("quota_units", "2025", 19_400, "19,4", "Квота на 2025 год составляет 19,4 тыс. единиц, или 0,25% от рабочей силы."),
            new("quota_share_pct", "2025", 0.25m, "0,25", "Квота на 2025 год составляет 19,4 тыс. единиц, или 0,25% от рабочей силы."),
        ],
        [("38", 38m), ("300", 300m)]);
    }

    [Fact]
    public void A_russian_ministry_text_reads_ordinal_categories_respectively_more_than_and_a_quota_raised_from_one_figure_to_another()
    {
        const string text =
            "По состоянию на октябрь 2025 года по разрешениям местных исполнительных органов в республике трудовую деятельность осуществляют 14 621 иностранный гражданин. " +
            "По первой и второй категориям выдано 560 и 2 301 разрешение соответственно, по третьей категории (специалисты) – 3 802, по четвертой категории (квалифицированные рабочие) – 1 210. " +
            "Иностранную рабочую силу привлекают 1 896 работодателей, у которых занято свыше 339,1 тыс. граждан Казахстана (96%). " +
            "В обрабатывающей промышленности работают 1 085 иностранцев, в горнодобывающей промышленности – 1 187. " +
            "Средний срок действия разрешения – 12 месяцев. " +
            "Квота на 2025 год приказом Министра № 397 была увеличена с 14,8 до 16,5 тысячи единиц.";
        const string categories = "По первой и второй категориям выдано 560 и 2 301 разрешение соответственно, по третьей категории (специалисты) – 3 802, по четвертой категории (квалифицированные рабочие) – 1 210.";
        const string employers = "Иностранную рабочую силу привлекают 1 896 работодателей, у которых занято свыше 339,1 тыс. граждан Казахстана (96%).";
        const string sectors = "В обрабатывающей промышленности работают 1 085 иностранцев, в горнодобывающей промышленности – 1 187.";
        const string quota = "Квота на 2025 год приказом Министра № 397 была увеличена с 14,8 до 16,5 тысячи единиц.";

        AssertReads(text, "ru", new StatedDate(new DateOnly(2025, 10, 1), "month"),
        [
            new("total", null, 14_621, "14 621", "По состоянию на октябрь 2025 года по разрешениям местных исполнительных органов в республике трудовую деятельность осуществляют 14 621 иностранный гражданин."),
            new("category", "cat1", 560, "560", categories),
            new("category", "cat2", 2_301, "2 301", categories),
            new("category", "cat3", 3_802, "3 802", categories),
            new("category", "cat4", 1_210, "1 210", categories),
            new("employers", null, 1_896, "1 896", employers),
            new("local_employees_more_than", null, 339_100, "339,1", employers),
            new("local_share_pct", null, 96, "96", employers),
            new("sector", "C", 1_085, "1 085", sectors),
            new("sector", "B", 1_187, "1 187", sectors),
            new("quota_units", "2025", 14_800, "14,8", quota),
            new("quota_units", "2025", 16_500, "16,5", quota),
        ],
        [("12", 12m)]);
    }

    [Fact]
    public void A_kazakh_news_agency_text_gives_its_figures_with_the_quota_of_this_year()
    {
        const string text =
            "Астана. ҚазАқпарат – 2025 жылғы 1 желтоқсандағы жағдай бойынша Қазақстанда 14,1 мың шетел азаматы еңбек қызметін жүзеге асыруда. " +
            "Олардың 2 299-ы маусымдық жұмыстарға тартылған, 3 970-і корпоративішілік ауыстыру аясында жұмыс істейді. " +
            "Шетелдік жұмысшылардың басым бөлігі Қытайдан – 5 604 адам, Өзбекстаннан – 2 110 адам келген. " +
            "Орташа жалақы 450 мың теңге. " +
            "Биыл квота 16,7 мың бірлікке дейін қысқартылды.";

        AssertReads(text, "kk", new StatedDate(new DateOnly(2025, 12, 1), "day"),
        [
            new("total", null, 14_100, "14,1", "ҚазАқпарат – 2025 жылғы 1 желтоқсандағы жағдай бойынша Қазақстанда 14,1 мың шетел азаматы еңбек қызметін жүзеге асыруда."),
            new("category", "seasonal", 2_299, "2 299", "Олардың 2 299-ы маусымдық жұмыстарға тартылған, 3 970-і корпоративішілік ауыстыру аясында жұмыс істейді."),
            new("category", "ict", 3_970, "3 970", "Олардың 2 299-ы маусымдық жұмыстарға тартылған, 3 970-і корпоративішілік ауыстыру аясында жұмыс істейді."),
            new("country", "CN", 5_604, "5 604", "Шетелдік жұмысшылардың басым бөлігі Қытайдан – 5 604 адам, Өзбекстаннан – 2 110 адам келген."),
            new("country", "UZ", 2_110, "2 110", "Шетелдік жұмысшылардың басым бөлігі Қытайдан – 5 604 адам, Өзбекстаннан – 2 110 адам келген."),
            new("quota_units", "2025", 16_700, "16,7", "Биыл квота 16,7 мың бірлікке дейін қысқартылды."),
        ],
        [("450", 450_000m)]);
    }

    [Fact]
    public void A_kazakh_ministry_text_reads_ordinal_categories_respectively_more_than_and_the_august_quota()
    {
        const string text =
            "2025 жылғы 1 қарашадағы жағдай бойынша жергілікті атқарушы органдардың рұқсаттары бойынша республикада 14 463 шетелдік жұмыскер еңбек қызметін жүзеге асыруда. " +
            "Бірінші санат бойынша 544 рұқсат, екінші санат бойынша 2 245 рұқсат берілген. " +
            "Үшінші және төртінші санаттар бойынша тиісінше 3 774 және 1 118 рұқсат берілген. " +
            "Шетелдік жұмыс күшін 1 857 жұмыс беруші тартады, оларда 335,4 мыңнан астам Қазақстан азаматы жұмыс істейді, бұл жалпы қызметкерлер санының 96 пайызын құрайды. " +
            "Құрылыс саласында 4 908 шетел азаматы, ауыл, орман және балық шаруашылығында 2 808 адам жұмыс істейді. " +
            "2025 жылғы тамыздан бастап квота жұмыс күшінің 0,25 пайызына дейін, яғни 19,4 мың бірлікке дейін ұлғайтылды. " +
            "Өтініштердің шамамен 40-ы қайтарылды.";
        const string local = "Шетелдік жұмыс күшін 1 857 жұмыс беруші тартады, оларда 335,4 мыңнан астам Қазақстан азаматы жұмыс істейді, бұл жалпы қызметкерлер санының 96 пайызын құрайды.";
        const string sectors = "Құрылыс саласында 4 908 шетел азаматы, ауыл, орман және балық шаруашылығында 2 808 адам жұмыс істейді.";
        const string quota = "2025 жылғы тамыздан бастап квота жұмыс күшінің 0,25 пайызына дейін, яғни 19,4 мың бірлікке дейін ұлғайтылды.";

        AssertReads(text, "kk", new StatedDate(new DateOnly(2025, 11, 1), "day"),
        [
            new("total", null, 14_463, "14 463", "2025 жылғы 1 қарашадағы жағдай бойынша жергілікті атқарушы органдардың рұқсаттары бойынша республикада 14 463 шетелдік жұмыскер еңбек қызметін жүзеге асыруда."),
            new("category", "cat1", 544, "544", "Бірінші санат бойынша 544 рұқсат, екінші санат бойынша 2 245 рұқсат берілген."),
            new("category", "cat2", 2_245, "2 245", "Бірінші санат бойынша 544 рұқсат, екінші санат бойынша 2 245 рұқсат берілген."),
            new("category", "cat3", 3_774, "3 774", "Үшінші және төртінші санаттар бойынша тиісінше 3 774 және 1 118 рұқсат берілген."),
            new("category", "cat4", 1_118, "1 118", "Үшінші және төртінші санаттар бойынша тиісінше 3 774 және 1 118 рұқсат берілген."),
            new("employers", null, 1_857, "1 857", local),
            new("local_employees_more_than", null, 335_400, "335,4", local),
            new("local_share_pct", null, 96, "96", local),
            new("sector", "F", 4_908, "4 908", sectors),
            new("sector", "A", 2_808, "2 808", sectors),
            new("quota_share_pct", "2025", 0.25m, "0,25", quota),
            new("quota_units", "2025", 19_400, "19,4", quota),
        ],
        [("40", 40m)]);
    }

    [Fact]
    public void An_english_news_agency_text_reads_comma_thousands_and_a_cut_quota_of_the_as_of_year()
    {
        const string text =
            "ASTANA. As of December 1, 2025, 14,103 foreign citizens were working in Kazakhstan under permits issued by local executive bodies, the Labor Ministry said. " +
            "China accounted for 5,604 of them, Uzbekistan for 2,110, Türkiye for 1,036 and India for 943. " +
            "Construction employed 4,993 foreign workers. " +
            "The quota was cut to 16.7 thousand units, the ministry added, citing the needs of the regions. " +
            "Officials expect about 500 more applications.";
        const string countries = "China accounted for 5,604 of them, Uzbekistan for 2,110, Türkiye for 1,036 and India for 943.";

        AssertReads(text, "en", new StatedDate(new DateOnly(2025, 12, 1), "day"),
        [
            new("total", null, 14_103, "14,103", "As of December 1, 2025, 14,103 foreign citizens were working in Kazakhstan under permits issued by local executive bodies, the Labor Ministry said."),
            new("country", "CN", 5_604, "5,604", countries),
            new("country", "UZ", 2_110, "2,110", countries),
            new("country", "TR", 1_036, "1,036", countries),
            new("country", "IN", 943, "943", countries),
            new("sector", "F", 4_993, "4,993", "Construction employed 4,993 foreign workers."),
            new("quota_units", "2025", 16_700, "16.7", "The quota was cut to 16.7 thousand units, the ministry added, citing the needs of the regions."),
        ],
        [("500", 500m)]);
    }

    [Fact]
    public void An_english_ministry_text_reads_every_category_more_than_thousands_and_a_quota_raised_from_one_figure_to_another()
    {
        const string text =
            "As of November 2025, 14.5 thousand foreign nationals held work permits in total. " +
            "By category: first category (heads and their deputies) – 544; second category (heads of structural divisions) – 2,245; third category (specialists) – 3,774; " +
            "fourth category (skilled workers) – 1,118; seasonal workers – 2,780; intra-corporate transfer – 4,003. " +
            "Foreign labour is used by 1,857 employers, which employ more than 335.4 thousand Kazakh citizens, or 96% of their staff. " +
            "By sector, 2,808 work in agriculture, forestry and fishing and 1,173 in mining and quarrying. " +
            "The 2025 quota was raised from 16.5 to 19.4 thousand units, or 0.25% of the labour force, from August 2025. " +
            "Separately, 3 regions reported delays.";
        const string categories = "By category: first category (heads and their deputies) – 544; second category (heads of structural divisions) – 2,245; third category (specialists) – 3,774; " +
            "fourth category (skilled workers) – 1,118; seasonal workers – 2,780; intra-corporate transfer – 4,003.";
        const string local = "Foreign labour is used by 1,857 employers, which employ more than 335.4 thousand Kazakh citizens, or 96% of their staff.";
        const string sectors = "By sector, 2,808 work in agriculture, forestry and fishing and 1,173 in mining and quarrying.";
        const string quota = "The 2025 quota was raised from 16.5 to 19.4 thousand units, or 0.25% of the labour force, from August 2025.";

        AssertReads(text, "en", new StatedDate(new DateOnly(2025, 11, 1), "month"),
        [
            new("total", null, 14_500, "14.5", "As of November 2025, 14.5 thousand foreign nationals held work permits in total."),
            new("category", "cat1", 544, "544", categories),
            new("category", "cat2", 2_245, "2,245", categories),
            new("category", "cat3", 3_774, "3,774", categories),
            new("category", "cat4", 1_118, "1,118", categories),
            new("category", "seasonal", 2_780, "2,780", categories),
            new("category", "ict", 4_003, "4,003", categories),
            new("employers", null, 1_857, "1,857", local),
            new("local_employees_more_than", null, 335_400, "335.4", local),
            new("local_share_pct", null, 96, "96", local),
            new("sector", "A", 2_808, "2,808", sectors),
            new("sector", "B", 1_173, "1,173", sectors),
            new("quota_units", "2025", 16_500, "16.5", quota),
            new("quota_units", "2025", 19_400, "19.4", quota),
            new("quota_share_pct", "2025", 0.25m, "0.25", quota),
        ],
        [("3", 3m)]);
    }

    [Theory]
    [InlineData("Всего работают 14 103 иностранца.", 14_103)]
    [InlineData("Всего работают 14\u00A0103 иностранца.", 14_103)]
    [InlineData("In total, 14,103 foreigners work.", 14_103)]
    [InlineData("In total, 14.1 thousand foreigners work.", 14_100)]
    [InlineData("Всего работают 14,1 тыс. иностранцев.", 14_100)]
    [InlineData("Барлығы 14,8 мың шетелдік жұмыс істейді.", 14_800)]
    [InlineData("Всего работают 14,8 тысячи иностранцев.", 14_800)]
    public void A_total_is_read_in_every_way_releases_print_numbers(string text, int expected)
    {
        var figure = Assert.Single(_reader.Read(text).Figures);

        Assert.Equal(("total", (decimal)expected), (figure.Figure, figure.Value));
    }

    [Theory]
    [InlineData("Квота на 2025 год составила 0,25 процента от численности рабочей силы.", "quota_share_pct", 0.25)]
    [InlineData("The 2025 quota is 0.25% of the labour force.", "quota_share_pct", 0.25)]
    [InlineData("Квота на 2025 год составила 14,8 тысячи единиц.", "quota_units", 14_800)]
    [InlineData("Employers employ more than 334.4 thousand Kazakh citizens.", "local_employees_more_than", 334_400)]
    [InlineData("У них занято более 334,4 тысячи граждан Казахстана.", "local_employees_more_than", 334_400)]
    public void Shares_units_and_more_than_are_read_as_printed(string text, string figure, double expected)
    {
        var read = Assert.Single(_reader.Read(text).Figures);

        Assert.Equal((figure, (decimal)expected), (read.Figure, read.Value));
    }

    [Fact]
    public void Local_employees_printed_without_more_than_are_not_a_figure_of_the_record()
    {
        var proposal = _reader.Read("У них занято около 455 тысяч граждан Казахстана.");

        Assert.Empty(proposal.Figures);
        Assert.Equal(455_000m, Assert.Single(proposal.Unplaced).Value);
    }

    [Fact]
    public void A_quota_without_any_year_in_the_text_is_unplaced_rather_than_given_a_guessed_year()
    {
        var proposal = _reader.Read("Квота составила 14,8 тысячи единиц.");

        Assert.Empty(proposal.Figures);
        Assert.Equal(("14,8", 14_800m), (Assert.Single(proposal.Unplaced).Text, Assert.Single(proposal.Unplaced).Value));
    }

    [Theory]
    [InlineData("По состоянию на 1 декабря 2025 года работают 14 103 иностранца.", "ru")]
    [InlineData("2025 жылғы 1 желтоқсандағы жағдай бойынша 14 103 шетел азаматы жұмыс істейді.", "kk")]
    [InlineData("As of December 1, 2025, 14,103 foreigners work in Kazakhstan.", "en")]
    [InlineData("В Ұлытау области и Жетісу работают 300 иностранцев из Китая, Узбекистана и Турции, передает агентство.", "ru")]
    public void The_language_is_detected_from_the_letters(string text, string expected) =>
        Assert.Equal(expected, ReleaseTextReader.DetectLanguage(text));

    [Theory]
    [InlineData("14 103", false, 14_103)]
    [InlineData("14,103", false, 14_103)]
    [InlineData("14.103", false, 14_103)]
    [InlineData("14,1", true, 14.1)]
    [InlineData("14,103", true, 14.103)]
    [InlineData("0,250", false, 0.25)]
    [InlineData("0,25", true, 0.25)]
    [InlineData("1,234,567", false, 1_234_567)]
    [InlineData("1,234.5", false, 1_234.5)]
    [InlineData("1.234,5", false, 1_234.5)]
    [InlineData("14 103,5", false, 14_103.5)]
    public void Commas_and_points_are_decimals_or_thousands_by_their_digits_and_the_words_after_them(string digits, bool scaledOrPercent, double expected) =>
        Assert.Equal((decimal)expected, ReleaseTextReader.ParseDigits(digits, scaledOrPercent));

    [Fact]
    public void Digits_that_mix_their_separators_are_not_read_as_any_number()
    {
        Assert.Null(ReleaseTextReader.ParseDigits("1.2.3", false));

        var unplaced = Assert.Single(_reader.Read("Версия 1.2.3 вышла.").Unplaced);
        Assert.Equal(("1.2.3", (decimal?)null), (unplaced.Text, unplaced.Value));
    }

    [Fact]
    public void Dates_years_category_numerals_and_document_numbers_are_neither_figures_nor_unplaced()
    {
        var proposal = _reader.Read(
            "Приказ № 397 от 12.12.2025 вступил в силу 2 января 2026 года. Категория 1 и 2-я категория в 2026 году не менялись. Published on 2025-12-25.");

        Assert.Empty(proposal.Figures);
        Assert.Empty(proposal.Unplaced);
    }

    [Fact]
    public void A_count_read_as_a_fraction_is_not_placed()
    {
        var proposal = _reader.Read("Всего работают 14,1 иностранца.");

        Assert.Empty(proposal.Figures);
        Assert.Equal(14.1m, Assert.Single(proposal.Unplaced).Value);
    }

    private void AssertReads(string text, string language, StatedDate? asOf, Expected[] figures, (string Text, decimal Value)[] unplaced)
    {
        var proposal = _reader.Read(text);

        Assert.Equal(language, proposal.Language);
        Assert.Equal(asOf, proposal.AsOf);
        Assert.Equal(
            figures.Select(f => (f.Figure, f.Key, f.Value, f.Sentence)),
            proposal.Figures.Select(f => (f.Figure, f.Key, f.Value, text[f.Sentence.Start..f.Sentence.End])));
        Assert.All(figures, f => Assert.Contains(f.Printed, f.Sentence, StringComparison.Ordinal));
        Assert.Equal(unplaced, proposal.Unplaced.Select(u => (u.Text, u.Value!.Value)));
        Assert.All(proposal.Unplaced, u => Assert.Equal(u.Text, text[u.Start..u.End]));
    }
}
