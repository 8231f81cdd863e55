namespace QuotaDashboard.Tests.Infrastructure;

/// <summary>
/// Tests that read an app's <c>/metrics</c>, alone in the process. OpenTelemetry listens to every meter of the product's name in the
/// process and feeds the same instruments of all of them into one stream, which it drops for good once any one of those meters is
/// disposed: another test's app stopping mid-test would take the metrics out of this test's scrape.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics";
}
