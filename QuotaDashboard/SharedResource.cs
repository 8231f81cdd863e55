namespace QuotaDashboard;

/// <summary>Marks the UI text resources: Resources/SharedResource.resx (English), .ru.resx (Russian) and .kk.resx (Kazakh).</summary>
public sealed class SharedResource;
