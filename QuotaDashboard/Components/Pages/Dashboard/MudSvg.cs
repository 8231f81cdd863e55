using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>
/// A MudBlazor icon as the markup MudIcon renders, made once per process: in a page it is one render-tree frame that every open
/// page shares, where the element and its attributes would be eight frames in each.
/// </summary>
public static class MudSvg
{
    private static readonly ConcurrentDictionary<(string Icon, string Classes), MarkupString> Made = new();

    /// <summary>The icon's <c>svg</c> element with MudBlazor's classes for its <paramref name="size"/> and any <paramref name="more"/>.</summary>
    public static MarkupString Icon(string icon, string size = "medium", string? more = null) =>
        Made.GetOrAdd((icon, more is null ? $"mud-icon-root mud-svg-icon mud-icon-size-{size}" : $"mud-icon-root mud-svg-icon mud-icon-size-{size} {more}"),
            static key => new MarkupString(
                $"<svg class=\"{key.Classes}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">{key.Icon}</svg>"));
}
