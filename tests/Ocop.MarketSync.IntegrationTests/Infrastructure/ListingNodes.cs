using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using Ocop.MarketSync.Sandbox.Registry;

namespace Ocop.MarketSync.IntegrationTests.Infrastructure;

/// <summary>
/// What the crash and scale-out tests give their <see cref="WorkerProcess"/> nodes to do and how they read the result:
/// kept apart from the process itself, which the CLI and log tests use as well.
/// </summary>
public static class ListingNodes
{
    /// <summary>Listings Active with nothing left to push, over all channels or one.</summary>
    public static int ActiveListings(string connectionString, string? channelId = null)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "select count(*) from marketsync.listings where state = 'Active' and not dirty and ($1::text is null or channel_id = $1)", connection);
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = channelId, DataTypeName = "text" });
        try
        {
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (PostgresException)
        {
            return 0;
        }
    }

    /// <summary>N eligible goods made from REG-00002 (a 4★ rice), each with its own registry id.</summary>
    public static RegistrySandbox GeneratedRegistry(int count, string prefix)
    {
        using var stream = RegistrySandbox.OpenSampleData();
        var template = JsonNode.Parse(stream)!.AsArray().OfType<JsonObject>().Single(p => p["registryId"]!.GetValue<string>() == "REG-00002");
        return new RegistrySandbox(Enumerable.Range(0, count).Select(i =>
        {
            var product = (JsonObject)template.DeepClone();
            product["registryId"] = prefix + i.ToString("D4", CultureInfo.InvariantCulture);
            return product;
        }));
    }
}
