using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using QuotaDashboard.Components.Shared;
using QuotaDashboard.Data;
using QuotaDashboard.Features;
using QuotaDashboard.Features.Releases;

// In the API's namespace, beside the reader it serves: the API maps it without knowing the feature's namespace.
namespace QuotaDashboard.Api;

/// <summary><c>POST /api/releases/read</c>: an analyst's release text in, the proposed figures out; nothing is stored.</summary>
public static class ReleaseReadEndpoint
{
    public const int MaxBytes = 100 * 1024;

    // The field of every problem of a request to read a text.
    private const string Body = "body";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static RouteGroupBuilder MapReleaseReader(this RouteGroupBuilder api)
    {
        api.MapPost("/releases/read", async (HttpContext http, ReleaseTextReader reader, IStringLocalizer<SharedResource> words, CancellationToken ct) =>
        {
            if (!http.User.IsInRole(Roles.Analyst))
            {
                return ProblemResults.Forbidden(words, new Problem(Body, ReleaseTextProblems.Forbidden));
            }
            var (text, problem) = await ReadTextAsync(http.Request, ct);
            return problem is not null
                ? ProblemResults.Of(words, StatusCodes.Status400BadRequest, words["The release text was not read"], [problem])
                : Results.Json(reader.Read(text!), Json);
        });
        return api;
    }

    /// <summary>The body as text, or the problem that says why it is not one; reads at most one byte past the limit.</summary>
    internal static async Task<(string? Text, Problem? Problem)> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("text/plain", StringComparison.OrdinalIgnoreCase)
            || (type.Charset.HasValue && !type.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, new Problem(Body, ReleaseTextProblems.NotPlainText, request.ContentType ?? ""));
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
                return (null, new Problem(Body, ReleaseTextProblems.NotUtf8));
            }
            if (text.Any(c => char.IsControl(c) && c is not ('\t' or '\n' or '\r' or '\f')))
            {
                return (null, new Problem(Body, ReleaseTextProblems.ControlCharacters));
            }
            return string.IsNullOrWhiteSpace(text)
                ? (null, new Problem(Body, ReleaseTextProblems.Empty))
                : (text, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static Problem TooLarge() => new(Body, ReleaseTextProblems.TooLong, MaxBytes / 1024);
}

/// <summary>Why the release reader refuses a request; worded at the edge as <c>problem.{code}</c>.</summary>
public static class ReleaseTextProblems
{
    public const string Forbidden = "release-text.forbidden";
    public const string Empty = "release-text.empty";
    /// <summary>{0} the content type the body was sent as.</summary>
    public const string NotPlainText = "release-text.not-plain-text";
    public const string NotUtf8 = "release-text.not-utf8";
    public const string ControlCharacters = "release-text.control-characters";
    /// <summary>{0} the most kilobytes a text may have.</summary>
    public const string TooLong = "release-text.too-long";
}
