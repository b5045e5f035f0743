using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Ocop.MarketSync.Data.Entities;

namespace Ocop.MarketSync.Data.Configurations;

internal sealed class ReconciliationRunConfiguration : IEntityTypeConfiguration<ReconciliationRun>
{
    public void Configure(EntityTypeBuilder<ReconciliationRun> builder)
    {
        builder.ToTable("reconciliation_runs");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ChannelId).HasMaxLength(32);
        builder.Property(r => r.RequestedBy).HasMaxLength(64);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Error).HasMaxLength(4000);
        builder.HasIndex(r => new { r.ChannelId, r.Id });
    }
}

internal sealed class ReconciliationFindingConfiguration : IEntityTypeConfiguration<ReconciliationFinding>
{
    public void Configure(EntityTypeBuilder<ReconciliationFinding> builder)
    {
        builder.ToTable("reconciliation_findings");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.SellerSku).HasMaxLength(100);
        builder.Property(f => f.RemoteId).HasMaxLength(128);
        builder.Property(f => f.Detail).HasMaxLength(1000);
        builder.HasOne<ReconciliationRun>().WithMany().HasForeignKey(f => f.RunId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.RunId, f.Id });
    }
}

internal sealed class PushAttemptConfiguration : IEntityTypeConfiguration<PushAttempt>
{
    public void Configure(EntityTypeBuilder<PushAttempt> builder)
    {
        builder.ToTable("push_attempts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.ChannelId).HasMaxLength(32);
        builder.Property(a => a.Operation).HasMaxLength(16);
        builder.Property(a => a.Result).HasMaxLength(32);
        builder.Property(a => a.Message).HasMaxLength(2000);
        builder.Property(a => a.RequestId).HasMaxLength(128);
        builder.Property(a => a.RemoteId).HasMaxLength(128);

        // No foreign key: the trail outlives what it describes, and appending must not lock listing rows.
        builder.HasIndex(a => new { a.ListingId, a.Id });
        builder.HasIndex(a => a.At);
    }
}

internal sealed class WriteBackConfiguration : IEntityTypeConfiguration<WriteBack>
{
    public void Configure(EntityTypeBuilder<WriteBack> builder)
    {
        builder.ToTable("write_backs");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Key).HasMaxLength(128);
        builder.Property(w => w.RegistryId).HasMaxLength(64);
        builder.Property(w => w.ChannelId).HasMaxLength(32);
        builder.Property(w => w.Marketplace).HasMaxLength(32);
        builder.Property(w => w.Url).HasMaxLength(1024);
        builder.Property(w => w.State).HasMaxLength(16);
        builder.Property(w => w.Reason).HasMaxLength(1000);
        builder.Property(w => w.ReasonCodes).HasMaxLength(500);
        builder.Property(w => w.LastError).HasMaxLength(2000);
        builder.HasIndex(w => w.Key).IsUnique();
        builder.HasIndex(w => new { w.SentAt, w.NextAttemptAt });
    }
}

internal sealed class CertificateWarningConfiguration : IEntityTypeConfiguration<CertificateWarning>
{
    public void Configure(EntityTypeBuilder<CertificateWarning> builder)
    {
        builder.ToTable("certificate_warnings");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.RegistryId).HasMaxLength(64);
        builder.Property(w => w.LastError).HasMaxLength(2000);
        builder.HasOne<Product>().WithMany().HasForeignKey(w => w.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(w => new { w.ProductId, w.ValidUntil, w.LeadDays }).IsUnique();
        builder.HasIndex(w => w.NotifiedAt);
    }
}

internal sealed class RunRequestConfiguration : IEntityTypeConfiguration<RunRequest>
{
    public void Configure(EntityTypeBuilder<RunRequest> builder)
    {
        builder.ToTable("run_requests");
        builder.HasKey(r => r.Resource);
        builder.Property(r => r.Resource).HasMaxLength(128);
    }
}

internal sealed class ChannelAuthorizationConfiguration : IEntityTypeConfiguration<ChannelAuthorization>
{
    public void Configure(EntityTypeBuilder<ChannelAuthorization> builder)
    {
        builder.ToTable("channel_authorizations");
        builder.HasKey(a => a.ChannelId);
        builder.Property(a => a.ChannelId).HasMaxLength(32);
        builder.Property(a => a.Marketplace).HasMaxLength(32);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(a => a.Reason).HasMaxLength(2000);
        builder.Property(a => a.Version).IsConcurrencyToken();
    }
}

internal sealed class OperationalAlertConfiguration : IEntityTypeConfiguration<OperationalAlert>
{
    public void Configure(EntityTypeBuilder<OperationalAlert> builder)
    {
        builder.ToTable("alerts");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Kind).HasMaxLength(32);
        builder.Property(a => a.Subject).HasMaxLength(64);
        builder.Property(a => a.Code).HasMaxLength(32);
        builder.Property(a => a.Reason).HasMaxLength(2000);

        // One open alert per kind and subject, whichever node raises it.
        builder.HasIndex(a => new { a.Kind, a.Subject }).IsUnique().HasFilter("resolved_at IS NULL");
        builder.HasIndex(a => a.RaisedAt);
    }
}

internal sealed class SeenMessageConfiguration : IEntityTypeConfiguration<SeenMessage>
{
    public void Configure(EntityTypeBuilder<SeenMessage> builder)
    {
        builder.ToTable("seen_messages");
        builder.HasKey(m => m.Key);
        builder.Property(m => m.Key).HasMaxLength(64);
        builder.Property(m => m.Source).HasMaxLength(48);
        builder.HasIndex(m => m.ExpiresAt);
    }
}

internal sealed class StaffActionConfiguration : IEntityTypeConfiguration<StaffAction>
{
    public void Configure(EntityTypeBuilder<StaffAction> builder)
    {
        builder.ToTable("staff_actions");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.User).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(32);
        builder.Property(a => a.ChannelId).HasMaxLength(32);
        builder.Property(a => a.RegistryId).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(1000);

        // No foreign key, like the push trail: the record of who did what outlives what it was done to.
        builder.HasIndex(a => new { a.ListingId, a.Id });
        builder.HasIndex(a => new { a.RegistryId, a.Id });
        builder.HasIndex(a => a.At);
    }
}

internal sealed class ChannelPushRunConfiguration : IEntityTypeConfiguration<ChannelPushRun>
{
    public void Configure(EntityTypeBuilder<ChannelPushRun> builder)
    {
        builder.ToTable("channel_push_runs");
        builder.HasKey(r => r.ChannelId);
        builder.Property(r => r.ChannelId).HasMaxLength(32);
        builder.Property(r => r.StoppedBy).HasMaxLength(32);
        builder.Property(r => r.StopReason).HasMaxLength(2000);
    }
}
