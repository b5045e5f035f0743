using System.Text;
using Ocop.MarketSync.Registry.Files;
using Ocop.MarketSync.Registry.Records;

namespace Ocop.MarketSync.UnitTests.Registry.Files;

public sealed class CsvRecordReaderTests
{
    private static async Task<List<RegistryRecord>> ReadAsync(string csv, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(csv);
        if (bom)
        {
            bytes = [.. Encoding.UTF8.Preamble, .. bytes];
        }

        var records = new List<RegistryRecord>();
        await foreach (var record in CsvRecordReader.ReadAsync(new MemoryStream(bytes), TestContext.Current.CancellationToken))
        {
            records.Add(record);
        }

        return records;
    }

    [Fact]
    public async Task ReadAsync_UnknownHeaderColumn_ThrowsNamingIt()
    {
        // Act
        var ex = await Assert.ThrowsAsync<RegistryFileException>(() => ReadAsync("registryId,colour,stars\nREG-1,red,4\n"));

        // Assert
        Assert.Contains("unknown column(s) colour", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_NoRegistryIdColumn_Throws()
    {
        // Act
        var ex = await Assert.ThrowsAsync<RegistryFileException>(() => ReadAsync("name,stars\nGạo,4\n"));

        // Assert
        Assert.Contains("no registryId column", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_EmptyFile_Throws()
    {
        // Act
        var ex = await Assert.ThrowsAsync<RegistryFileException>(() => ReadAsync(""));

        // Assert
        Assert.StartsWith("The CSV file is empty", ex.Message);
    }

    [Fact]
    public async Task ReadAsync_HeaderOnly_GivesNoRecords()
    {
        // Act
        var records = await ReadAsync("registryId,name\n");

        // Assert
        Assert.Empty(records);
    }

    [Fact]
    public async Task ReadAsync_HeaderInOtherCaseWithSpacesAndBom_IsAccepted()
    {
        // Act
        var records = await ReadAsync(" RegistryID , STARS ,priceVnd\r\nREG-1,4,215000\r\n", bom: true);

        // Assert
        var record = Assert.Single(records);
        Assert.Empty(record.FieldErrors);
        Assert.Equal("REG-1", record.Product.RegistryId);
        Assert.Equal(4, record.Product.Stars);
        Assert.Equal(215000L, record.Product.PriceVnd);
    }

    [Fact]
    public async Task ReadAsync_NonNumericStars_IsAFieldErrorNamingStars()
    {
        // Act
        var records = await ReadAsync("registryId,stars\nREG-1,bốn\n");

        // Assert
        var error = Assert.Single(Assert.Single(records).FieldErrors);
        Assert.Equal(new RegistryFieldError("stars", "stars: expected a whole number, got the string \"bốn\""), error);
    }

    [Fact]
    public async Task ReadAsync_PriceWithDotThousands_IsReportedNotReadAsThousands()
    {
        // Act: docs/import-format.md — 215.000 in priceVnd is not a whole number.
        var records = await ReadAsync("registryId,priceVnd\nREG-1,215.000\n");

        // Assert
        var record = Assert.Single(records);
        Assert.Null(record.Product.PriceVnd);
        Assert.Equal("priceVnd", Assert.Single(record.FieldErrors).Field);
    }

    [Fact]
    public async Task ReadAsync_DecimalWeight_UsesDotAsDecimalPoint()
    {
        // Act
        var records = await ReadAsync("registryId,netWeightValue,netWeightUnit\nREG-1,5.000,kg\n");

        // Assert
        Assert.Equal(new RegistryQuantity(5m, "kg"), Assert.Single(records).Product.NetWeight);
    }

    [Fact]
    public async Task ReadAsync_EmptyCells_AreAbsentNotZeroOrEmpty()
    {
        // Act
        var records = await ReadAsync("registryId,priceVnd,stock,gtin,traceabilityCode,traceabilityUrl,images\nREG-1, ,,,,,\n");

        // Assert
        var record = Assert.Single(records);
        Assert.Empty(record.FieldErrors);
        Assert.Null(record.Product.PriceVnd);
        Assert.Null(record.Product.Stock);
        Assert.Null(record.Product.Gtin);
        Assert.Null(record.Product.Traceability);
        Assert.Empty(record.Product.Images);
    }

    [Fact]
    public async Task ReadAsync_Lists_AreSplitOnBarsTrimmedAndWithoutEmptyItems()
    {
        // Act
        var records = await ReadAsync("registryId,standards\nREG-1,TCCS 02:2024/HTX-HT | TCVN 11888:2017||\n");

        // Assert
        Assert.Equal(["TCCS 02:2024/HTX-HT", "TCVN 11888:2017"], Assert.Single(records).Product.Standards);
    }

    [Fact]
    public async Task ReadAsync_RevocationColumns_BuildTheNestedRevocation()
    {
        // Arrange
        const string csv = "registryId,certificateStatus,revocationDecisionNumber,revokedOn,revocationIssuedBy,revocationReason\n"
            + "REG-1,revoked,4471/QĐ-UBND,2026-09-18,UBND tỉnh Quảng Ngãi,\"Vi phạm, ghi nhãn\"\n";

        // Act
        var records = await ReadAsync(csv);

        // Assert
        var certificate = Assert.Single(records).Product.Certificate!;
        Assert.Equal("revoked", certificate.Status);
        Assert.Equal(new RegistryRevocation("4471/QĐ-UBND", new DateOnly(2026, 9, 18), "UBND tỉnh Quảng Ngãi", "Vi phạm, ghi nhãn"),
            certificate.Revocation);
    }

    [Fact]
    public async Task ReadAsync_QuotedCellWithQuoteAndLineBreak_IsOneValue()
    {
        // Act
        var records = await ReadAsync("registryId,description\nREG-1,\"Dòng 1 \"\"ngon\"\"\nDòng 2\"\nREG-2,x\n");

        // Assert
        Assert.Equal(2, records.Count);
        Assert.Equal("Dòng 1 \"ngon\"\nDòng 2", records[0].Product.Description);
    }
}
