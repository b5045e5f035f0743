using Ocop.MarketSync.Sync.Intake;
using Spectre.Console;

namespace Ocop.MarketSync.Worker.Cli;

internal static class ImportSummaryPrinter
{
    public static void Print(string file, ImportSummary summary)
    {
        var table = new Table().Title($"Import of {Markup.Escape(file)}").AddColumn("Outcome").AddColumn(new TableColumn("Records").RightAligned());
        table.AddRow("Read", summary.Read.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("[green]Accepted (eligible)[/]", Count(summary.Eligible));
        table.AddRow("[yellow]Ineligible[/]", Count(summary.Ineligible));
        table.AddRow("[red]Quarantined[/]", Count(summary.Quarantined));
        table.AddRow("Stored: new / changed / unchanged", $"{summary.Inserted} / {summary.Updated} / {summary.Unchanged}");
        if (summary.Duplicates > 0)
        {
            table.AddRow("[yellow]Duplicate ids (the later record kept)[/]", Count(summary.Duplicates));
        }

        AnsiConsole.Write(table);

        if (summary.Reasons.Count > 0)
        {
            var reasons = new Table().Title("Reasons").AddColumn("Issue").AddColumn(new TableColumn("Records").RightAligned()).AddColumn("Example");
            foreach (var (code, count) in summary.Reasons)
            {
                reasons.AddRow(Markup.Escape(code), Count(count), Markup.Escape(summary.Examples[code]));
            }

            AnsiConsole.Write(reasons);
        }

        if (summary.FileError is not null)
        {
            AnsiConsole.MarkupLineInterpolated(System.Globalization.CultureInfo.InvariantCulture, $"[red]The file could not be read to its end:[/] {summary.FileError}");
        }

        if (summary.Read == 0)
        {
            AnsiConsole.MarkupLine("[red]Nothing could be read from the file.[/]");
        }
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
