using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using QuotaDashboard.Components.Pages.Reports;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;
using QuotaDashboard.Tests.Reports;
using static QuotaDashboard.Tests.Upload.UploadFiles;

namespace QuotaDashboard.Tests.Upload;

/// <summary>The upload page over a store of its own, with files chosen as the browser would hand them over.</summary>
public sealed class ReportUploadPageTests : IClassFixture<SeededDatabase>, IAsyncLifetime
{
    private readonly SeededDatabase _store;
    private readonly ReportPages _pages;

    public ReportUploadPageTests(SeededDatabase store)
    {
        _store = store;
        _pages = new ReportPages(store);
        ReportPages.UseEnglish();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _pages.DisposeAsync();

    private IRenderedComponent<ReportUpload> Open() =>
        ReportPages.Open<ReportUpload>(_pages.For("analyst@test.kz", Roles.Analyst), "/reports/upload", "input[type=file]");

    private static void Choose(IRenderedComponent<ReportUpload> cut, byte[] file) =>
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(file, "reports.csv", contentType: "text/csv"));

    /// <summary>Every region for each month of 2023 and 2024: 480 reports, none equal to what the store holds.</summary>
    private async Task<byte[]> LargeFileAsync(int total)
    {
        await using var db = _store.CreateContext();
        var regions = await db.Regions.OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
        var rows = from month in Enumerable.Range(0, 24).Select(m => new DateOnly(2023, 1, 1).AddMonths(m))
                   from region in regions
                   select Row(region, month.ToString("yyyy-MM", CultureInfo.InvariantCulture), total);
        return Csv([.. rows]);
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> StoredRows(IRenderedComponent<ReportUpload> cut) =>
        cut.Find("table[aria-label='Stored reports']").QuerySelectorAll("tbody tr").ToList();

    [Fact]
    public async Task After_a_large_upload_the_stored_reports_table_shows_one_page_of_rows_and_a_pager_to_the_rest()
    {
        var cut = Open();

        Choose(cut, await LargeFileAsync(7));

        cut.WaitForAssertion(() => Assert.Contains("Stored 480 reports, each as a new revision.", cut.Markup), TimeSpan.FromSeconds(60));
        var rows = StoredRows(cut);
        Assert.InRange(rows.Count, 1, 50);
        Assert.Equal("2", rows[0].QuerySelector("td")!.TextContent.Trim());
        Assert.Contains($"1–{rows.Count} of 480", cut.Markup);
        cut.Find(".mud-table-pagination button[aria-label*='ext']").Click();
        cut.WaitForAssertion(() => Assert.Equal((rows.Count + 2).ToString(CultureInfo.InvariantCulture), StoredRows(cut)[0].QuerySelector("td")!.TextContent.Trim()), ReportPages.Wait);
        Assert.InRange(StoredRows(cut).Count, 1, 50);
    }

    [Fact]
    public async Task Uploading_the_same_file_again_says_how_many_reports_were_unchanged_and_stores_none_of_them()
    {
        var file = await LargeFileAsync(9);
        var cut = Open();
        Choose(cut, file);
        cut.WaitForAssertion(() => Assert.Contains("Stored 480 reports", cut.Markup), TimeSpan.FromSeconds(60));
        int revisions;
        await using (var db = _store.CreateContext())
        {
            revisions = await db.Revisions.CountAsync();
        }

        Choose(cut, file);

        cut.WaitForAssertion(() => Assert.Contains("Nothing changed: all 480 reports of the file are as stored, so nothing was saved.", cut.Markup), TimeSpan.FromSeconds(60));
        await using (var db = _store.CreateContext())
        {
            Assert.Equal(revisions, await db.Revisions.CountAsync());
        }
    }

    [Fact]
    public void A_bad_file_lists_its_problems_in_kazakh_by_row_and_column_for_a_kazakh_reader()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("kk-KZ");
        var cut = Open();

        Choose(cut, Csv(Row("KZ-75", "2024-03", 100).With("total", ""), Row("KZ-75", "2024-04", 100).With("cat3", "ninety")));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("caption ~ tbody tr").Count), ReportPages.Wait);
        var rows = cut.FindAll("caption ~ tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();
        Assert.Equal(["2", "total", "Жалпы сан көрсетілмеген: әр есепте шетелдік жұмыскерлер саны беріледі."], rows[0]);
        Assert.Equal(["3", "cat3", "«ninety» — сан емес: бүтін санды цифрмен жазыңыз, мысалы 120."], rows[1]);
    }
}
