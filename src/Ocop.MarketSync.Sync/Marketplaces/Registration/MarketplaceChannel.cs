namespace Ocop.MarketSync.Sync.Marketplaces.Registration;

/// <summary>
/// What <see cref="Microsoft.Extensions.DependencyInjection.MarketplaceServiceCollectionExtensions.AddMarketplace{TOptions}"/>
/// read of one <c>Channels:{id}</c> section when it registered the channel: enough for an adapter to build its
/// signing handler and find its secrets, without reading configuration again.
/// </summary>
/// <param name="Id">The section's key, also the name of the channel's options and of its HTTP client.</param>
/// <param name="CredentialsRef">The raw <c>CredentialsRef</c> value (null or empty when absent): where the secrets are.</param>
/// <param name="Enabled">A disabled channel is never called, so adapters may skip checking that its secrets exist.</param>
/// <param name="BaseUrl">The channel's <c>BaseUrl</c> when it is an absolute URI (a signer may sign its path), else null.</param>
public sealed record MarketplaceChannel(string Id, string? CredentialsRef, bool Enabled, Uri? BaseUrl);
