using Microsoft.AspNetCore.Components;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>
/// A part of the dashboard that a live change renders again in every open page: it is drawn again only when what it shows
/// (<see cref="Shown"/>, compared by value) changed, or when something happened in it, such as a click.
/// </summary>
public abstract class ChangeAwareComponent : ComponentBase, IHandleEvent
{
    private object? _shown;
    private bool _changed = true;

    /// <summary>What the component shows, compared by value with what it showed last; null draws it every time.</summary>
    protected abstract object? Shown { get; }

    protected override void OnParametersSet()
    {
        var now = Shown;
        if (now is null || !now.Equals(_shown))
        {
            _changed = true;
        }
        _shown = now;
    }

    protected override bool ShouldRender()
    {
        var render = _changed;
        _changed = false;
        return render;
    }

    protected override void OnAfterRender(bool firstRender)
    {
        // The first render does not ask ShouldRender.
        if (firstRender)
        {
            _changed = false;
        }
    }

    /// <summary>As <see cref="ComponentBase"/> does, but an event always draws the component again.</summary>
    Task IHandleEvent.HandleEventAsync(EventCallbackWorkItem callback, object? arg)
    {
        var task = callback.InvokeAsync(arg);
        _changed = true;
        StateHasChanged();
        return task.Status is TaskStatus.RanToCompletion or TaskStatus.Canceled ? Task.CompletedTask : RenderAfterAsync(task);
    }

    private async Task RenderAfterAsync(Task task)
    {
        try
        {
            await task;
        }
        catch when (task.IsCanceled)
        {
            return;
        }
        _changed = true;
        StateHasChanged();
    }
}
