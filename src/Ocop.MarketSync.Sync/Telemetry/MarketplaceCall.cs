using System.Diagnostics;
using Ocop.MarketSync.Sync.Channels;
using Ocop.MarketSync.Sync.Marketplaces;

namespace Ocop.MarketSync.Sync.Telemetry;

/// <summary>One marketplace call being measured: its span, its clock, and the instruments it records once.</summary>
internal sealed class MarketplaceCall : IDisposable
{
    private readonly ChannelOptions _channel;
    private readonly string _operation;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private bool _recorded;

    public MarketplaceCall(ChannelOptions channel, string operation, int items)
    {
        _channel = channel;
        _operation = operation;
        _activity = MarketSyncTelemetry.ActivitySource.StartActivity($"marketplace {operation}", ActivityKind.Internal);
        if (_activity is { IsAllDataRequested: true })
        {
            _activity.SetTag("marketsync.channel", channel.Id);
            _activity.SetTag("marketsync.marketplace", channel.Marketplace);
            _activity.SetTag("marketsync.operation", operation);
            _activity.SetTag("marketsync.items", items);
        }
    }

    public void Finish(string outcome, IReadOnlyList<ItemResult>? results = null)
    {
        if (_recorded)
        {
            return;
        }

        _recorded = true;
        var tags = new TagList
        {
            { "channel", _channel.Id },
            { "marketplace", _channel.Marketplace },
            { "operation", _operation },
            { "outcome", outcome },
        };
        MarketSyncTelemetry.MarketplaceCalls.Add(1, tags);
        MarketSyncTelemetry.MarketplaceCallDuration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        if (outcome == MarketplaceOutcomes.Throttled)
        {
            MarketSyncTelemetry.MarketplaceThrottled.Add(1,
                new TagList { { "channel", _channel.Id }, { "marketplace", _channel.Marketplace }, { "operation", _operation } });
        }

        if (results is not null && MarketSyncTelemetry.MarketplaceItems.Enabled)
        {
            foreach (var group in results.GroupBy(r => MarketplaceOutcomes.Of(r.Error)))
            {
                MarketSyncTelemetry.MarketplaceItems.Add(group.Count(), new TagList
                {
                    { "channel", _channel.Id }, { "marketplace", _channel.Marketplace }, { "operation", _operation }, { "outcome", group.Key },
                });
            }
        }

        if (_activity is not null)
        {
            _activity.SetTag("marketsync.outcome", outcome);
            if (outcome != MarketplaceOutcomes.Ok)
            {
                _activity.SetStatus(ActivityStatusCode.Error, outcome);
            }
        }
    }

    /// <summary>Records a thrown failure; always false, so it is used as an exception filter and the exception propagates.</summary>
    public bool Fail(Exception error, CancellationToken cancellationToken)
    {
        if (error is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Our own shutdown, not the marketplace: not a call outcome.
            _recorded = true;
            return false;
        }

        Finish(error is MarketplaceException failed ? MarketplaceOutcomes.Of(failed.Error) : MarketplaceOutcomes.Error);
        _activity?.AddException(error);
        return false;
    }

    public void Dispose() => _activity?.Dispose();
}
