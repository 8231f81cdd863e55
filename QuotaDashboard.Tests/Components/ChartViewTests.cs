using Bunit;
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
    public async Task Destroys_the_chart_when_it_is_disposed()
    {
        var cut = Render<ChartView>(p => p.Add(c => c.Spec, Spec(1)).Add(c => c.Title, "t").Add(c => c.Name, "n"));

        await cut.Instance.DisposeAsync();

        Assert.Single(_module.Invocations["destroy"]);
    }
}
