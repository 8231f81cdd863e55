using System.Globalization;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using QuotaDashboard.Data;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Features.Reports;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Localization;

/// <summary>Every problem code the product can produce is worded in English, Russian and Kazakh, and refusals change nothing stored.</summary>
public sealed class ProblemWordingTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private static readonly string[] Cultures = ["en-US", "ru-RU", "kk-KZ"];

    private IStringLocalizer<SharedResource> Text => store.Get<IStringLocalizer<SharedResource>>();

    /// <summary>The codes named by constants of the problem catalogues, and every error Identity can give.</summary>
    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        var constants = new[] { typeof(ReportProblems), typeof(TokenProblems), typeof(AccountProblems), typeof(QuotaDashboard.Features.Store.StoreProblems) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        var identity = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(IdentityError))
            .Select(m => LocalizedIdentityErrors.CodePrefix + m.Name);
        foreach (var code in constants.Concat(identity).Distinct())
        {
            data.Add(code);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_problem_code_is_worded_in_all_three_languages_and_translated_in_russian_and_kazakh(string code)
    {
        var args = Enumerable.Repeat<object?>(7, 3).ToArray();
        var worded = Cultures.ToDictionary(c => c, c => ProblemWording.InCulture(c, () => Text[$"problem.{code}"]));

        Assert.All(worded.Values, w => Assert.False(w.ResourceNotFound, $"problem.{code} has no wording"));
        Assert.All(worded.Values, w => Assert.False(string.IsNullOrWhiteSpace(string.Format(CultureInfo.InvariantCulture, w.Value, args))));
        Assert.NotEqual(worded["en-US"].Value, worded["ru-RU"].Value);
        Assert.NotEqual(worded["en-US"].Value, worded["kk-KZ"].Value);
        Assert.Matches("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", worded["ru-RU"].Value);
        Assert.Matches("[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]", worded["kk-KZ"].Value);
    }

    [Fact]
    public void The_identity_error_describer_words_every_error_of_identity_in_the_current_language()
    {
        var overridable = typeof(IdentityErrorDescriber).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.ReturnType == typeof(IdentityError) && m.IsVirtual).ToList();
        Assert.All(overridable, m => Assert.Equal(typeof(LocalizedIdentityErrors), typeof(LocalizedIdentityErrors).GetMethod(m.Name, [.. m.GetParameters().Select(p => p.ParameterType)])!.DeclaringType));

        var describer = store.Get<IdentityErrorDescriber>();
        Assert.IsType<LocalizedIdentityErrors>(describer);
        Assert.Equal("Құпиясөз кемінде 12 таңбадан тұруы тиіс.", ProblemWording.InCulture("kk-KZ", () => describer.PasswordTooShort(12).Description));
        Assert.Equal("Пароль должен содержать цифру.", ProblemWording.InCulture("ru-RU", () => describer.PasswordRequiresDigit().Description));
        Assert.Equal("PasswordRequiresDigit", describer.PasswordRequiresDigit().Code);
    }

    [Fact]
    public async Task A_weak_password_gives_password_problems_with_codes_and_stores_no_account()
    {
        var accounts = store.Get<AccountAdministration>();
        var before = await CountAsync(db => db.Users.CountAsync());

        var result = await accounts.CreateAsync(new NewAccount("weak.password@test.kz", "Weak", Roles.Manager, null, "weak"), TestUsers.Administrator());

        Assert.False(result.Succeeded);
        Assert.All(result.Problems, p => Assert.Equal(AccountField.Password, p.Field));
        Assert.Contains(result.Problems, p => p.Code == "identity.PasswordTooShort");
        Assert.Contains(result.Problems, p => p.Code == "identity.PasswordRequiresDigit");
        Assert.Equal(before, await CountAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task A_bad_token_request_gives_problems_beside_its_fields_and_issues_nothing()
    {
        var tokens = store.Get<ApiTokenService>();
        var before = await CountAsync(db => db.ApiTokens.CountAsync());

        var refused = Assert.IsType<TokenIssueResult.Refused>(await tokens.IssueAsync(" ", Roles.RegionalOfficer, "KZ-00", TestUsers.Administrator()));
        var wrongRole = Assert.IsType<TokenIssueResult.Refused>(await tokens.IssueAsync("portal", "Owner", null, TestUsers.Administrator()));

        Assert.Equal([(TokenField.Name, TokenProblems.NameInvalid), (TokenField.Region, TokenProblems.RegionUnknown)],
            refused.Problems.Select(p => (p.Field, p.Code)));
        Assert.Equal((TokenField.Role, TokenProblems.RoleUnknown), (Assert.Single(wrongRole.Problems).Field, wrongRole.Problems[0].Code));
        Assert.Equal("«Owner» рөлі жоқ.", Text.Worded(wrongRole.Problems[0], "kk-KZ"));
        Assert.Equal(before, await CountAsync(db => db.ApiTokens.CountAsync()));
    }

    [Fact]
    public async Task A_bad_report_gives_problems_with_codes_and_arguments_and_stores_nothing()
    {
        var commands = store.Get<ReportCommands>();
        var before = await CountAsync(db => db.Revisions.CountAsync());
        var input = new ReportInput("KZ-75", new DateOnly(2024, 6, 1), -1,
            new Dictionary<string, int> { ["cat9"] = 1 }, new Dictionary<string, int>(), new Dictionary<string, int> { ["XX"] = 1 });

        var invalid = Assert.IsType<SaveResult.Invalid>(await commands.SaveAsync(input, TestUsers.Analyst(), null));

        Assert.Contains(invalid.Problems, p => (p.Field, p.Code) == (ReportField.Total, ReportProblems.CountOutOfRange));
        Assert.Contains(invalid.Problems, p => (p.Field, p.Key, p.Code) == (ReportField.Categories, "cat9", ReportProblems.UnknownCategory));
        Assert.Contains(invalid.Problems, p => (p.Field, p.Key, p.Code) == (ReportField.Countries, "XX", ReportProblems.UnknownCountry));
        var total = invalid.Problems.First(p => p.Field == ReportField.Total);
        Assert.Equal("Число должно быть целым от 0 до 1 000 000, а не -1.", Text.Worded(total, "ru-RU").Replace('\u00A0', ' ').Replace('\u202F', ' '));
        Assert.Equal(before, await CountAsync(db => db.Revisions.CountAsync()));
    }

    [Fact]
    public async Task A_bad_csv_gives_problems_placed_by_row_and_column_and_stores_nothing()
    {
        var before = await CountAsync(db => db.Revisions.CountAsync());

        var result = await store.Get<ReportUploads>().UploadAsync(new MemoryStream("region;month;total\nKZ-75;2024-06;1\n"u8.ToArray()), TestUsers.Analyst());

        var problem = Assert.Single(Assert.IsType<UploadResult.Refused>(result).Problems);
        Assert.Equal((1, null, ReportProblems.HeaderSemicolons), (problem.Row, problem.Column, problem.Code));
        Assert.StartsWith("Столбцы разделены точкой с запятой", Text.Worded(problem, "ru-RU"));
        Assert.Equal(before, await CountAsync(db => db.Revisions.CountAsync()));
    }

    private async Task<int> CountAsync(Func<QuotaDbContext, Task<int>> count)
    {
        await using var db = store.CreateContext();
        return await count(db);
    }
}
