using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QuotaDashboard.Benchmarks;

/// <summary>
/// A Blazor Server circuit without a browser: it starts the circuit for a prerendered page, acknowledges every render batch
/// and answers every JS interop call at once, so that what it measures is the server's own cost.
/// </summary>
public sealed partial class CircuitClient : IAsyncDisposable
{
    private const int JSObjectReferenceResult = 1;

    private readonly HubConnection _connection;
    private readonly HttpClient _http;
    private readonly TaskCompletionSource _rendererAttached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private readonly List<Watch> _watches = [];
    private long _nextJSObjectId;

    private sealed record Watch(byte[][] Needles, long Start, TaskCompletionSource<TimeSpan> Seen);

    private CircuitClient(HubConnection connection, HttpClient http)
    {
        _connection = connection;
        _http = http;
    }

    public string? CircuitId { get; private set; }

    /// <summary>What the server reported through <c>JS.Error</c>, if it ended the circuit.</summary>
    public string? Error { get; private set; }

    public int RenderBatches { get; private set; }

    /// <summary>
    /// Loads <paramref name="path"/> with the caller's cookies, starts its circuit and returns once a render batch carries one of
    /// <paramref name="ready"/> (the figure that says the interactive page has its data).
    /// </summary>
    public static async Task<CircuitClient> OpenAsync(HttpClient http, CookieContainer cookies, Uri baseUri, string path, byte[][] ready, TimeSpan timeout)
    {
        var pageUri = new Uri(baseUri, path);
        var html = await http.GetStringAsync(pageUri);
        var markers = Markers(html);
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{pageUri} has no interactive server component markers: is the user signed in?");
        }
        var state = StateComment().Match(html) is { Success: true } m ? m.Groups["state"].Value : "";

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(baseUri, "_blazor"), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.Cookies = cookies;
            });
        builder.Services.RemoveAll<IHubProtocol>();
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        var connection = builder.Build();
        connection.HandshakeTimeout = timeout;
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        var client = new CircuitClient(connection, http);
        client.Listen();
        var opening = client.Expect(ready);

        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await connection.StartAsync(cancel.Token);
            client.CircuitId = await connection.InvokeAsync<string>("StartCircuit", baseUri.ToString(), pageUri.ToString(), "[]", state, cancel.Token)
                ?? throw new InvalidOperationException("The server refused to start a circuit.");
            // The markers are only accepted once the server has attached its renderer to the page, as the browser waits for it too.
            await client._rendererAttached.Task.WaitAsync(cancel.Token);
            var operations = new JsonObject
            {
                ["batchId"] = 1,
                ["operations"] = new JsonArray([.. markers.Select((marker, i) => (JsonNode)new JsonObject
                {
                    ["type"] = "add",
                    ["ssrComponentId"] = i + 1,
                    ["marker"] = WithUniqueId(marker, i),
                })]),
            };
            await connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancel.Token);
            await opening.WaitAsync(cancel.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts watching for a render batch that carries any of <paramref name="needles"/>; the time is counted from now.</summary>
    public Task<TimeSpan> Expect(byte[][] needles)
    {
        var watch = new Watch(needles, Stopwatch.GetTimestamp(), new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate)
        {
            _watches.Add(watch);
        }
        return watch.Seen.Task;
    }

    private void Listen()
    {
        _connection.On("JS.BeginInvokeJS", [typeof(long), typeof(string), typeof(string), typeof(int), typeof(long), typeof(int)], OnBeginInvokeJSAsync, this);
        _connection.On("JS.RenderBatch", [typeof(long), typeof(byte[])], OnRenderBatchAsync, this);
        _connection.On("JS.Error", [typeof(string)], args =>
        {
            Error = args[0] as string ?? "unknown error";
            FailWatches(new InvalidOperationException($"The circuit failed: {Error}"));
            return Task.CompletedTask;
        });
        _connection.Closed += ex =>
        {
            FailWatches(new InvalidOperationException("The circuit's connection closed.", ex));
            return Task.CompletedTask;
        };
    }

    private Task OnBeginInvokeJSAsync(object?[] args, object state)
    {
        var handle = (long)args[0]!;
        var identifier = args[1] as string;
        var resultType = (int)args[3]!;
        if (identifier == "Blazor._internal.attachWebRendererInterop")
        {
            _rendererAttached.TrySetResult();
        }
        if (handle == 0)
        {
            return Task.CompletedTask;
        }
        // A module import or a created chart is an object the server keeps a reference to; anything else needs no value.
        var result = resultType == JSObjectReferenceResult
            ? $"{{\"__jsObjectId\":{Interlocked.Increment(ref _nextJSObjectId)}}}"
            : "null";
        return _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,{result}]");
    }

    private Task OnRenderBatchAsync(object?[] args, object state)
    {
        var batchId = (long)args[0]!;
        var data = (byte[])args[1]!;
        RenderBatches++;
        List<Watch> seen;
        lock (_gate)
        {
            seen = _watches.Where(w => w.Needles.Any(n => data.AsSpan().IndexOf(n) >= 0)).ToList();
            _watches.RemoveAll(seen.Contains);
        }
        foreach (var watch in seen)
        {
            watch.Seen.TrySetResult(Stopwatch.GetElapsedTime(watch.Start));
        }
        return _connection.SendAsync("OnRenderCompleted", batchId, null);
    }

    private void FailWatches(Exception error)
    {
        List<Watch> failed;
        lock (_gate)
        {
            failed = [.. _watches];
            _watches.Clear();
        }
        foreach (var watch in failed)
        {
            watch.Seen.TrySetException(error);
        }
    }

    /// <summary>Frees the circuit on the server at once, as a closing browser tab does, then drops the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        if (CircuitId is { } id && _connection.State == HubConnectionState.Connected)
        {
            try
            {
                using var form = new FormUrlEncodedContent([new("circuitId", id)]);
                using var _ = await _http.PostAsync("_blazor/disconnect", form);
            }
            catch (HttpRequestException)
            {
                // The server is going away; the circuit goes with it.
            }
        }
        await _connection.DisposeAsync();
    }

    private static List<JsonObject> Markers(string html) =>
        ComponentComment().Matches(html)
            .Select(m => JsonNode.Parse(m.Groups["json"].Value) as JsonObject)
            .OfType<JsonObject>()
            .Where(o => (string?)o["type"] == "server" && o["descriptor"] is not null)
            .OrderBy(o => (int?)o["sequence"] ?? 0)
            .ToList();

    private static JsonObject WithUniqueId(JsonObject marker, int uniqueId)
    {
        var copy = (JsonObject)marker.DeepClone();
        copy["uniqueId"] = uniqueId;
        return copy;
    }

    [GeneratedRegex(@"<!--Blazor:(?<json>\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex ComponentComment();

    [GeneratedRegex(@"<!--Blazor-(?:Server-)?Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex StateComment();

    /// <summary>SignalR's MessagePack protocol under the name Blazor's hub expects.</summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new();

        public string Name => "blazorpack";

        public int Version => _inner.Version;

        public TransferFormat TransferFormat => _inner.TransferFormat;

        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }

    /// <summary>The ways a count can be printed on the page: the viewer's culture decides which.</summary>
    public static byte[][] Needles(long value) =>
    [
        .. new[] { "en", "ru" }.Select(c => value.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo(c))).Distinct().Select(Encoding.UTF8.GetBytes),
    ];
}
