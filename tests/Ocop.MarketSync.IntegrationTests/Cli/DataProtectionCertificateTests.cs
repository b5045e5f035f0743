using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Ocop.MarketSync.Data;
using Ocop.MarketSync.Worker.Hosting;

namespace Ocop.MarketSync.IntegrationTests.Cli;

/// <summary>
/// With <c>DataProtection:Certificate:Path</c> the Data Protection keys (which encrypt the marketplace tokens) are
/// stored encrypted, and another host given the same certificate reads them; a bad certificate stops the start.
/// </summary>
public sealed class DataProtectionCertificateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("ocop-dp-").FullName;

    [Fact]
    public async Task Keys_WithACertificate_AreStoredEncryptedAndReadBackByAnotherHost()
    {
        var ct = TestContext.Current.CancellationToken;
        var pfx = WriteCertificate("right-password");
        var args = Args(pfx, "right-password");

        string protectedText;
        await using (var first = await StartAsync(args))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tokens").Protect("access-token-of-a-shop");
            await using var scope = first.Services.CreateAsyncScope();
            var stored = await scope.ServiceProvider.GetRequiredService<MarketSyncDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync(ct);
            var key = Assert.Single(stored);
            // The key's secret is an EncryptedXml block, not the base64 master key in the clear.
            Assert.Contains("EncryptedData", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
        }

        await using var second = await StartAsync(args);
        Assert.Equal("access-token-of-a-shop", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("tokens").Unprotect(protectedText));
    }

    [Theory]
    [InlineData("no-such-file.pfx", "right-password")]
    [InlineData("cert.pfx", "wrong-password")]
    public async Task Start_WithACertificateThatCannotBeLoaded_FailsNamingTheKey(string file, string password)
    {
        WriteCertificate("right-password");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(Args(Path.Combine(_directory, file), password)));

        Assert.Contains(DataProtectionKeyProtection.PathKey, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string[] Args(string pfx, string password) =>
    [
        "--environment=IntegrationTest",
        "--Storage:Provider=Sqlite",
        $"--Storage:ConnectionString=Data Source={Path.Combine(_directory, "marketsync.db")}",
        "--Storage:MigrateOnStart=true",
        "--Hangfire:Storage=InMemory",
        "--Staff:Password=a-long-enough-password",
        $"--{DataProtectionKeyProtection.PathKey}={pfx}",
        $"--{DataProtectionKeyProtection.PasswordKey}={password}",
    ];

    private static async Task<Microsoft.AspNetCore.Builder.WebApplication> StartAsync(string[] args)
    {
        var app = await MarketSyncHost.BuildAsync(args, HostMode.Command, TestContext.Current.CancellationToken);
        await MarketSyncHost.PrepareStorageAsync(app.Services, TestContext.Current.CancellationToken);
        return app;
    }

    private string WriteCertificate(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Ocop.MarketSync Data Protection test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, "cert.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return path;
    }
}
