using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QuotaDashboard.Api;
using QuotaDashboard.Data;
using QuotaDashboard.Tests.Infrastructure;

namespace QuotaDashboard.Tests.Releases;

public sealed class ReleaseReadEndpointTests(AppFactory factory) : IClassFixture<AppFactory>
{
    private const string Path = "/api/releases/read";

    private static StringContent Text(string text) => new(text, Encoding.UTF8, "text/plain");

    [Fact]
    public async Task An_analyst_gets_the_proposal_of_the_seed_text_in_snake_case()
    {
        var client = factory.CreateClientWithToken(Roles.Analyst);

        var response = await client.PostAsync(Path, Text(ReleaseTextReaderTests.SeedText));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        Assert.Equal("ru", root.GetProperty("language").GetString());
        Assert.Equal("2025-12-01", root.GetProperty("as_of").GetProperty("date").GetString());
        Assert.Equal("day", root.GetProperty("as_of").GetProperty("precision").GetString());
        var figures = root.GetProperty("figures").EnumerateArray().ToList();
        Assert.Equal(24, figures.Count);
        var total = figures[0];
        Assert.Equal(("total", JsonValueKind.Null, 14_103m), (total.GetProperty("figure").GetString(), total.GetProperty("key").ValueKind, total.GetProperty("value").GetDecimal()));
        var sentence = total.GetProperty("sentence");
        Assert.Contains("14 103", ReleaseTextReaderTests.SeedText[sentence.GetProperty("start").GetInt32()..sentence.GetProperty("end").GetInt32()], StringComparison.Ordinal);
        Assert.Equal(
            ["14800", "16500", "19400", "16700"],
            figures.Where(f => f.GetProperty("figure").GetString() == "quota_units").Select(f => f.GetProperty("value").GetRawText()));
        Assert.All(figures.Where(f => f.GetProperty("figure").GetString() == "quota_units"), f => Assert.Equal("2025", f.GetProperty("key").GetString()));
        Assert.Empty(root.GetProperty("unplaced").EnumerateArray());
    }

    [Fact]
    public async Task Unplaced_numbers_come_with_their_text_value_and_span()
    {
        var client = factory.CreateClientWithToken(Roles.Analyst);
        const string text = "Officials expect about 500 more applications.";

        using var json = JsonDocument.Parse(await (await client.PostAsync(Path, Text(text))).Content.ReadAsStringAsync());

        var unplaced = Assert.Single(json.RootElement.GetProperty("unplaced").EnumerateArray().ToList());
        Assert.Equal(("500", 500m, 23, 26), (unplaced.GetProperty("text").GetString(), unplaced.GetProperty("value").GetDecimal(),
            unplaced.GetProperty("start").GetInt32(), unplaced.GetProperty("end").GetInt32()));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("as_of").ValueKind);
    }

    [Theory]
    [InlineData(Roles.Manager, null)]
    [InlineData(Roles.RegionalOfficer, "KZ-75")]
    [InlineData(Roles.Administrator, null)]
    public async Task Everyone_but_an_analyst_is_refused_with_a_problem(string role, string? region)
    {
        var client = factory.CreateClientWithToken(role, region);

        var response = await client.PostAsync(Path, Text(ReleaseTextReaderTests.SeedText));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_anonymous_caller_gets_no_proposal()
    {
        var response = await factory.CreateClient().PostAsync(Path, Text(ReleaseTextReaderTests.SeedText));

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("nothing", ReleaseTextProblems.Empty)]
    [InlineData("blanks", ReleaseTextProblems.Empty)]
    [InlineData("png", ReleaseTextProblems.NotUtf8)]
    [InlineData("invalid utf-8", ReleaseTextProblems.NotUtf8)]
    [InlineData("json", ReleaseTextProblems.NotPlainText)]
    [InlineData("octet-stream", ReleaseTextProblems.NotPlainText)]
    [InlineData("no content type", ReleaseTextProblems.NotPlainText)]
    [InlineData("utf-16", ReleaseTextProblems.NotPlainText)]
    [InlineData("over 100 KB", ReleaseTextProblems.TooLong)]
    public async Task A_body_that_is_empty_not_text_or_too_long_gets_400_with_its_code_and_a_message(string body, string code)
    {
        var client = factory.CreateClientWithToken(Roles.Analyst);

        var response = await client.PostAsync(Path, BadBody(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(code, Assert.Single(problem.RootElement.GetProperty("problems").EnumerateArray().ToList()).GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    private static HttpContent BadBody(string name) => name switch
    {
        "nothing" => Text(""),
        "blanks" => Text(" \n\t "),
        "png" => Bytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], "text/plain"),
        "invalid utf-8" => Bytes([0xD0, 0x9F, 0xFF, 0xFE, 0x41], "text/plain"),
        "json" => new StringContent("Всего 14 103.", Encoding.UTF8, "application/json"),
        "octet-stream" => Bytes(Encoding.UTF8.GetBytes("Всего 14 103."), "application/octet-stream"),
        "no content type" => Bytes(Encoding.UTF8.GetBytes("Всего 14 103."), null),
        "utf-16" => new StringContent("Всего 14 103.", Encoding.Unicode, "text/plain"),
        "over 100 KB" => Text(new string('а', ReleaseReadEndpoint.MaxBytes / 2 + 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static ByteArrayContent Bytes(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        return content;
    }

    [Fact]
    public async Task A_body_over_the_limit_without_a_content_length_gets_400()
    {
        var client = factory.CreateClientWithToken(Roles.Analyst);
        var body = new StreamContent(new CountingStream(ReleaseReadEndpoint.MaxBytes * 10)) { Headers = { ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" } } };
        using var request = new HttpRequestMessage(HttpMethod.Post, Path) { Content = body };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(ReleaseTextProblems.TooLong, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_after_reading_one_byte_past_the_limit()
    {
        var stream = new CountingStream(ReleaseReadEndpoint.MaxBytes * 10);
        var http = new DefaultHttpContext();
        http.Request.ContentType = "text/plain; charset=utf-8";
        http.Request.Body = stream;

        var (text, problem) = await ReleaseReadEndpoint.ReadTextAsync(http.Request, CancellationToken.None);

        Assert.Null(text);
        Assert.NotNull(problem);
        Assert.Equal(ReleaseReadEndpoint.MaxBytes + 1, stream.Served);
    }

    [Fact]
    public async Task Reading_a_text_writes_nothing()
    {
        var analyst = factory.CreateClientWithToken(Roles.Analyst);
        var manager = factory.CreateClientWithToken(Roles.Manager);
        var before = await CountsAsync();

        Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsync(Path, Text(ReleaseTextReaderTests.SeedText))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await analyst.PostAsync(Path, Text(""))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.PostAsync(Path, Text(ReleaseTextReaderTests.SeedText))).StatusCode);

        Assert.Equal(before, await CountsAsync());
    }

    private async Task<(int Releases, int Figures, int QuotaRevisions, int Audit)> CountsAsync()
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<QuotaDbContext>>().CreateDbContextAsync();
        return (await db.Releases.CountAsync(), await db.PublishedFigures.CountAsync(), await db.QuotaRevisions.CountAsync(),
            await db.Audit.CountAsync());
    }

    /// <summary>An endless run of the letter "а" in UTF-8, counting how much of it the server asked for.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Served);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = (Served + i) % 2 == 0 ? (byte)0xD0 : (byte)0xB0;
            }
            Served += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
