using System.Globalization;
using QuotaDashboard.Components.Charts;
using QuotaDashboard.Features.Export;

namespace QuotaDashboard.Components.Pages.Dashboard;

/// <summary>One chart's exports for the current filters: the CSV/XLSX addresses and the PNG's labels.</summary>
public sealed record ChartExport(string Name, DateOnly Month, string? Region, string Filters)
{
    public string Url(string extension) =>
        $"api/export/{Name}.{extension}?asOf={Month:yyyy-MM-dd}{(Region is null ? "" : "&region=" + Uri.EscapeDataString(Region))}";

    public PngExportMeta Png(string title, string? source, string? note) => new(
        ExportService.FileName(Name, Month, Region, "png"),
        title,
        $"{Month.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} · {Filters}",
        source ?? "",
        note);
}
