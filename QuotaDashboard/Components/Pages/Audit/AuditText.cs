using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Features.Store;

namespace QuotaDashboard.Components.Pages.Audit;

/// <summary>
/// Words an audit entry's action and subject in the reader's language. The log keeps what each write recorded, codes and the
/// subjects of earlier versions alike, so the subject is read by its shape: a region and month, a quota year, a release month, a
/// token or account by name, an export by chart and date.
/// </summary>
public static partial class AuditText
{
    public static string Action(string action, IStringLocalizer text) => action switch
    {
        AccountAdministration.CreateAction => text["Account created"],
        AccountAdministration.RoleAction => text["Role changed"],
        AccountAdministration.LockAction => text["Account locked"],
        AccountAdministration.UnlockAction => text["Account unlocked"],
        AccountAdministration.PasswordAction => text["Password set"],
        "token.issue" => text["API token issued"],
        "token.revoke" => text["API token revoked"],
        ReportCommands.SaveAction => text["Report saved"],
        ReportCommands.SubmitAction => text["Report submitted for review"],
        ReportCommands.SupersedeAction => text["Submission superseded"],
        ReviewCommands.AcceptAction => text["Report accepted"],
        ReviewCommands.ReturnAction => text["Report returned"],
        "allocation.save" => text["Allocations saved"],
        "thresholds.save" => text["Thresholds of use changed"],
        "quota.add" => text["Quota revision added"],
        "quota.correct" => text["Quota revision corrected"],
        "release.add" => text["Release added"],
        "release.correct" => text["Release corrected"],
        "export" => text["Exported"],
        StoreEndpoints.BackupAction => text["Backup downloaded"],
        _ => action,
    };

    public static string Subject(string subject, IStringLocalizer text)
    {
        if (Quota().Match(subject) is { Success: true } quota)
        {
            return string.Format(CultureInfo.CurrentCulture, text["Quota for {0}"], quota.Groups[1].Value);
        }
        if (Release().Match(subject) is { Success: true } release)
        {
            return string.Format(CultureInfo.CurrentCulture, text["Release of {0}"], release.Groups[1].Value);
        }
        if (Token().Match(subject) is { Success: true } token)
        {
            return string.Format(CultureInfo.CurrentCulture, text["API token «{0}»"], token.Groups[1].Value);
        }
        if (Account().Match(subject) is { Success: true } account)
        {
            return string.Format(CultureInfo.CurrentCulture, text["Account {0}"], account.Groups[1].Value);
        }
        if (Export().Match(subject) is { Success: true } export)
        {
            return string.Format(CultureInfo.CurrentCulture, text["Dashboard of {0}"], export.Groups[1].Value + export.Groups[2].Value);
        }
        return subject switch
        {
            "use of the quota" => text["Thresholds of use"],
            "store" => text["The whole store"],
            _ => subject,
        };
    }

    [GeneratedRegex(@"^quota (\d{4})$")]
    private static partial Regex Quota();

    [GeneratedRegex(@"^release (\d{4}-\d{2})$")]
    private static partial Regex Release();

    [GeneratedRegex(@"^API token '(.*)'$")]
    private static partial Regex Token();

    [GeneratedRegex(@"^Account '(.*)'$")]
    private static partial Regex Account();

    [GeneratedRegex(@"^dashboard (\d{4}-\d{2}-\d{2})( [A-Z]{2}-\d+)?$")]
    private static partial Regex Export();
}
