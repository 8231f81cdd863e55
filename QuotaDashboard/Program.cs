using QuotaDashboard.Features.Store;
using QuotaDashboard.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddStartupFlags(args);
builder.AddQuotaDashboard();

var app = builder.Build();
if (await app.RunStoreCommandAsync(args))
{
    return;
}
await app.InitializeStoreAsync();
app.UseQuotaDashboard();
app.Run();

public partial class Program;
