using System.CommandLine;

namespace Ocop.MarketSync.Worker.Cli;

/// <summary><c>healthcheck</c>: for container HEALTHCHECKs, where the runtime image has no curl.</summary>
internal static class HealthCheckCommand
{
    public static Command Create()
    {
        var url = new Option<Uri>("--url")
        {
            Description = "Endpoint to probe.",
            DefaultValueFactory = _ => new Uri("http://127.0.0.1:8080/health/live"),
            // System.CommandLine has no built-in conversion to Uri: without this, any --url stopped the command.
            CustomParser = result => Uri.TryCreate(result.Tokens.Single().Value, UriKind.Absolute, out var uri)
                ? uri
                : Fail(result),
        };
        var command = new Command("healthcheck", "Exit 0 when the liveness endpoint answers 2xx within 5 s, else 1.") { url };
        command.SetAction(async (parse, ct) =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            try
            {
                using var response = await http.GetAsync(parse.GetValue(url), ct);
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                await Console.Error.WriteLineAsync($"unhealthy: {ex.Message}");
                return 1;
            }
        });
        return command;
    }

    private static Uri? Fail(System.CommandLine.Parsing.ArgumentResult result)
    {
        result.AddError($"--url '{result.Tokens.Single().Value}' is not an absolute URL.");
        return null;
    }
}
