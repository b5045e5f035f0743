using System.CommandLine;
using System.Text;
using Ocop.MarketSync.Api.Security;

namespace Ocop.MarketSync.Worker.Cli;

/// <summary><c>staff hash-password</c>: the value for <c>Staff:Users:{name}:PasswordHash</c>, so no password is ever configured.</summary>
internal static class StaffCommand
{
    public static Command Create()
    {
        var hash = new Command("hash-password",
            "Read a password (typed without echo, or one line on standard input) and print its hash for Staff:Users:{name}:PasswordHash.");
        hash.SetAction(async (_, ct) =>
        {
            var password = Console.IsInputRedirected ? await Console.In.ReadLineAsync(ct) : ReadHidden();
            if (string.IsNullOrEmpty(password) || password.Length < StaffOptionsValidator.MinimumPasswordLength)
            {
                await Console.Error.WriteLineAsync($"The password must be at least {StaffOptionsValidator.MinimumPasswordLength} characters long.");
                return 1;
            }

            Console.WriteLine(StaffPasswordHash.Hash(password));
            return 0;
        });
        return new Command("staff", "Staff logins.") { hash };
    }

    private static string ReadHidden()
    {
        Console.Error.Write("Password: ");
        var text = new StringBuilder();
        while (Console.ReadKey(intercept: true) is var key && key.Key != ConsoleKey.Enter)
        {
            if (key.Key == ConsoleKey.Backspace && text.Length > 0)
            {
                text.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                text.Append(key.KeyChar);
            }
        }

        Console.Error.WriteLine();
        return text.ToString();
    }
}
