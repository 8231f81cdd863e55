using Microsoft.Extensions.Localization;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Access;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Access;

/// <summary>Revoking an API token refuses with a problem the token page words in the reader's language, never an exception.</summary>
public sealed class TokenRevocationTests(SeededDatabase store) : IClassFixture<SeededDatabase>
{
    private ApiTokenService Tokens => store.Get<ApiTokenService>();

    private async Task<ApiTokenView> IssueAsync()
    {
        var issued = Assert.IsType<TokenIssueResult.Issued>(await Tokens.IssueAsync("statistics portal", Roles.Manager, null, TestUsers.Administrator()));
        return issued.Token.Token;
    }

    [Fact]
    public async Task Someone_who_is_not_an_administrator_is_refused_with_a_problem_and_the_token_stays_valid()
    {
        var token = await IssueAsync();

        var problem = await Tokens.RevokeAsync(token.Id, TestUsers.Analyst());

        Assert.Equal((TokenField.Token, TokenProblems.Forbidden), (problem?.Field, problem?.Code));
        Assert.Null((await Tokens.ListAsync()).Single(t => t.Id == token.Id).RevokedAtUtc);
    }

    [Fact]
    public async Task A_token_revoked_already_is_refused_by_name_in_kazakh()
    {
        var token = await IssueAsync();
        Assert.Null(await Tokens.RevokeAsync(token.Id, TestUsers.Administrator()));

        var problem = await Tokens.RevokeAsync(token.Id, TestUsers.Administrator());

        Assert.NotNull(problem);
        Assert.Equal(TokenProblems.AlreadyRevoked, problem.Code);
        Assert.Equal("«statistics portal» токені бұрын кері қайтарылған.", store.Get<IStringLocalizer<SharedResource>>().Worded(problem, "kk-KZ"));
    }

    [Fact]
    public async Task A_token_that_does_not_exist_is_refused_as_missing()
    {
        var problem = await Tokens.RevokeAsync(int.MaxValue, TestUsers.Administrator());

        Assert.Equal(TokenProblems.Missing, problem?.Code);
    }
}
