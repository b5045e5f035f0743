using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace Ocop.MarketSync.Worker.Hosting;

/// <summary>
/// Data Protection's keys live in the database so that every node reads them; the marketplace tokens are encrypted
/// with them. Without a key-encryption certificate the keys sit in the same database unencrypted, so whoever reads a
/// backup reads the tokens. <c>DataProtection:Certificate:Path</c> (PKCS#12 with its private key) encrypts them at rest.
/// </summary>
internal static class DataProtectionKeyProtection
{
    public const string PathKey = "DataProtection:Certificate:Path";
    public const string PasswordKey = "DataProtection:Certificate:Password";

    public static IDataProtectionBuilder ProtectKeysIfConfigured(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var path = configuration[PathKey];
        if (string.IsNullOrWhiteSpace(path))
        {
            return builder;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordKey]);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{PathKey} '{path}' could not be loaded as a PKCS#12 certificate (check the file and {PasswordKey}): {ex.Message}", ex);
        }

        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"{PathKey} '{path}' has no private key: the keys it encrypts could never be read back.");
        }

        // Decryption on Linux does not search a certificate store: the certificate must be named for reading too.
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }
}
