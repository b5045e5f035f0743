namespace Ocop.MarketSync.Api.Hardening;

/// <summary>
/// Paging of a list endpoint, worked out once with checked arithmetic: a page far beyond the data answers an empty
/// page with its own number, a page whose offset cannot be expressed answers 400 (never a wrapped negative offset,
/// which PostgreSQL refuses with a 500 and SQLite reads as "from the start").
/// </summary>
public readonly record struct PageRequest(int Number, int Size)
{
    /// <summary>Rows to skip; always within <see cref="int"/> by construction.</summary>
    public int Skip => (Number - 1) * Size;

    /// <summary>
    /// A page below 1 is page 1 and the size is clamped to [1, <paramref name="maxSize"/>] (documented in the API
    /// description); a page whose first row lies beyond <see cref="int.MaxValue"/> is refused.
    /// </summary>
    /// <exception cref="InvalidQueryParameterException">The page cannot exist.</exception>
    public static PageRequest From(int? page, int? pageSize, int defaultSize, int maxSize)
    {
        var size = Math.Clamp(pageSize ?? defaultSize, 1, maxSize);
        var number = Math.Max(page ?? 1, 1);
        var skip = ((long)number - 1) * size;
        if (skip > int.MaxValue)
        {
            throw new InvalidQueryParameterException("page",
                $"page {number} with pageSize {size} starts beyond the last row any list can have; the largest page is {(int.MaxValue / size) + 1}.");
        }

        return new PageRequest(number, size);
    }
}

/// <summary>A query parameter that cannot be served; answered as 400 with an RFC 7807 problem naming it.</summary>
public sealed class InvalidQueryParameterException(string parameter, string detail) : Exception(detail)
{
    public string Parameter { get; } = parameter;
}
