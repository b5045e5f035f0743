using Microsoft.Extensions.Configuration.Json;

namespace Ocop.MarketSync.Worker.Hosting;

internal static class ConfigOverlay
{
    /// <summary>
    /// Adds <c>config/appsettings.{Environment}.json</c> (the documented overlays in the repository's config/, or
    /// the folder in <c>OCOP_CONFIG_DIR</c>) right after the built-in appsettings files, so environment variables
    /// and the command line still win.
    /// </summary>
    public static void AddConfigOverlay(this ConfigurationManager configuration, IHostEnvironment environment)
    {
        var directory = Environment.GetEnvironmentVariable("OCOP_CONFIG_DIR");
        if (string.IsNullOrEmpty(directory))
        {
            directory = new[] { Path.Combine(environment.ContentRootPath, "config"), Path.Combine(Directory.GetCurrentDirectory(), "config") }
                .FirstOrDefault(Directory.Exists);
        }

        if (directory is null)
        {
            return;
        }

        var file = Path.Combine(Path.GetFullPath(directory), $"appsettings.{environment.EnvironmentName}.json");
        var sources = configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i;
        var overlay = new JsonConfigurationSource { Path = file, Optional = true, ReloadOnChange = false };
        overlay.ResolveFileProvider();
        sources.Insert(lastJson + 1, overlay);
    }
}
