using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using QuotaDashboard.Components.Charts;

namespace QuotaDashboard.Tests.Components;

public sealed class ChartViewTests : BunitContext
{
    private const string ModulePath = "./Components/Charts/ChartView.razor.js";
    private readonly BunitJSModuleInterop _module;

    public ChartViewTests()
    {
        Services.AddLocalization(o => o.ResourcesPath = "Resources");
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        _module = JSInterop.SetupModule(ModulePath);
        _module.SetupModule(invocation => invocation.Identifier == "create");
        _module.SetupVoid("update", _ => true).SetVoidResult();
        _module.SetupVoid("destroy", _ => true).SetVoidResult();
    }

    private static ChartSpec Spec(params double?[] values) => new()
    {
        Kind = ChartKind.Bar,
        Locale = "en-US",
        Labels = values.Select((_, i) => $"L{i}").ToList(),
        Series = [new ChartSeries { Label = "Workers", Values = values }],
    };

    [Fact]
    public void Creates_the_chart_on_its_canvas_with_exactly_the_spec_it_is_given()
    {
        var spec = Spec(537, 2244, 3784);

        var cut = Render<ChartView>(p => p.Add(c => c.Spec, spec).Add(c => c.Title, "By category").Add(c => c.Name, "workers-by-category"));

        var create = Assert.Single(_module.Invocations["create"]);
        create.Arguments[0].ShouldBeElementReferenceTo(cut.Find("canvas"));
        Assert.Same(spec, create.Arguments[1]);
        Assert.Equal("By category", cut.Find("canvas").GetAttribute("aria-label"));
        Assert.Equal("img", cut.Find("canvas").GetAttribute("role"));
    }

    [Fact]
    public void Updates_the_same_chart_in_place_when_the_spec_changes()
    {
        var cut = Render<ChartView>(p => p.Add(c => c.Spec, Spec(1, 2)).Add(c => c.Title, "t").Add(c => c.Name, "n"));
        var changed = Spec(3, 4);

        cut.Render(p => p.Add(c => c.Spec, changed));

        Assert.Single(_module.Invocations["create"]);
        var update = Assert.Single(_module.Invocations["update"]);
        Assert.IsAssignableFrom<IJSObjectReference>(update.Arguments[0]);
        Assert.Same(changed, update.Arguments[1]);
    }

    [Fact]
    public void Does_not_redraw_when_rendered_again_with_the_same_spec()
    {
        var spec = Spec(1, 2);
        var cut = Render<ChartView>(p => p.Add(c => c.Spec, spec).Add(c => c.Title, "t").Add(c => c.Name, "n"));

        cut.Render(p => p.Add(c => c.Spec, spec).Add(c => c.Height, 400));

        Assert.Empty(_module.Invocations["update"]);
    }

    [Fact]
    public async Task A_spec_that_changes_while_the_chart_is_being_created_is_drawn_once_the_chart_exists()
    {
        var browser = new SlowBrowser();
        using var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton<IJSRuntime>(browser);
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        var first = Spec(1, 2);
        var cut = context.Render<ChartView>(p => p.Add(c => c.Spec, first).Add(c => c.Title, "t").Add(c => c.Name, "n"));
        var create = await browser.CalledAsync("create");
        var changed = Spec(3, 4);

        cut.Render(p => p.Add(c => c.Spec, changed));
        Assert.DoesNotContain(browser.Calls, c => c.Identifier == "update");
        create.Result.SetResult(new Reference(browser));
        var update = await browser.CalledAsync("update");

        Assert.Same(first, create.Args[1]);
        Assert.Same(changed, update.Args[1]);
        Assert.Single(browser.Calls, c => c.Identifier == "update");
    }

    /// <summary>A browser that answers the import at once and every other call only when the test says so.</summary>
    private sealed class SlowBrowser : IJSRuntime
    {
        public sealed record Call(string Identifier, object?[] Args, TaskCompletionSource<object?> Result);

        private readonly Dictionary<string, TaskCompletionSource<Call>> _first = [];

        public List<Call> Calls { get; } = [];

        /// <summary>The first call of <paramref name="identifier"/>, once it is made.</summary>
        public Task<Call> CalledAsync(string identifier)
        {
            lock (_first)
            {
                return (_first.TryGetValue(identifier, out var first) ? first : _first[identifier] = new()).Task.WaitAsync(TimeSpan.FromSeconds(10));
            }
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => InvokeAsync<TValue>(identifier, CancellationToken.None, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args)
        {
            if (identifier == "import")
            {
                return ValueTask.FromResult((TValue)(object)new Reference(this));
            }
            var call = new Call(identifier, args ?? [], new TaskCompletionSource<object?>());
            lock (_first)
            {
                Calls.Add(call);
                (_first.TryGetValue(identifier, out var first) ? first : _first[identifier] = new()).TrySetResult(call);
            }
            return new ValueTask<TValue>(call.Result.Task.ContinueWith(t => (TValue)t.Result!, TaskScheduler.Default));
        }
    }

    /// <summary>The module or a chart: calls on either reach the browser.</summary>
    private sealed class Reference(IJSRuntime browser) : IJSObjectReference
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) => browser.InvokeAsync<TValue>(identifier, args);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            browser.InvokeAsync<TValue>(identifier, cancellationToken, args);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Destroys_the_chart_when_it_is_disposed()
    {
        var cut = Render<ChartView>(p => p.Add(c => c.Spec, Spec(1)).Add(c => c.Title, "t").Add(c => c.Name, "n"));

        await cut.Instance.DisposeAsync();

        Assert.Single(_module.Invocations["destroy"]);
    }
}
