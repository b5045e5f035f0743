using System.Globalization;
using Ocop.MarketSync.Benchmarks;

// dotnet run -c Release --project tests/Ocop.MarketSync.Benchmarks -- [--products N] [--channels C] [--telemetry] [--plan-per-channel]
// dotnet run -c Release --project tests/Ocop.MarketSync.Benchmarks -- --reconcile N
// dotnet run -c Release --project tests/Ocop.MarketSync.Benchmarks -- --latency SECONDS
// dotnet run -c Release --project tests/Ocop.MarketSync.Benchmarks -- --rate 50 --latency-ms 150 --jitter-ms 50 --write-batch 1
//     [--products 5000] [--channels 5] [--max-in-flight 16] [--server-errors 0.05] [--lost 0.02] [--images 4]
var sandboxes = Arg("--serve-sandboxes", 0);
if (sandboxes > 0 || args.Contains("--rate"))
{
    var profile = new MarketplaceProfile(sandboxes > 0 ? sandboxes : Arg("--channels", 5), Number("--rate", 50), Arg("--latency-ms", 150),
        Arg("--jitter-ms", 50), Number("--server-errors", 0), Number("--lost", 0), Arg("--images", 0));
    return sandboxes > 0
        ? await SandboxProcess.ServeAsync(profile)
        : await ThroughputBenchmark.RunAsync(profile, Arg("--products", 5000), Arg("--write-batch", 1), Arg("--max-in-flight", 16));
}

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
return await FanOutBenchmark.RunAsync(products, channels, args.Contains("--telemetry"), args.Contains("--plan-per-channel"));

double Number(string name, double fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? double.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}

int Arg(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
}
