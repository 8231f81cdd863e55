using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Export;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Export;

public sealed class ExportTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private HttpClient Client(string language = "en", string role = Roles.Manager, string? region = null)
    {
        var client = factory.CreateClientWithToken(role, region);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static List<string[]> ReadCsv(byte[] bytes)
    {
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        using var reader = CsvReader.FromText(Encoding.UTF8.GetString(bytes[3..]), new CsvReaderOptions { Separator = ',', HasHeader = false });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray());
        }
        return rows;
    }

    /// <summary>The rows under the header block: the column names, then the numbers.</summary>
    private static List<string[]> TableOf(List<string[]> rows) => rows.SkipWhile(r => r.Any(c => c.Length > 0)).Skip(1).ToList();

    private static Dictionary<string, string> HeaderOf(List<string[]> rows) => rows.TakeWhile(r => r.Any(c => c.Length > 0)).ToDictionary(r => r[0], r => r[1]);

    private static List<IDictionary<string, object?>> ReadXlsx(byte[] bytes, string? sheet = null)
    {
        using var stream = new MemoryStream(bytes);
        return stream.Query(sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
    }

    private static Dictionary<string, string> HeaderOf(List<IDictionary<string, object?>> rows) =>
        rows.TakeWhile(r => r["A"] is not null).ToDictionary(r => (string)r["A"]!, r => r["B"] as string ?? "");

    /// <summary>The rows under the column names of a sheet read back from XLSX.</summary>
    private static List<IDictionary<string, object?>> TableOf(List<IDictionary<string, object?>> rows) => rows.SkipWhile(r => r["A"] is not null).Skip(2).ToList();

    private static string Illustrative(string language) => language == "ru" ? "иллюстративные региональные данные" : "illustrative regional data";

    private async Task<JsonElement> DashboardJsonAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/dashboard?{query}", Json);

    [Theory]
    [InlineData("asOf=2025-12", "en")]
    [InlineData("asOf=2024-09", "ru")]
    [InlineData("asOf=2025-06&region=KZ-75", "en")]
    [InlineData("asOf=2025-12&region=KZ-23", "ru")]
    public async Task Breakdown_csv_files_hold_exactly_the_numbers_of_the_api(string query, string language)
    {
        var client = Client(language);
        var api = await DashboardJsonAsync(client, query);

        foreach (var (chart, property) in new[] { (ChartNames.Categories, "categories"), (ChartNames.Sectors, "sectors"), (ChartNames.Countries, "countries") })
        {
            var response = await client.GetAsync($"/api/export/{chart}.csv?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var table = TableOf(ReadCsv(await response.Content.ReadAsByteArrayAsync()));
            var expected = api.GetProperty(property).GetProperty("items").EnumerateArray()
                .Select(i => (i.GetProperty("isRemainder").GetBoolean() ? "" : i.GetProperty("key").GetString(),
                    i.GetProperty("count").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)));
            var rows = table.Skip(1).Take(expected.Count()).ToList();
            Assert.Equal(expected, rows.Select(r => ((string?)r[0], r[2])));
            // The API gives codes; the file names them in the reader's language.
            Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r[1])));
        }
    }

    [Theory]
    [InlineData("asOf=2025-12")]
    [InlineData("asOf=2024-09")]
    public async Task The_ranking_csv_holds_every_region_with_the_numbers_of_the_api(string query)
    {
        var client = Client();
        var api = await DashboardJsonAsync(client, query);

        var table = TableOf(ReadCsv(await client.GetByteArrayAsync($"/api/export/{ChartNames.Ranking}.csv?{query}")));

        var expected = api.GetProperty("ranking").EnumerateArray().Select(r => (
            r.GetProperty("code").GetString(),
            r.GetProperty("workers").ValueKind == JsonValueKind.Null ? "" : r.GetProperty("workers").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
            r.GetProperty("allocation").ValueKind == JsonValueKind.Null ? "" : r.GetProperty("allocation").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(expected, table.Skip(1).Select(r => ((string?)r[0], r[2], r[3])));
        Assert.Equal(20, table.Count - 1);
    }

    [Fact]
    public async Task The_header_block_names_title_date_filters_source_and_illustrative_data()
    {
        var rows = ReadCsv(await Client().GetByteArrayAsync($"/api/export/{ChartNames.Categories}.csv?asOf=2025-06&region=KZ-75"));

        var header = rows.TakeWhile(r => r.Any(c => c.Length > 0)).ToDictionary(r => r[0], r => r[1]);
        Assert.Equal("Workers by permit category", header["Title"]);
        Assert.Equal("2025-06-01", header["As of"]);
        Assert.Equal("Almaty (KZ-75)", header["Region"]);
        Assert.Contains("Regional report of Almaty", header["Source"]);
        Assert.Equal("illustrative regional data", header["Note"]);
        Assert.StartsWith("token:", header["Generated by"]);
    }

    [Fact]
    public async Task A_national_release_names_the_ministry_as_its_source()
    {
        var rows = ReadCsv(await Client().GetByteArrayAsync($"/api/export/{ChartNames.Countries}.csv?asOf=2025-12"));

        Assert.Contains(rows, r => r[0] == "Source" && r[1].Contains("Ministry of Labour and Social Protection, release of 2025-12-01"));
    }

    [Fact]
    public async Task Cyrillic_survives_the_round_trip_in_csv_and_xlsx()
    {
        var client = Client("ru");

        var csv = ReadCsv(await client.GetByteArrayAsync($"/api/export/{ChartNames.Countries}.csv?asOf=2025-12"));
        Assert.Contains(csv, r => r.Length > 1 && r[1] == "Китай");

        await using var xlsx = new MemoryStream(await client.GetByteArrayAsync($"/api/export/{ChartNames.Countries}.xlsx?asOf=2025-12"));
        var rows = xlsx.Query().Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(rows, r => Equals(r["B"], "Китай"));
    }

    [Fact]
    public async Task Xlsx_stores_the_numbers_as_numbers_equal_to_the_api()
    {
        var client = Client();
        var api = await DashboardJsonAsync(client, "asOf=2025-12");

        await using var xlsx = new MemoryStream(await client.GetByteArrayAsync($"/api/export/{ChartNames.Categories}.xlsx?asOf=2025-12"));
        var rows = xlsx.Query().Cast<IDictionary<string, object?>>().ToList();
        var table = rows.SkipWhile(r => r["A"] is not null).Skip(2).ToList();

        var expected = api.GetProperty("categories").GetProperty("items").EnumerateArray().Select(i => (double)i.GetProperty("count").GetInt64());
        Assert.Equal(expected, table.Take(expected.Count()).Select(r => Assert.IsType<double>(r["C"])));
    }

    [Fact]
    public async Task The_dashboard_workbook_has_a_sheet_per_chart_and_one_about_the_export()
    {
        await using var xlsx = new MemoryStream(await Client().GetByteArrayAsync("/api/export/dashboard.xlsx?asOf=2025-12"));

        var sheets = xlsx.GetSheetNames();
        Assert.Equal(7, sheets.Count);
        Assert.Contains("About this export", sheets);
        Assert.Contains(sheets, s => s.StartsWith("Map of the regions", StringComparison.Ordinal));
        var about = xlsx.Query(sheetName: "About this export").Cast<IDictionary<string, object?>>().ToList();
        Assert.Contains(about, r => Equals(r["A"], "As of") && Equals(r["B"], "2025-12-01"));
        Assert.Contains(about, r => r["C"] is string s && s.Contains("14,105"));
    }

    [Fact]
    public async Task Text_that_starts_like_a_formula_is_escaped_in_every_export()
    {
        using (var scope = factory.Services.CreateScope())
        {
            var input = new ReportInput("KZ-59", new DateOnly(2025, 10, 1), 10,
                new Dictionary<string, int> { ["cat3"] = 9 }, new Dictionary<string, int> { ["F"] = 10 }, new Dictionary<string, int> { ["RU"] = 10 },
                MismatchReason: "=cmd|' /C calc'!A0");
            Assert.IsType<SaveResult.Saved>(await scope.ServiceProvider.GetRequiredService<ReportCommands>().SaveAsync(input, TestUsers.Analyst(), null));
        }

        await using var xlsx = new MemoryStream(await Client().GetByteArrayAsync("/api/export/dashboard.xlsx?asOf=2025-10"));
        var about = xlsx.Query(sheetName: "About this export").Cast<IDictionary<string, object?>>().ToList();

        var cell = Assert.Single(about, r => r["C"] is string s && s.Contains("cmd|"))["C"] as string;
        Assert.DoesNotContain(about, r => r["C"] is string s && s.StartsWith('='));
        Assert.Contains("=cmd|' /C calc'!A0", cell);
        foreach (var dangerous in new[] { "=cmd|' /C calc'!A0", "+SUM(1)", "-2+3", "@A1", "\tx", "\rx" })
        {
            Assert.Equal("'" + dangerous, ExportFiles.Safe(dangerous));
        }
        Assert.Equal("China", ExportFiles.Safe("China"));
    }

    [Fact]
    public async Task Exports_are_recorded_in_the_audit_log()
    {
        await Client().GetByteArrayAsync($"/api/export/{ChartNames.Ranking}.csv?asOf=2025-12");

        await using var db = await factory.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
        Assert.Contains(db.Audit, a => a.Action == "export" && a.Subject == $"{ChartNames.Ranking} 2025-12-01" && a.User.StartsWith("token:"));
    }

    [Theory]
    [InlineData("/api/export/workers-by-category.csv?asOf=2025-12", HttpStatusCode.Unauthorized)]
    [InlineData("/api/export/dashboard.xlsx?asOf=2025-12", HttpStatusCode.Unauthorized)]
    public async Task Anonymous_callers_are_refused(string path, HttpStatusCode expected)
    {
        var response = await factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/export/no-such-chart.csv?asOf=2025-12", HttpStatusCode.NotFound)]
    [InlineData("/api/export/workers-by-category.pdf?asOf=2025-12", HttpStatusCode.NotFound)]
    [InlineData("/api/export/dashboard.csv?asOf=2025-12", HttpStatusCode.NotFound)]
    [InlineData("/api/export/workers-by-category.csv", HttpStatusCode.BadRequest)]
    [InlineData("/api/export/workers-by-category.csv?asOf=2025-13", HttpStatusCode.BadRequest)]
    [InlineData("/api/export/workers-by-category.csv?asOf=2025-12&region=KZ-99", HttpStatusCode.NotFound)]
    [InlineData("/api/export/workers-by-category.xlsx?asOf=<script>", HttpStatusCode.BadRequest)]
    public async Task Bad_parameters_get_a_problem_and_never_a_500(string path, HttpStatusCode expected)
    {
        var response = await Client().GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_officer_exports_the_nation_and_their_region_but_no_other()
    {
        var client = Client(role: Roles.RegionalOfficer, region: "KZ-75");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/export/workers-by-sector.csv?asOf=2025-12&region=KZ-75")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/export/workers-by-sector.csv?asOf=2025-12&region=KZ-71")).StatusCode);
    }

    [Fact]
    public async Task File_names_say_what_and_when()
    {
        var response = await Client().GetAsync($"/api/export/{ChartNames.Sectors}.xlsx?asOf=2025-12&region=KZ-75");

        Assert.Equal("workers-by-sector_2025-12-01_KZ-75.xlsx", response.Content.Headers.ContentDisposition?.FileName);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task A_published_release_exported_by_category_sector_or_country_is_not_called_illustrative(string language)
    {
        var client = Client(language);

        foreach (var chart in new[] { ChartNames.Categories, ChartNames.Sectors, ChartNames.Countries })
        {
            var csv = HeaderOf(ReadCsv(await client.GetByteArrayAsync($"/api/export/{chart}.csv?asOf=2025-12")));
            var xlsx = HeaderOf(ReadXlsx(await client.GetByteArrayAsync($"/api/export/{chart}.xlsx?asOf=2025-12")));
            Assert.All(csv.Values.Concat(xlsx.Values), value => Assert.DoesNotContain(Illustrative(language), value));
        }
        var workbook = await client.GetByteArrayAsync("/api/export/dashboard.xlsx?asOf=2025-12");
        using var stream = new MemoryStream(workbook);
        foreach (var sheet in stream.GetSheetNames().Take(3))
        {
            Assert.All(HeaderOf(ReadXlsx(workbook, sheet)).Values, value => Assert.DoesNotContain(Illustrative(language), value));
        }
    }

    [Theory]
    [InlineData("en", "Note", "Sum of regional reports", "Workers, Allocation")]
    [InlineData("ru", "Примечание", "Сумма региональных отчётов", "Работники, Распределение")]
    public async Task The_timeline_and_the_ranking_name_which_of_their_figures_are_illustrative(string language, string note, string regionalLine, string rankingColumns)
    {
        var client = Client(language);

        var timeline = HeaderOf(ReadCsv(await client.GetByteArrayAsync($"/api/export/{ChartNames.Timeline}.csv?asOf=2025-12")));
        var ranking = HeaderOf(ReadCsv(await client.GetByteArrayAsync($"/api/export/{ChartNames.Ranking}.csv?asOf=2025-12")));

        Assert.Equal($"{regionalLine}: {Illustrative(language)}", timeline[note]);
        Assert.Equal($"{rankingColumns}: {Illustrative(language)}", ranking[note]);
        var workbook = await client.GetByteArrayAsync("/api/export/dashboard.xlsx?asOf=2025-12");
        using var stream = new MemoryStream(workbook);
        var about = HeaderOf(ReadXlsx(workbook, stream.GetSheetNames().Last()));
        Assert.Contains(timeline[note], about[note]);
        Assert.Contains(ranking[note], about[note]);
    }

    [Theory]
    [InlineData("en", "Published total", "Difference: the items less the total", "Difference",
        "The six categories add up to 14,105, 2 more than the total of 14,103.")]
    [InlineData("ru", "Опубликованный итог", "Разница: строки минус итог", "Разница",
        "Шесть категорий в сумме дают 14\u00A0105: на 2 больше, чем итог 14\u00A0103.")]
    public async Task Every_breakdown_export_ends_with_its_total_and_says_where_the_items_do_not_add_up_to_it(
        string language, string totalName, string gapName, string gapLabel, string gapSentence)
    {
        var client = Client(language);

        var categories = ReadCsv(await client.GetByteArrayAsync($"/api/export/{ChartNames.Categories}.csv?asOf=2025-12"));
        Assert.Equal(["", totalName, "14103", "100"], TableOf(categories)[^2]);
        Assert.Equal(["", gapName, "2", ""], TableOf(categories)[^1]);
        Assert.Equal(gapSentence, HeaderOf(categories)[gapLabel]);
        foreach (var chart in new[] { ChartNames.Sectors, ChartNames.Countries })
        {
            var rows = ReadCsv(await client.GetByteArrayAsync($"/api/export/{chart}.csv?asOf=2025-12"));
            Assert.Equal(["", totalName, "14103", "100"], TableOf(rows)[^1]);
            Assert.False(HeaderOf(rows).ContainsKey(gapLabel));
        }

        var xlsx = TableOf(ReadXlsx(await client.GetByteArrayAsync($"/api/export/{ChartNames.Categories}.xlsx?asOf=2025-12")));
        Assert.Equal((totalName, 14103d), ((string?)xlsx[^2]["B"], Assert.IsType<double>(xlsx[^2]["C"])));
        Assert.Equal((gapName, 2d), ((string?)xlsx[^1]["B"], Assert.IsType<double>(xlsx[^1]["C"])));
        var workbook = await client.GetByteArrayAsync("/api/export/dashboard.xlsx?asOf=2025-12");
        using var stream = new MemoryStream(workbook);
        var sheets = stream.GetSheetNames();
        Assert.Equal(gapSentence, HeaderOf(ReadXlsx(workbook, sheets[0]))[gapLabel]);
        Assert.Equal(2d, TableOf(ReadXlsx(workbook, sheets[0]))[^1]["C"]);
        Assert.Equal(14103d, TableOf(ReadXlsx(workbook, sheets[1]))[^1]["C"]);
    }

    [Theory]
    [InlineData("en", "Total of the region's report")]
    [InlineData("ru", "Итог отчёта региона")]
    public async Task A_regional_breakdown_ends_with_the_total_of_the_regions_report(string language, string totalName)
    {
        var client = Client(language);
        var api = await DashboardJsonAsync(client, "asOf=2025-06&region=KZ-75");

        var table = TableOf(ReadCsv(await client.GetByteArrayAsync($"/api/export/{ChartNames.Sectors}.csv?asOf=2025-06&region=KZ-75")));

        var workers = api.GetProperty("workers").GetProperty("value").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["", totalName, workers, "100"], table[^1]);
    }

    [Theory]
    [InlineData("en", "Breakdown does not add up", "The six categories add up to 14,105 against the published total of 14,103 (+2).")]
    [InlineData("ru", "Разбивка не сходится", "Шесть категорий в сумме дают 14\u00A0105 при опубликованном итоге 14\u00A0103 (+2).")]
    public async Task The_about_sheet_words_each_data_quality_note_in_the_language_of_the_export(string language, string what, string detail)
    {
        var client = Client(language);

        var workbook = await client.GetByteArrayAsync("/api/export/dashboard.xlsx?asOf=2025-12");
        using var stream = new MemoryStream(workbook);
        var about = TableOf(ReadXlsx(workbook, stream.GetSheetNames().Last()));

        Assert.Contains(about, r => Equals(r["A"], "2025-12-01") && Equals(r["B"], what) && Equals(r["C"], detail));
        var kinds = Enum.GetNames<QuotaDashboard.Features.Dashboard.QualityKind>();
        Assert.DoesNotContain(about, r => r.Values.OfType<string>().Any(cell => kinds.Contains(cell)));
        Assert.DoesNotContain(about, r => r["C"] is string s && s.Contains("14103"));
    }
}
