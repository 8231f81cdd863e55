using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Reports;

/// <summary>An officer and an analyst in two browsers: a submission reaches the review queue, and the decision the officer, both live.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ReportReviewBrowserTests(BrowserFixture browser)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private static ILocator Field(IPage page, string label) => page.GetByRole(AriaRole.Spinbutton, new() { Name = label, Exact = true });

    private static async Task AddAsync(IPage page, string label, int extra)
    {
        var field = Field(page, label);
        var value = int.Parse(await field.InputValueAsync(), NumberStyles.AllowThousands, English) + extra;
        await field.FillAsync(value.ToString(CultureInfo.InvariantCulture));
    }

    private static Task<bool> SameDocumentAsync(IPage page) => page.EvaluateAsync<bool>("() => window.__sameDocument === true");

    [SkippableFact]
    public async Task An_officers_submission_reaches_the_open_review_queue_and_the_return_with_its_reason_reaches_the_officers_open_page()
    {
        // September 2024 of Almaty, which no other browser test changes.
        const string reason = "Category 3 counts the <b>seasonal</b> workers twice; please check them against the akimat's list.";
        var review = await browser.SignedInPageAsync(Roles.Analyst);
        await review.GotoAsync("/reports/review");
        await Assertions.Expect(review.GetByTestId("review-count")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await review.EvaluateAsync("() => window.__sameDocument = true");
        var card = review.GetByRole(AriaRole.Region, new() { NameRegex = new Regex("^Almaty, September 2024: revision \\d+$") });
        await Assertions.Expect(card).ToHaveCountAsync(0);

        var entry = await browser.SignedInPageAsync(Roles.RegionalOfficer, "KZ-75");
        await entry.GotoAsync("/reports/entry?month=2024-09");
        await Assertions.Expect(Field(entry, "Total foreign workers")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Assertions.Expect(entry.GetByTestId("form-source")).ToContainTextAsync("September 2024");
        await entry.EvaluateAsync("() => window.__sameDocument = true");
        await AddAsync(entry, "Total foreign workers", 11);
        await AddAsync(entry, "Category 3: specialists", 11);
        await AddAsync(entry, "F — Construction", 11);
        await AddAsync(entry, "China (CN)", 11);
        await entry.GetByRole(AriaRole.Button, new() { Name = "Save report" }).ClickAsync();

        var submitted = entry.GetByRole(AriaRole.Alert).Filter(new() { HasTextRegex = new Regex(@"Submitted for review as revision (\d+)\.") });
        await Assertions.Expect(submitted).ToContainTextAsync("It counts on the dashboard once an analyst accepts it.");
        await Assertions.Expect(entry.GetByTestId("review-state")).ToContainTextAsync("is waiting for review");
        var number = int.Parse(Regex.Match(await submitted.InnerTextAsync(), @"revision (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);

        card = review.GetByRole(AriaRole.Region, new() { Name = $"Almaty, September 2024: revision {number}", Exact = true });
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = 10_000 });
        await Assertions.Expect(card.GetByTestId("review-changes")).ToContainTextAsync("+11");
        await Assertions.Expect(card.GetByTestId("review-changes")).ToContainTextAsync("Total foreign workers");
        await review.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "review-queue.png"), FullPage = true });
        Assert.True(await SameDocumentAsync(review), "The review queue was reloaded.");

        // A return needs a reason: without one, nothing changes and the field says so.
        await card.GetByRole(AriaRole.Button, new() { Name = "Return", Exact = true }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Give the reason for returning the report");
        await card.GetByRole(AriaRole.Textbox, new() { Name = "Reason for returning" }).FillAsync(reason);
        await card.GetByRole(AriaRole.Button, new() { Name = "Return", Exact = true }).ClickAsync();

        await Assertions.Expect(review.GetByTestId("review-result")).ToContainTextAsync($"Returned revision {number} of Almaty, September 2024 to its officer");
        await Assertions.Expect(card).ToHaveCountAsync(0);

        var state = entry.GetByTestId("review-state");
        await Assertions.Expect(state).ToContainTextAsync($"Revision {number} was returned by {BrowserFixture.Demo(Roles.Analyst).Email}", new() { Timeout = 10_000 });
        await Assertions.Expect(entry.GetByTestId("return-reason")).ToHaveTextAsync(reason);
        await Assertions.Expect(state).ToContainTextAsync("Correct the figures and save to submit the report again.");
        Assert.Equal(0, await entry.Locator("[data-testid=review-state] b").CountAsync());
        await Assertions.Expect(entry.GetByTestId("save-result")).ToHaveCountAsync(0);
        await entry.EvaluateAsync("() => window.scrollTo(0, 0)");
        await entry.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "report-returned.png"), FullPage = true });
        Assert.True(await SameDocumentAsync(entry), "The officer's page was reloaded.");

        // The region's reports list it too, returned with its reason, first as what needs the officer.
        await entry.GotoAsync("/reports/history?month=2024-09");
        var reports = entry.GetByRole(AriaRole.Table, new() { Name = "Reports of Almaty" });
        var first = reports.GetByRole(AriaRole.Row).Nth(1);
        await Assertions.Expect(first).ToContainTextAsync("September 2024", new() { Timeout = 15_000 });
        await Assertions.Expect(first).ToContainTextAsync("returned");
        await Assertions.Expect(first.GetByTestId("return-reason")).ToHaveTextAsync(reason);
        await Assertions.Expect(first.GetByRole(AriaRole.Link, new() { Name = "Correct" })).ToHaveAttributeAsync("href", new Regex("reports/entry\\?region=KZ-75&month=2024-09$"));
        await entry.ScreenshotAsync(new() { Path = Path.Combine(RepositoryPaths.TestOutput, "report-states.png"), FullPage = true });
    }
}
