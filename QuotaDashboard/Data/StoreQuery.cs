using System.Collections.Concurrent;

namespace QuotaDashboard.Data;

/// <summary>
/// A compiled query for each engine: EF binds a compiled query to the model it first ran with, and each engine has its own
/// context type and model. A deployment uses one engine; one process may still hold both (a move from SQLite, the tests).
/// </summary>
public sealed class StoreQuery<TQuery>(Func<TQuery> compile) where TQuery : Delegate
{
    private readonly ConcurrentDictionary<Type, TQuery> _byStore = new();

    public TQuery this[QuotaDbContext db] => _byStore.GetOrAdd(db.GetType(), static (_, compile) => compile(), compile);
}
