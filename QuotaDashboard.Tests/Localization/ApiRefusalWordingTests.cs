using System.Net;
using System.Text;
using System.Text.Json;
using QuotaDashboard.Api;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Export;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Localization;

/// <summary>The release reader's and the export API's refusals come with their code, worded in the caller's language.</summary>
public sealed class ApiRefusalWordingTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private HttpClient Client(string role, string language)
    {
        var client = factory.CreateClientWithToken(role);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return client;
    }

    private static async Task<(string? Title, string? Detail, string? Code)> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var problem = Assert.Single(json.RootElement.GetProperty("problems").EnumerateArray().ToList());
        return (json.RootElement.GetProperty("title").GetString(), json.RootElement.GetProperty("detail").GetString(), problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task An_empty_release_text_is_refused_in_russian_with_its_code()
    {
        var response = await Client(Roles.Analyst, "ru").PostAsync("/api/releases/read", new StringContent(" ", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(("Текст выпуска не прочитан", "Тело запроса пустое; вставьте текст выпуска.", ReleaseTextProblems.Empty), await ProblemAsync(response));
    }

    [Fact]
    public async Task A_release_text_sent_as_json_is_refused_in_kazakh_with_the_type_it_was_sent_as()
    {
        var response = await Client(Roles.Analyst, "kk").PostAsync("/api/releases/read", new StringContent("Всего 14 103.", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (_, detail, code) = await ProblemAsync(response);
        Assert.Equal(ReleaseTextProblems.NotPlainText, code);
        Assert.Equal("Сұраныс денесі «application/json; charset=utf-8» ретінде жіберілген; жарияланым мәтінін text/plain; charset=utf-8 ретінде жіберіңіз.", detail);
    }

    [Fact]
    public async Task A_manager_asking_to_read_a_release_text_is_refused_in_kazakh_with_its_code()
    {
        var response = await Client(Roles.Manager, "kk").PostAsync("/api/releases/read", new StringContent("Всего 14 103.", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(("Тыйым салынған", "Жарияланым мәтіндерін тек министрлік талдаушылары ғана оқи алады.", ReleaseTextProblems.Forbidden),
            await ProblemAsync(response));
    }

    [Fact]
    public async Task An_export_that_does_not_exist_is_refused_in_russian_with_its_code_and_the_file_asked_for()
    {
        var response = await Client(Roles.Manager, "ru").GetAsync("/api/export/nothing.csv?asOf=2025-12");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var (title, detail, code) = await ProblemAsync(response);
        Assert.Equal(("Такой выгрузки нет", ExportProblems.Unknown), (title, code));
        Assert.StartsWith("«nothing.csv» — не выгрузка. Используйте одно из имён ", detail);
    }
}
