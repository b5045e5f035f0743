namespace Ocop.MarketSync.Sandbox.Marketplace;

/// <summary>The API endpoints of the sandbox marketplace, for call counters and endpoint-specific faults.</summary>
public enum MarketplaceSandboxEndpoint
{
    /// <summary><c>POST /api/v1/items/batch-create</c></summary>
    BatchCreate,

    /// <summary><c>POST /api/v1/items/batch-update-content</c></summary>
    BatchUpdateContent,

    /// <summary><c>POST /api/v1/items/batch-update-price</c></summary>
    BatchUpdatePrice,

    /// <summary><c>POST /api/v1/items/batch-update-stock</c></summary>
    BatchUpdateStock,

    /// <summary><c>POST /api/v1/items/batch-set-status</c></summary>
    BatchSetStatus,

    /// <summary><c>GET /api/v1/items/by-sku</c></summary>
    FindBySku,

    /// <summary><c>GET /api/v1/items</c></summary>
    PageItems,

    /// <summary><c>POST /api/v1/media/upload-image</c></summary>
    UploadImage,
}
