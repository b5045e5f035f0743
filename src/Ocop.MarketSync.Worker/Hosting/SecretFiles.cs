namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// Secrets from files: any configuration key <c>Section:…:Key</c> can be given as <c>Section:…:Key_FILE</c> naming a
/// file that holds the value (environment variable <c>Staff__Password_FILE=/run/secrets/staff_password</c>). That is
/// how Docker and Kubernetes hand over secrets (files under <c>/run/secrets</c>, a Secret volume), and it keeps them
/// out of the environment, where <c>docker inspect</c>, <c>/proc/*/environ</c> and crash dumps would show them.
/// </summary>
/// <remarks>
/// The same convention as the official postgres image (<c>POSTGRES_PASSWORD_FILE</c>). Only keys below a section are
/// read: a plain environment variable such as <c>SSL_CERT_FILE</c> is not configuration of ours and must not stop the
/// service. Trailing line breaks are removed (<c>echo secret &gt; file</c> writes one). Files are read once at start:
/// a rotated secret takes effect at the next start (deploy/README.md, "Rotating credentials"). A file that is named but
/// cannot be read, or is empty, stops the start naming the key; so does a key given both directly and by file.
/// </remarks>
internal static class SecretFiles
{
    public const string Suffix = "_FILE";

    public static void AddSecretFiles(this ConfigurationManager configuration)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, path) in configuration.AsEnumerable())
        {
            if (!key.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase) || !key.Contains(':', StringComparison.Ordinal) || string.IsNullOrEmpty(path))
            {
                continue;
            }

            var target = key[..^Suffix.Length];
            if (!string.IsNullOrEmpty(configuration[target]))
            {
                throw new InvalidOperationException($"{target} is set both directly and by the file of {key}; give it in one place only.");
            }

            values[target] = Read(key, target, path);
        }

        if (values.Count > 0)
        {
            configuration.AddInMemoryCollection(values);
        }
    }

    private static string Read(string key, string target, string path)
    {
        string value;
        try
        {
            value = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The path and the reason, never content: the message goes to the log.
            throw new InvalidOperationException($"{key}: the file '{path}' that holds {target} cannot be read ({ex.GetType().Name}).", ex);
        }

        value = value.TrimEnd('\r', '\n');
        if (value.Length == 0)
        {
            throw new InvalidOperationException($"{key}: the file '{path}' that holds {target} is empty.");
        }

        return value;
    }
}
