using System.CommandLine;
using Ocop.MarketSync.Registry.Files;
using Ocop.MarketSync.Sync.Intake;
using Ocop.MarketSync.Worker.Hosting;
using Serilog;
using Spectre.Console;

namespace Ocop.MarketSync.Worker.Cli;

/// <summary><c>import FILE</c>: registry records from a JSON or CSV export, through the same validation as the API pull.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A .json array of records or a .csv in the format of docs/import-format.md." };
        var source = new Option<string>("--source")
        {
            Description = "Name recorded for the run (default: the file name).",
        };
        var command = new Command("import", "Import registry records from a file and print a summary.") { file, source };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]No such file:[/] {path.FullName}");
                return 1;
            }

            RegistryFileFormat format;
            try
            {
                format = RegistryFileReader.DetectFormat(path.FullName);
            }
            catch (RegistryFileException ex)
            {
                AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]{ex.Message}[/]");
                return 2;
            }

            try
            {
                await using var app = await MarketSyncHost.BuildAsync(MarketSyncCommandLine.HostArgs(parse), HostMode.Command, ct);
                await MarketSyncHost.PrepareStorageAsync(app.Services, ct);
                await using var scope = app.Services.CreateAsyncScope();
                var importer = scope.ServiceProvider.GetRequiredService<FileImport>();
                await using var stream = path.OpenRead();
                var summary = await importer.ImportAsync(
                    stream, format, parse.GetValue(source) ?? path.Name,
                    read => Console.Error.WriteLine($"  … {read} records read ({Percent(stream)} of the file)"), ct);
                ImportSummaryPrinter.Print(path.Name, summary);
                return summary.Read == 0 ? 1 : 0;
            }
            catch (Exception ex) when (ex is Microsoft.Extensions.Options.OptionsValidationException or InvalidOperationException)
            {
                Log.Fatal("Import failed: {Reason}", ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static string Percent(Stream stream) =>
        stream.Length == 0 ? "100%" : (stream.Position * 100 / stream.Length).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%";
}
