using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using QuotaDashboard.Components.Pages.Dashboard;

namespace QuotaDashboard.Tests.Components;

/// <summary>
/// The dashboard's filters and export menus are stood in for by plain markup until used: it must look exactly like the MudBlazor
/// component that replaces it, or the page would jump when someone reaches for it (and would drift on a MudBlazor upgrade).
/// </summary>
public sealed class StandInTests : IAsyncLifetime
{
    private static readonly HashSet<string> Compared = ["class", "role", "type", "readonly", "value", "viewbox", "focusable", "aria-hidden", "aria-label",
        "aria-haspopup", "aria-expanded", "aria-autocomplete", "aria-invalid", "aria-required", "inputmode"];

    private readonly BunitContext _context = new();

    public Task InitializeAsync()
    {
        _context.Services.AddMudServices();
        _context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Render<MudPopoverProvider>();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _context.DisposeAsync();

    /// <summary>What a person sees of an element and its descendants: tags, classes, roles, labels and text, without ids or hidden parts.</summary>
    private static List<string> Look(IElement root)
    {
        var look = new List<string>();
        void Walk(INode node, int depth)
        {
            if (node is IElement element)
            {
                if (element.GetAttribute("style")?.Contains("display:none", StringComparison.Ordinal) == true
                    || element.ClassList.Contains("mud-popover-cascading-value"))
                {
                    return;
                }
                var attributes = element.Attributes
                    .Where(a => Compared.Contains(a.Name))
                    .Select(a => a.Name == "class" ? $"class={string.Join(' ', element.ClassList.Order(StringComparer.Ordinal))}" : $"{a.Name}={a.Value}")
                    .Order(StringComparer.Ordinal);
                look.Add($"{new string(' ', depth)}<{element.LocalName} {string.Join(' ', attributes)}>");
            }
            else if (node is IText text && text.Text.Trim() is { Length: > 0 } content)
            {
                look.Add($"{new string(' ', depth)}{content}");
            }
            foreach (var child in node.ChildNodes)
            {
                Walk(child, depth + 1);
            }
        }
        Walk(root, 0);
        return look;
    }

    [Fact]
    public void The_filters_stand_in_looks_like_the_closed_select_it_stands_in_for()
    {
        var standIn = _context.Render<FilterSelect<string>>(p => p
            .Add(c => c.Label, "Month").Add(c => c.Value, "b").Add(c => c.Items, ["a", "b"]).Add(c => c.Text, v => $"Item {v}"));
        var select = _context.Render<MudSelect<string>>(p => p
            .Add(c => c.Label, "Month").Add(c => c.Value, "b").Add(c => c.Dense, true).Add(c => c.Variant, Variant.Outlined)
            .Add(c => c.Class, "filter-select").Add(c => c.ToStringFunc, v => $"Item {v}").Add(c => c.AnchorOrigin, Origin.BottomCenter));

        Assert.Equal(Look(select.Find("div.mud-select")), Look(standIn.Find("div.mud-select")));
    }

    [Fact]
    public void The_export_buttons_stand_in_looks_like_the_closed_menu_it_stands_in_for()
    {
        var export = new ChartExport("workers-by-sector", new DateOnly(2025, 12, 1), null, "");
        var standIn = _context.Render<ExportMenu>(p => p.Add(c => c.Label, "Export: Workers").Add(c => c.Export, export));
        var menu = _context.Render<MudMenu>(p => p
            .Add(c => c.Icon, Icons.Material.Filled.Download).Add(c => c.Size, Size.Small).Add(c => c.Dense, true).Add(c => c.AriaLabel, "Export: Workers")
            .Add(c => c.AnchorOrigin, Origin.BottomRight).Add(c => c.TransformOrigin, Origin.TopRight));

        Assert.Equal(Look(menu.Find("div.mud-menu")), Look(standIn.Find("div.mud-menu")));
    }
}
