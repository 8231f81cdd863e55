using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Releases;

// In the API's namespace, beside the reader it serves: the API maps it without knowing the feature's namespace.
namespace QuotaDashboard.Api;

/// <summary><c>POST /api/releases/read</c>: an analyst's release text in, the proposed figures out; nothing is stored.</summary>
public static class ReleaseReadEndpoint
{
    public const int MaxBytes = 100 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RouteGroupBuilder MapReleaseReader(this RouteGroupBuilder api)
    {
        api.MapPost("/releases/read", async (HttpContext http, ReleaseTextReader reader, CancellationToken ct) =>
        {
            if (!http.User.IsInRole(Roles.Analyst))
            {
                return Problem(StatusCodes.Status403Forbidden, "Forbidden", "Only analysts read release texts.");
            }
            var (text, problem) = await ReadTextAsync(http.Request, ct);
            return problem ?? Results.Json(reader.Read(text!), Json);
        });
        return api;
    }

    /// <summary>The body as text, or the problem that says why it is not one; reads at most one byte past the limit.</summary>
    internal static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, NotText($"The body is sent as '{request.ContentType}'; send the release text as text/plain; charset=utf-8."));
        }
        if (request.ContentLength > MaxBytes)
        {
            return (null, TooLarge());
        }
        // Read at most one byte past the limit, whatever Content-Length says (or when it is absent).
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBytes + 1);
        try
        {
            var length = 0;
            int read;
            while (length <= MaxBytes && (read = await request.Body.ReadAsync(buffer.AsMemory(length, MaxBytes + 1 - length), ct)) > 0)
            {
                length += read;
            }
            if (length > MaxBytes)
            {
                return (null, TooLarge());
            }
            var bytes = buffer.AsSpan(0, length);
            if (bytes.StartsWith(Encoding.UTF8.Preamble))
            {
                bytes = bytes[Encoding.UTF8.Preamble.Length..];
            }
            string text;
            try
            {
                text = StrictUtf8.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return (null, NotText("The body is not valid UTF-8 text."));
            }
            if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')))
            {
                return (null, NotText("The body holds control characters (such as NUL bytes), so it is not a text; paste the release's words."));
            }
            return string.IsNullOrWhiteSpace(text)
                ? (null, Problem(StatusCodes.Status400BadRequest, "Empty text", "The body is empty; paste the text of a release."))
                : (text, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static IResult NotText(string detail) => Problem(StatusCodes.Status400BadRequest, "Not text", detail);

    private static IResult TooLarge() =>
        Problem(StatusCodes.Status400BadRequest, "Text too long", $"A release text may be at most {MaxBytes / 1024} KB; this one is longer.");

    private static IResult Problem(int status, string title, string detail) => Results.Problem(statusCode: status, title: title, detail: detail);
}
