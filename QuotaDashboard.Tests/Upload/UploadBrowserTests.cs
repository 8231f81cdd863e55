using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;
using static QuotaDashboard.Tests.Upload.UploadFiles;

namespace QuotaDashboard.Tests.Upload;

/// <summary>An officer of Almaty uploads files in Chromium. Works on KZ-75 in March 2024, which no other browser test relies on.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UploadBrowserTests(BrowserFixture browser)
{
    private static readonly DateOnly March2024 = new(2024, 3, 1);

    /// <summary>Opens the upload page and waits for the circuit: the file picker is enabled only once it is up.</summary>
    private async Task<IPage> OpenAsync()
    {
        var page = await browser.SignedInPageAsync(Roles.RegionalOfficer, "KZ-75");
        await page.GotoAsync("/reports/upload");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Choose a CSV file to upload" })).ToBeEnabledAsync(new() { Timeout = 15_000 });
        return page;
    }

    private static Task UploadAsync(IPage page, string name, byte[] file) =>
        page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = file });

    private async Task<int> RevisionsAsync()
    {
        await using var db = await browser.App.Services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
        return await db.Revisions.CountAsync(v => v.Report!.RegionCode == "KZ-75" && v.Report.Month == March2024);
    }

    [SkippableFact]
    public async Task An_officer_downloads_the_template_uploads_a_good_file_and_sees_what_was_stored()
    {
        var page = await OpenAsync();
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "Download the template" }).ClickAsync());
        Assert.Equal("report-template.csv", download.SuggestedFilename);
        var before = await RevisionsAsync();

        await UploadAsync(page, "almaty-march.csv", Csv(Row("KZ-75", "2024-03", 2_345, "Уточнено: <b>не жирный</b>")));

        // An officer's upload is submitted for review, like a report entered in the form.
        await Assertions.Expect(page.GetByText("Submitted 1 report for review as a new revision.")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("They count on the dashboard once an analyst accepts them.")).ToBeVisibleAsync();
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Stored reports" });
        await Assertions.Expect(table).ToContainTextAsync("March 2024");
        await Assertions.Expect(table).ToContainTextAsync("2,345");
        await Assertions.Expect(table.GetByText("Уточнено: <b>не жирный</b>")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "upload-stored.png"), FullPage = true });
        Assert.Equal(before + 1, await RevisionsAsync());
    }

    [SkippableFact]
    public async Task A_bad_file_shows_each_problem_with_its_row_and_column_and_stores_nothing()
    {
        var page = await OpenAsync();
        var before = await RevisionsAsync();

        await UploadAsync(page, "almaty-bad.csv", Csv(
            Row("KZ-75", "2024-03", 100).With("cat3", "ninety"),
            Row("KZ-71", "2024-03", 100)));

        await Assertions.Expect(page.GetByText("Nothing was stored")).ToBeVisibleAsync();
        var problems = page.GetByRole(AriaRole.Table, new() { Name = "Problems in the file" });
        var row2 = problems.GetByRole(AriaRole.Row).Filter(new() { HasText = "ninety» is not a number" });
        await Assertions.Expect(row2.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("2");
        await Assertions.Expect(row2.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("cat3");
        var row3 = problems.GetByRole(AriaRole.Row).Filter(new() { HasText = "may not enter reports for KZ-71" });
        await Assertions.Expect(row3.GetByRole(AriaRole.Cell).Nth(0)).ToHaveTextAsync("3");
        await Assertions.Expect(row3.GetByRole(AriaRole.Cell).Nth(1)).ToHaveTextAsync("region");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "upload-problems.png"), FullPage = true });
        Assert.Equal(before, await RevisionsAsync());
    }

    [SkippableFact]
    public async Task A_file_over_5_MB_is_refused_with_its_size_and_then_a_corrected_file_can_be_chosen()
    {
        var page = await OpenAsync();
        var before = await RevisionsAsync();

        await UploadAsync(page, "too-big.csv", new byte[6 * 1024 * 1024]);

        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Problems in the file" }))
            .ToContainTextAsync("The file is 6 MB; the limit is 5 MB.");
        await UploadAsync(page, "empty.csv", []);
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Problems in the file" })).ToContainTextAsync("The file is empty");
        Assert.Equal(before, await RevisionsAsync());
    }
}
