using System.Globalization;
using Ocop.MarketSync.Benchmarks;

// dotnet run -c Release --project tests/Ocop.MarketSync.Benchmarks -- [--products N] [--channels C] [--telemetry]
// dotnet run -c Release --project tests/Ocop.MarketSync.Benchmarks -- --reconcile N
// dotnet run -c Release --project tests/Ocop.MarketSync.Benchmarks -- --latency SECONDS
var latency = Arg("--latency", 0);
if (latency > 0)
{
    return await LatencyBenchmark.RunAsync(TimeSpan.FromSeconds(latency), TimeSpan.FromMilliseconds(Arg("--interval-ms", 500)));
}

var reconcile = Arg("--reconcile", 0);
if (reconcile > 0)
{
    return await ReconcileBenchmark.RunAsync(reconcile);
}

var products = Arg("--products", 20_000);
var channels = Arg("--channels", 5);
return await FanOutBenchmark.RunAsync(products, channels, args.Contains("--telemetry"));

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
