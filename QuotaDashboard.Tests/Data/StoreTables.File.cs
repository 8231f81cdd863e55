using System.Text;
using Microsoft.Data.Sqlite;

namespace QuotaDashboard.Tests.Data;

public static partial class StoreTables
{
    /// <summary>Every row of every table of a SQLite file, in rowid order, as text: two stores are equal when their dumps are.</summary>
    public static string Dump(string file)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name;";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            dump.Append("## ").AppendLine(table);
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\" ORDER BY rowid;";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }
                dump.AppendLine();
            }
        }
        return dump.ToString();
    }

    public static int Count(string file, string table) => int.Parse(Single(Column(file, $"SELECT count(*) FROM \"{table}\";")));

    /// <summary>The first column of every row the statement gives, as text.</summary>
    public static List<string> Column(string file, string sql)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) ?? "");
        }
        return values;
    }

    private static string Single(List<string> values) => values is [var one] ? one : throw new InvalidOperationException($"{values.Count} values, not one.");
}
