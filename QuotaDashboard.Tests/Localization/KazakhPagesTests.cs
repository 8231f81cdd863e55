using System.Net;
using System.Text;
using System.Text.Json;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Export;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Localization;

/// <summary>Pages and files asked for in Kazakh through the real HTTP pipeline: by the browser's language, or by the reader's choice kept in the culture cookie.</summary>
public sealed class KazakhPagesTests(AppFactory factory) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("kk")]
    [InlineData("kk-KZ")]
    [InlineData("kk-KZ,kk;q=0.9,ru;q=0.8")]
    public async Task A_browser_that_asks_for_kazakh_gets_the_sign_in_page_in_kazakh(string acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);

        using var response = await factory.CreateClient().SendAsync(request);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<html lang=\"kk\"", html);
        Assert.Contains("<h1 class=\"account-heading\">Кіру</h1>", html);
        Assert.Contains("<label for=\"password\">Құпиясөз</label>", html);
        Assert.Contains("Шетелдік жұмыс күшін тартуға рұқсаттар және квота", html);
        Assert.DoesNotContain("Keep me signed in", html);
    }

    [Fact]
    public async Task The_sign_in_page_offers_english_russian_and_kazakh_each_in_its_own_words()
    {
        var html = WebUtility.HtmlDecode(await factory.CreateClient().GetStringAsync("/Account/Login"));

        Assert.Contains("<html lang=\"en\"", html);
        Assert.Contains("<a href=\"culture/set?culture=en&redirectUri=%2FAccount%2FLogin\" lang=\"en\">English</a>", html);
        Assert.Contains("<a href=\"culture/set?culture=ru&redirectUri=%2FAccount%2FLogin\" lang=\"ru\">Русский</a>", html);
        Assert.Contains("<a href=\"culture/set?culture=kk&redirectUri=%2FAccount%2FLogin\" lang=\"kk\">Қазақша</a>", html);
    }

    [Fact]
    public async Task Choosing_kazakh_keeps_it_in_the_culture_cookie_and_the_dashboard_is_then_in_kazakh_with_kazakh_region_names()
    {
        var client = await factory.SignedInClientAsync(Roles.Analyst);

        var chosen = await client.GetAsync("/culture/set?culture=kk&redirectUri=%2F%3FasOf%3D2025-12");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync(chosen.Headers.Location!.OriginalString));

        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/?asOf=2025-12", chosen.Headers.Location.OriginalString);
        Assert.Contains("c=kk|uic=kk", WebUtility.UrlDecode(string.Join(";", chosen.Headers.GetValues("Set-Cookie"))));
        Assert.Contains("<html lang=\"kk\"", html);
        Assert.Contains("Рұқсат санаттары бойынша жұмысшылар", html);
        Assert.Contains("Қарағанды облысы", html);
        Assert.DoesNotContain("Карагандинская область", html);
        Assert.DoesNotContain(">Karaganda", html);
        Assert.Contains("aria-pressed=\"true\"><span class=\"mud-button-label\">ҚАЗ</span>", html);
    }

    [Theory]
    [InlineData(ChartNames.Categories, "1-санат: бірінші басшылар және олардың орынбасарлары", "Категория 1")]
    [InlineData(ChartNames.Sectors, "Құрылыс", "Строительство")]
    [InlineData(ChartNames.Ranking, "Маңғыстау облысы", "Мангистауская область")]
    public async Task An_export_asked_for_in_kazakh_names_categories_sectors_and_regions_in_kazakh(string chart, string kazakh, string russian)
    {
        var client = factory.CreateClientWithToken(Roles.Manager);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("kk");

        var response = await client.GetAsync($"/api/export/{chart}.csv?asOf=2025-12");
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(kazakh, csv);
        Assert.DoesNotContain(russian, csv);
    }

    [Theory]
    [InlineData("en", "The language «uz» is not offered; choose one of en, ru, kk.")]
    [InlineData("ru", "Язык «uz» не поддерживается; выберите один из: en, ru, kk.")]
    [InlineData("kk", "«uz» тілі қолданылмайды; мыналардың бірін таңдаңыз: en, ru, kk.")]
    public async Task An_unsupported_language_is_refused_in_the_readers_language_with_a_code_and_the_list_of_those_offered(string reader, string detail)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/culture/set?culture=uz&redirectUri=/");
        request.Headers.AcceptLanguage.ParseAdd(reader);
        var response = await factory.CreateClient().SendAsync(request);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(detail, problem.RootElement.GetProperty("detail").GetString());
        var only = Assert.Single(problem.RootElement.GetProperty("problems").EnumerateArray());
        Assert.Equal("language.unknown", only.GetProperty("code").GetString());
        Assert.Equal("culture", only.GetProperty("field").GetString());
    }
}
