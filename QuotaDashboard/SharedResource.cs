namespace QuotaDashboard;

/// <summary>Marks the UI text resources: Resources/SharedResource.resx (English) and .ru.resx (Russian).</summary>
public sealed class SharedResource;
