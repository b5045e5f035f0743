namespace Ocop.MarketSync.Sandbox.Tiki;

/// <summary>What an operation answers: a status and a JSON body, Tiki style (<c>{"errors":[…]}</c> on failure).</summary>
internal sealed record TikiSimulatorAnswer(int Status, object Body)
{
    public TimeSpan? RetryAfter { get; init; }

    public static TikiSimulatorAnswer Ok(object body) => new(200, body);

    public static TikiSimulatorAnswer Fail(int status, params string[] messages) => new(status, new { errors = messages });

    public static TikiSimulatorAnswer Invalid(string message) => Fail(400, message);
}
