namespace Ocop.MarketSync.Sandbox.Registry;

public enum RegistryFault
{
    /// <summary>HTTP 500 with a text body.</summary>
    ServerError,

    /// <summary>HTTP 200 with a body cut off mid-JSON.</summary>
    MalformedJson,

    /// <summary>No answer for <see cref="RegistryFaultRule.Delay"/>.</summary>
    Timeout,

    /// <summary>HTTP 200, but the first record of the page carries fields of the wrong type.</summary>
    WrongTypes,
}

/// <param name="Fault">What goes wrong.</param>
/// <param name="Times">How many matching requests it hits (int.MaxValue: until cleared).</param>
/// <param name="AtCursor">Only requests with this cursor (null: any request; "" matches the first page).</param>
/// <param name="Delay">For <see cref="RegistryFault.Timeout"/>: how long the answer is held back.</param>
public sealed record RegistryFaultRule(RegistryFault Fault, int Times = 1, string? AtCursor = null, TimeSpan? Delay = null);

/// <summary>Faults the sandbox injects into its next answers, for tests and demos of intake's failure handling.</summary>
public sealed class RegistrySandboxFaults
{
    private readonly Lock _gate = new();
    private readonly List<(RegistryFaultRule Rule, int Left)> _rules = [];

    public void Add(RegistryFaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add((rule, rule.Times));
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>The fault to apply to a request with <paramref name="cursor"/>, consuming one use of its rule.</summary>
    public RegistryFaultRule? Take(string? cursor)
    {
        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var (rule, left) = _rules[i];
                if (rule.AtCursor is not null && rule.AtCursor != (cursor ?? string.Empty))
                {
                    continue;
                }

                if (left <= 1)
                {
                    _rules.RemoveAt(i);
                }
                else
                {
                    _rules[i] = (rule, left == int.MaxValue ? left : left - 1);
                }

                return rule;
            }

            return null;
        }
    }
}
