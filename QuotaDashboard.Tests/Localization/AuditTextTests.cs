using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Components.Pages.Audit;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Features.Store;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Localization;

public sealed class AuditTextTests
{
    private static readonly IStringLocalizer<SharedResource> Text = new ServiceCollection()
        .AddLogging()
        .AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    /// <summary>Every action a write records, from the constants and literals the services pass to the audit log.</summary>
    public static TheoryData<string> Actions =>
    [
        AccountAdministration.CreateAction, AccountAdministration.RoleAction, AccountAdministration.LockAction,
        AccountAdministration.UnlockAction, AccountAdministration.PasswordAction, "token.issue", "token.revoke",
        ReportCommands.SaveAction, ReportCommands.SubmitAction, ReportCommands.SupersedeAction, ReviewCommands.AcceptAction,
        ReviewCommands.ReturnAction, "allocation.save", "thresholds.save", "quota.add", "quota.correct", "release.add",
        "release.correct", "export", StoreEndpoints.BackupAction,
    ];

    [Theory]
    [MemberData(nameof(Actions))]
    public void Every_recorded_action_is_worded_in_kazakh_and_russian_not_shown_as_its_code(string action)
    {
        var kazakh = ProblemWording.InCulture("kk-KZ", () => AuditText.Action(action, Text));
        var russian = ProblemWording.InCulture("ru-RU", () => AuditText.Action(action, Text));

        Assert.NotEqual(action, kazakh);
        Assert.NotEqual(action, russian);
        Assert.Matches("\\p{IsCyrillic}", kazakh);
        Assert.Matches("\\p{IsCyrillic}", russian);
    }

    [Theory]
    [InlineData("quota 2025", "2025 жылға арналған квота")]
    [InlineData("release 2025-12", "2025-12 жарияланымы")]
    [InlineData("use of the quota", "Пайдаланудың шекті мәндері")]
    [InlineData("API token 'statistics portal'", "«statistics portal» API токені")]
    [InlineData("Account 'officer@region.kz'", "officer@region.kz есептік жазбасы")]
    [InlineData("dashboard 2025-12-01 KZ-75", "2025-12-01 KZ-75 панелі")]
    [InlineData("store", "Бүкіл қойма")]
    [InlineData("KZ-75 2025-12", "KZ-75 2025-12")]
    public void Recorded_subjects_read_in_kazakh(string subject, string kazakh) =>
        Assert.Equal(kazakh, ProblemWording.InCulture("kk-KZ", () => AuditText.Subject(subject, Text)));

    [Fact]
    public void A_subject_with_markup_stays_text_and_is_not_taken_for_another_shape() =>
        Assert.Equal("API token “<b>x</b>' and 'y”", ProblemWording.InCulture("en-US", () => AuditText.Subject("API token '<b>x</b>' and 'y'", Text)));
}
