using QuotaDashboard.SeedGenerator;

// Usage: dotnet run --project tools/QuotaDashboard.SeedGenerator -- [data-dir] [--check]
var check = args.Contains("--check");
var dataDirectory = args.FirstOrDefault(a => a != "--check") ?? "data";

if (check)
{
    var problems = InvariantChecker.Check(dataDirectory);
    foreach (var problem in problems)
        Console.Error.WriteLine(problem);
    Console.WriteLine(problems.Count == 0 ? "All invariants hold." : $"{problems.Count} invariant(s) broken.");
    return problems.Count == 0 ? 0 : 1;
}

var data = IllustrativeDataGenerator.Generate(dataDirectory);
IllustrativeDataGenerator.Write(data, dataDirectory);
Console.WriteLine($"Wrote {data.Reports.Count} rows to {Path.Combine(dataDirectory, IllustrativeDataGenerator.ReportsFileName)}");
Console.WriteLine($"Wrote {data.Allocations.Count} rows to {Path.Combine(dataDirectory, IllustrativeDataGenerator.AllocationsFileName)}");
return 0;
