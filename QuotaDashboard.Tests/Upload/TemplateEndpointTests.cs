using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Upload;

/// <summary><c>GET /reports/template.csv</c> through the real HTTP pipeline, signed in through the sign-in form.</summary>
public sealed class TemplateEndpointTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Template = "/reports/template.csv";

    private HttpClient Client() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private Task<HttpClient> SignedInAsync(string role, string? region = null) => factory.SignedInClientAsync(role, region);

    [Fact]
    public async Task Anonymous_requests_are_sent_to_the_sign_in_page()
    {
        var response = await Client().GetAsync(Template);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_signed_in_officer_gets_csv_with_a_byte_order_mark_the_header_and_a_row_for_their_region()
    {
        var client = await SignedInAsync(Roles.RegionalOfficer, "KZ-75");

        var response = await client.GetAsync(Template);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("report-template.csv", response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Equal(UploadFiles.HeaderLine, lines[0]);
        Assert.StartsWith("KZ-75," + DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture) + ",,", lines[1]);
    }

    [Fact]
    public async Task A_signed_in_analyst_gets_the_template_too()
    {
        var response = await (await SignedInAsync(Roles.Analyst)).GetAsync(Template);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("\uFEFF" + UploadFiles.HeaderLine, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_manager_who_enters_no_reports_is_refused()
    {
        var response = await (await SignedInAsync(Roles.Manager)).GetAsync(Template);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_api_token_gets_no_template()
    {
        var client = Client();
        client.DefaultRequestHeaders.Authorization = new("Bearer", factory.IssueToken(Roles.Analyst));

        var response = await client.GetAsync(Template);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
