using System.ComponentModel.DataAnnotations;

namespace Ocop.MarketSync.Registry;

/// <summary>Section <c>Registry</c>: where the OCOP registry is and how to read it.</summary>
public sealed class RegistryOptions
{
    public const string SectionName = "Registry";

    /// <summary>Base address of the registry API. Required. The embedded default points it at the in-process sandbox.</summary>
    [Required(ErrorMessage = "Registry:BaseUrl is required (the registry API's base address), unless Sandbox:Registry:Enabled=true.")]
    public Uri? BaseUrl { get; set; }

    /// <summary>Records asked for per page (1–1000). Default 200.</summary>
    [Range(1, 1000, ErrorMessage = "Registry:PageSize must be between 1 and 1000.")]
    public int PageSize { get; set; } = 200;

    /// <summary>Name under which the cursor and runs are stored; change it when pointing at a different registry.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Registry:SourceName is required.")]
    [MaxLength(64, ErrorMessage = "Registry:SourceName is at most 64 characters.")]
    public string SourceName { get; set; } = "registry";
}
