using QuotaDashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddStartupFlags(args);
builder.AddQuotaDashboard();

var app = builder.Build();
await app.InitializeStoreAsync();
app.UseQuotaDashboard();
app.Run();

public partial class Program;
