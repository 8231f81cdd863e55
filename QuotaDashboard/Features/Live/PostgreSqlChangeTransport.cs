using Npgsql;
using QuotaDashboard.Data;
using QuotaDashboard.Features.Dashboard;

namespace QuotaDashboard.Features.Live;

/// <summary>Changes carried by the store itself: PostgreSQL's LISTEN/NOTIFY, so instances on one database need no other server.</summary>
public sealed class PostgreSqlChangeTransport(StoreSettings store, ChangeBroadcast broadcast, DashboardCache cache, ILogger<PostgreSqlChangeTransport> logger)
    : ChangeTransport(broadcast, cache, logger), IAsyncDisposable
{
    public const string ChannelName = "quota_dashboard_changes";

    // Its own pool, apart from the store's: a listening connection is held open for as long as the instance runs.
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(
        new NpgsqlConnectionStringBuilder(store.ConnectionString) { KeepAlive = 15, ApplicationName = "QuotaDashboard changes" }.ConnectionString);

    protected override async Task ListenAsync(Action listening, Func<string, Task> received, CancellationToken ct)
    {
        await using var connection = await _source.OpenConnectionAsync(ct);
        connection.Notification += (_, e) => _ = received(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {ChannelName}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }
        listening();
        while (true)
        {
            await connection.WaitAsync(ct);
        }
    }

    protected override async Task SendAsync(string message, CancellationToken ct)
    {
        await using var notify = _source.CreateCommand($"SELECT pg_notify('{ChannelName}', $1)");
        notify.Parameters.Add(new NpgsqlParameter { Value = message });
        await notify.ExecuteNonQueryAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        Dispose();
    }
}
