using QuotaDashboard.Benchmarks;

return await BenchmarkProgram.RunAsync(args);
