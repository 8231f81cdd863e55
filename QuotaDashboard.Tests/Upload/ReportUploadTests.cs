using System.Diagnostics;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Live;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Data;
using QuotaDashboard.Tests.Features;
using QuotaDashboard.Tests.Infrastructure;
using static QuotaDashboard.Tests.Upload.UploadFiles;

namespace QuotaDashboard.Tests.Upload;

/// <summary>Bulk entry from a file over a store of its own; each test that stores works on a month of its own.</summary>
public sealed class ReportUploadTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private static readonly ClaimsPrincipal Analyst = TestUsers.Analyst("analyst.upload@test.kz");
    private static readonly ClaimsPrincipal AlmatyOfficer = TestUsers.Officer("KZ-75", "officer.upload@test.kz");

    private ReportUploads Uploads => store.Get<ReportUploads>();

    [Fact]
    public async Task A_good_file_stores_every_row_as_a_new_revision_audits_each_and_tells_the_dashboards_once()
    {
        var month = new DateOnly(2024, 5, 1);
        string[] regions = ["KZ-75", "KZ-71", "KZ-23"];
        var before = new Dictionary<string, int>();
        foreach (var region in regions)
        {
            before[region] = (await StoredReports.RevisionsAsync(store, region, month)).Count;
        }
        var tables = await CountsAsync();
        using var heard = new HeardChanges(store.Get<DataChangeNotifier>());

        var result = await Uploads.UploadAsync(Stream(Csv(
            Row("KZ-75", "2024-05", 1_500),
            Row("KZ-71", "2024-05", 2_400).With("cat1", "400").With("cat3", "2000").With("countries", "CN=2000; uz=300; other=100"),
            Row("KZ-23", "2024-05", 700).With("cat3", "690").With("mismatch_reason", "Ten permits not yet broken down by category."))), Analyst);

        var stored = Assert.IsType<UploadResult.Stored>(result);
        Assert.Equal([2, 3, 4], stored.Reports.Select(r => r.Row));
        Assert.Equal(regions, stored.Reports.Select(r => r.RegionCode));
        foreach (var (region, total) in regions.Zip([1_500, 2_400, 700]))
        {
            var revisions = await StoredReports.RevisionsAsync(store, region, month);
            Assert.Equal(before[region] + 1, revisions.Count);
            Assert.Equal((total, "analyst.upload@test.kz"), (revisions[^1].Total, revisions[^1].EnteredBy));
            Assert.Equal(revisions[^1].Id, (await StoredReports.ReportAsync(store, region, month)).CurrentRevisionId);
        }
        var astana = await StoredReports.CurrentInputAsync(store, "KZ-71", month);
        Assert.Equal(new Dictionary<string, int> { ["CN"] = 2000, ["UZ"] = 300, ["other"] = 100 }, astana.Countries);
        Assert.Equal(new Dictionary<string, int> { ["cat1"] = 400, ["cat3"] = 2000 }, astana.Categories);
        await using (var db = store.CreateContext())
        {
            var audit = await db.Audit.Where(a => a.User == "analyst.upload@test.kz").OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(["KZ-75 2024-05", "KZ-71 2024-05", "KZ-23 2024-05"], audit.Select(a => a.Subject));
            Assert.All(audit, a => Assert.Equal("report.save", a.Action));
        }
        var after = await CountsAsync();
        Assert.Equal(tables["Revisions"] + 3, after["Revisions"]);
        Assert.Equal(tables["Audit"] + 3, after["Audit"]);
        Assert.Equal(tables["Reports"], after["Reports"]);
        Assert.Equal([new DataChange(DataChangeKind.Reports, null, month)], await heard.SoFarAsync());
    }

    [Fact]
    public async Task Cyrillic_markup_and_line_breaks_in_a_comment_come_back_exactly_as_given()
    {
        const string comment = "Данные уточнены акиматом: <b>жирный</b> & \"кавычки\", =SUM(A1)\nвторая строка";
        var month = new DateOnly(2024, 6, 1);

        var result = await Uploads.UploadAsync(Stream(Csv(Row("KZ-75", "2024-06", 321, comment))), AlmatyOfficer);

        Assert.Equal(comment, Assert.Single(Assert.IsType<UploadResult.Stored>(result).Reports).Comment);
        Assert.Equal(comment, (await StoredReports.RevisionsAsync(store, "KZ-75", month))[^1].Comment);
    }

    public static TheoryData<string, byte[], (int? Row, string? Column)[], string> BadFiles()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var good = Row("KZ-75", "2024-08", 100);
        var goodLine = string.Join(",", Header.Select(c => good.GetValueOrDefault(c, "")));
        var brokenQuotes = string.Join(",", Header.Select(c => c == "comment" ? "\"quoted\" then not" : good.GetValueOrDefault(c, "")));
        return new()
        {
            { "wrong header", Csv([.. Header.Select(c => c == "total" ? "totl" : c)], good), [(1, "totl"), (1, "total"), (1, null)], "region,month,total,cat1" },
            { "semicolons", Text(HeaderLine.Replace(',', ';') + "\r\n" + goodLine.Replace(',', ';') + "\r\n"), [(1, null)], "separated by semicolons" },
            { "another table", Csv(["Регион", "Работники"], new Dictionary<string, string> { ["Регион"] = "Алматы", ["Работники"] = "5" }), [(1, null)], "none of the template's columns" },
            { "a column twice and one unknown", Csv([.. Header, "total", "notes"], good), [(1, "total"), (1, "notes")], "appears more than once" },
            { "a PNG image", Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="), [(null, null)], "PNG image" },
            { "an Excel workbook", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00], [(null, null)], "Excel workbook" },
            { "a web page", Text("<!DOCTYPE html>\n<html><body><table><tr><td>KZ-75</td></tr></table></body></html>"), [(null, null)], "HTML" },
            { "Windows-1251", Encoding.GetEncoding(1251).GetBytes(Encoding.UTF8.GetString(Csv(good, Row("KZ-71", "2024-08", 5, "Уточнено акиматом"))).TrimStart('\uFEFF')), [(3, null)], "save it as CSV UTF-8" },
            { "an empty file", [], [(null, null)], "empty" },
            { "a byte order mark and nothing else", [0xEF, 0xBB, 0xBF, (byte)'\r', (byte)'\n'], [(null, null)], "empty" },
            { "the header only", Csv(), [(null, null)], "no reports" },
            { "a negative count", Csv(good.With("cat3", "-5").With("total", "-5").With("sector_F", "-5").With("countries", "CN=-5")), [(2, "total"), (2, "cat3"), (2, "sector_F"), (2, "countries")], "from 0 to 1,000,000" },
            { "a fractional count", Csv(good.With("cat3", "99.5")), [(2, "cat3")], "not a whole number" },
            { "a count in words", Csv(good.With("sector_F", "hundred")), [(2, "sector_F")], "not a number" },
            { "a count over the maximum", Csv(Row("KZ-75", "2024-08", ReportCommands.MaxCount + 1)), [(2, "total")], "from 0 to 1,000,000" },
            { "an absurdly large count", Csv(good.With("employers", "99999999999999")), [(2, "employers")], "out of range" },
            { "a missing total", Csv(good.With("total", "")), [(2, "total")], "total is missing" },
            { "an unknown region", Csv(Row("KZ-99", "2024-08", 100)), [(2, "region")], "no region with the code KZ-99" },
            { "an unknown country", Csv(good.With("countries", "XX=100")), [(2, "countries")], "«XX» is not an ISO 3166-1 country code" },
            { "countries not written as CODE=count", Csv(good.With("countries", "China 100")), [(2, "countries")], "CODE=count" },
            { "a future month", Csv(Row("KZ-75", "2099-01", 100)), [(2, "month")], "has not begun" },
            { "a month of year one", Csv(good, Row("KZ-75", "0001-01", 100)), [(3, "month")], "January 0001 is before the earliest reporting month, January 2019" },
            { "a month of 1900", Csv(Row("KZ-75", "1900-01", 100)), [(2, "month")], "January 1900 is before the earliest reporting month, January 2019" },
            { "the month before the record", Csv(Row("KZ-75", "2018-12", 100)), [(2, "month")], "December 2018 is before the earliest reporting month, January 2019" },
            { "a month written as a date", Csv(Row("KZ-75", "01.08.2024", 100)), [(2, "month")], "yyyy-MM" },
            { "the same report twice", Csv(good, Row("KZ-71", "2024-08", 5), good.With("total", "100")), [(4, "month")], "more than once" },
            { "a breakdown that disagrees without a reason", Csv(good.With("cat3", "90")), [(2, "cat1–ict")], "add up to 90" },
            { "a comment over the length limit", Csv(good.With("comment", new string('я', ReportCommands.MaxTextLength + 1))), [(2, "comment")], "at most 2000 characters" },
            { "a row with cells missing", Text(HeaderLine + "\r\nKZ-75,2024-08,100\r\n"), [(2, null)], "3 cells" },
            { "broken quotes after a blank line", Text(HeaderLine + "\r\n" + goodLine + "\r\n\r\n" + brokenQuotes + "\r\n"), [(4, null)], "text after a closing quote" },
            { "a blank line before a bad row", Text(HeaderLine + "\r\n\r\n" + goodLine.Replace("KZ-75", "KZ-98") + "\r\n"), [(3, "region")], "no region with the code KZ-98" },
        };
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_refused_with_its_problems_by_row_and_column_and_stores_nothing(string what, byte[] file, (int? Row, string? Column)[] expected, string message)
    {
        var before = await StoreTables.CountRowsAsync(store);
        using var heard = new HeardChanges(store.Get<DataChangeNotifier>());

        var result = await Uploads.UploadAsync(Stream(file), Analyst);

        var refused = Assert.IsType<UploadResult.Refused>(result);
        foreach (var (row, column) in expected)
        {
            Assert.True(refused.Problems.Any(p => p.Row == row && p.Column == column),
                $"{what}: no problem at row {row}, column {column} among: {Describe(refused.Problems)}");
        }
        Assert.Contains(refused.Problems, p => Text.Worded(p).Contains(message, StringComparison.OrdinalIgnoreCase));
        Assert.All(refused.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Code)));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        Assert.Empty(await heard.SoFarAsync());
    }

    [Fact]
    public async Task Rows_that_repeat_the_stored_reports_are_reported_as_unchanged_and_the_other_rows_are_stored()
    {
        var month = new DateOnly(2024, 4, 1);
        var almaty = await StoredReports.CurrentInputAsync(store, "KZ-75", month);
        var before = await CountsAsync();

        var result = await Uploads.UploadAsync(Stream(Csv(
            Row("KZ-71", "2024-04", 1_234),
            AsRow(almaty))), Analyst);

        var stored = Assert.IsType<UploadResult.Stored>(result).Reports;
        Assert.Equal([(2, "KZ-71", false), (3, "KZ-75", true)], stored.Select(r => (r.Row, r.RegionCode, r.Unchanged)));
        Assert.Equal(1, stored[1].RevisionNumber);
        var after = await CountsAsync();
        Assert.Equal(before["Revisions"] + 1, after["Revisions"]);
        Assert.Equal(before["Audit"] + 1, after["Audit"]);
    }

    /// <summary>A stored report written back as a row of the file.</summary>
    private static Dictionary<string, string> AsRow(ReportInput input)
    {
        static string Text(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var row = new Dictionary<string, string>
        {
            ["region"] = input.RegionCode,
            ["month"] = input.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            ["total"] = Text(input.Total),
            ["employers"] = Text(input.Employers),
            ["local_employees"] = Text(input.LocalEmployees),
            ["countries"] = string.Join("; ", input.Countries.Select(c => $"{c.Key}={c.Value}")),
        };
        foreach (var (key, count) in input.Categories) row[key] = Text(count);
        foreach (var (key, count) in input.Sectors) row["sector_" + key] = Text(count);
        return row;
    }

    [Fact]
    public async Task Every_problem_of_every_row_is_listed_at_once_and_a_cell_that_cannot_be_read_is_not_blamed_twice()
    {
        var before = await StoreTables.CountRowsAsync(store);

        var result = await Uploads.UploadAsync(Stream(Csv(
            Row("KZ-75", "2024-09", 100).With("cat1", "10").With("cat3", "ninety"),
            Row("KZ-00", "2024-09", 100),
            Row("KZ-75", "2099-09", 100).With("sector_F", "-1").With("local_employees", "2.5"),
            Row("KZ-71", "2024-09", 100))), Analyst);

        var problems = Assert.IsType<UploadResult.Refused>(result).Problems;
        Assert.Equal([(2, "cat3"), (3, "region"), (4, "month"), (4, "local_employees"), (4, "sector_A–sector_U"), (4, "sector_F")],
            problems.Select(p => (p.Row ?? 0, p.Column ?? "")));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    [Fact]
    public async Task An_officer_uploading_a_row_of_another_region_has_the_whole_file_refused()
    {
        var before = await StoreTables.CountRowsAsync(store);

        var result = await Uploads.UploadAsync(Stream(Csv(Row("KZ-75", "2024-10", 100), Row("KZ-71", "2024-10", 100))), AlmatyOfficer);

        var problem = Assert.Single(Assert.IsType<UploadResult.Refused>(result).Problems);
        Assert.Equal((3, "region"), (problem.Row, problem.Column));
        Assert.Equal((ReportProblems.RegionForbidden, "KZ-71"), (problem.Code, problem.Args.Single()));
        Assert.Equal("Your account may not enter reports for KZ-71.", Text.Worded(problem));
        Assert.Equal(before, await StoreTables.CountRowsAsync(store));
    }

    [Fact]
    public async Task A_50_MB_file_is_refused_at_once_without_being_read()
    {
        var path = Path.Combine(Path.GetTempPath(), $"quota-upload-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var file = File.Create(path))
            {
                await new GeneratedCsvStream(50L * 1024 * 1024).CopyToAsync(file);
            }
            var before = await StoreTables.CountRowsAsync(store);
            await using var upload = File.OpenRead(path);
            var clock = Stopwatch.StartNew();

            var result = await Uploads.UploadAsync(upload, Analyst);

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"Refusing took {clock.Elapsed}.");
            Assert.Equal(0, upload.Position);
            var problem = Assert.Single(Assert.IsType<UploadResult.Refused>(result).Problems);
            Assert.Equal((null, null), (problem.Row, problem.Column));
            Assert.Equal("The file is 50 MB; the limit is 5 MB. Upload fewer reports at a time.", Text.Worded(problem));
            Assert.Equal(before, await StoreTables.CountRowsAsync(store));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_50_MB_stream_of_unknown_length_is_read_no_further_than_the_limit()
    {
        var upload = new GeneratedCsvStream(50L * 1024 * 1024);

        var result = await Uploads.UploadAsync(upload, Analyst);

        Assert.Contains("larger than the limit of 5 MB", Text.Worded(Assert.Single(Assert.IsType<UploadResult.Refused>(result).Problems)));
        Assert.InRange(upload.Produced, ReportCsv.MaxFileBytes, ReportCsv.MaxFileBytes + 128 * 1024);
    }

    [Fact]
    public async Task The_officers_template_holds_the_header_and_an_empty_row_for_their_region_this_month()
    {
        var month = DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

        var template = await Uploads.TemplateAsync(AlmatyOfficer);

        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), template[..3]);
        var lines = Encoding.UTF8.GetString(template[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal([HeaderLine, "KZ-75," + month + new string(',', Header.Count - 2)], lines);
        Assert.StartsWith("KZ-10," + month, Encoding.UTF8.GetString(await Uploads.TemplateAsync(Analyst)).Split("\r\n")[1]);
    }

    [Fact]
    public async Task The_template_uploaded_as_it_comes_is_refused_for_want_of_a_total()
    {
        var result = await Uploads.UploadAsync(Stream(await Uploads.TemplateAsync(AlmatyOfficer)), AlmatyOfficer);

        var problem = Assert.Single(Assert.IsType<UploadResult.Refused>(result).Problems);
        Assert.Equal((2, "total"), (problem.Row, problem.Column));
    }

    private async Task<Dictionary<string, long>> CountsAsync() =>
        (await StoreTables.CountRowsAsync(store)).ToDictionary(t => t.Table, t => t.Rows);

    private Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> Text => store.Get<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();

    private string Describe(IEnumerable<Problem> problems) =>
        string.Join("; ", problems.Select(p => $"[{p.Row}, {p.Column}] {Text.Worded(p)}"));
}
