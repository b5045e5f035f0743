namespace Ocop.MarketSync.Sync.Listings.Staff;

/// <summary>The values of <c>StaffAction.Action</c>. Stable: the console translates them and reports filter on them.</summary>
public static class StaffActionKinds
{
    public const string Retry = "retry";
    public const string ApprovePrice = "approve-price";
    public const string KeepPrice = "keep-price";
    public const string PushNow = "push-now";
    public const string ReconcileNow = "reconcile-now";
}

/// <summary>What became of one staff action.</summary>
public enum StaffActionStatus
{
    Done,

    /// <summary>No such listing, product or channel.</summary>
    NotFound,

    /// <summary>Nothing to do in the current state (e.g. no held price to approve).</summary>
    Conflict,
}

/// <summary>The result of a staff action on one listing (or one channel, then without listing).</summary>
/// <param name="Message">English, for the API's problem details and logs; the console shows its own text per status.</param>
public sealed record StaffActionOutcome(StaffActionStatus Status, string? ChannelId, Data.Entities.Listing? Listing, string? Message = null)
{
    public bool Done => Status == StaffActionStatus.Done;
}
