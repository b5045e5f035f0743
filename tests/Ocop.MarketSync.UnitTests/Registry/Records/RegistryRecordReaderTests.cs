using System.Text.Json;
using Ocop.MarketSync.Registry.Records;
using Ocop.MarketSync.UnitTests.TestSupport;

namespace Ocop.MarketSync.UnitTests.Registry.Records;

public sealed class RegistryRecordReaderTests
{
    private static RegistryRecord Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return RegistryRecordReader.Read(document.RootElement);
    }

    [Fact]
    public void Read_SampleRecord_ReadsEveryFieldWithoutErrors()
    {
        // Act
        var record = SampleData.Record("REG-00040");
        var product = record.Product;

        // Assert
        Assert.Empty(record.FieldErrors);
        Assert.Equal("REG-00040", product.RegistryId);
        Assert.Equal("62-617-33269-1-2025", product.OcopCode);
        Assert.Equal(new RegistryProducer("Công ty TNHH Sâm Ngọc Linh Tu Mơ Rông", "company", "Quảng Ngãi", "xã Tu Mơ Rông"), product.Producer);
        Assert.Equal(20, product.ProductSet);
        Assert.Equal(4, product.Stars);
        Assert.Equal(new DateOnly(2025, 5, 29), product.Certificate!.IssuedOn);
        Assert.Equal(new DateOnly(2028, 5, 28), product.Certificate.ExpiresOn);
        Assert.Equal("revoked", product.Certificate.Status);
        Assert.Equal("4471/QĐ-UBND", product.Certificate.Revocation!.DecisionNumber);
        Assert.Equal(new DateOnly(2026, 9, 18), product.Certificate.Revocation.RevokedOn);
        Assert.Equal(new RegistryQuantity(500m, "ml"), product.Volume);
        Assert.Null(product.NetWeight);
        Assert.Equal(3_800_000L, product.PriceVnd);
        Assert.Equal(12, product.Stock);
        Assert.Equal(2, product.Images.Count);
        Assert.Equal(1095, product.ShelfLifeDays);
        Assert.Equal(["TCCS 03:2025/NLTMR", "QCVN 8-2:2011/BYT"], product.Standards);
        Assert.Equal(new RegistryTraceability("TXNG-51-000040", "https://trace.example.org/p/51000040"), product.Traceability);
    }

    [Fact]
    public void Read_AbsentAndNullFields_AreBothNullWithoutErrors()
    {
        // Act
        var record = Read("""{"registryId":"REG-1","gtin":null,"stars":null,"certificate":null}""");

        // Assert
        Assert.Empty(record.FieldErrors);
        Assert.Null(record.Product.Gtin);
        Assert.Null(record.Product.Stars);
        Assert.Null(record.Product.PriceVnd);
        Assert.Null(record.Product.Certificate);
        Assert.Empty(record.Product.Images);
    }

    [Fact]
    public void Read_StarsAsText_NamesStarsAndQuotesTheValue()
    {
        // Act
        var record = Read("""{"registryId":"REG-1","stars":"bốn"}""");

        // Assert
        var error = Assert.Single(record.FieldErrors);
        Assert.Equal(new RegistryFieldError("stars", "stars: expected a whole number, got the string \"bốn\""), error);
        Assert.Null(record.Product.Stars);
    }

    [Fact]
    public void Read_IssuedOnInDayMonthYear_NamesTheNestedPath()
    {
        // Act
        var record = Read("""{"certificate":{"decisionNumber":"1/QĐ-UBND","issuedOn":"20/11/2024"}}""");

        // Assert
        var error = Assert.Single(record.FieldErrors);
        Assert.Equal("certificate.issuedOn", error.Field);
        Assert.Equal("certificate.issuedOn: '20/11/2024' is not a date in the form yyyy-MM-dd", error.Message);
        Assert.Equal("1/QĐ-UBND", record.Product.Certificate!.DecisionNumber);
        Assert.Null(record.Product.Certificate.IssuedOn);
    }

    [Fact]
    public void Read_RevocationDateWrong_NamesTheDoublyNestedPath()
    {
        // Act
        var record = Read("""{"certificate":{"revocation":{"revokedOn":20260918}}}""");

        // Assert
        var error = Assert.Single(record.FieldErrors);
        Assert.Equal("certificate.revocation.revokedOn", error.Field);
        Assert.Equal("certificate.revocation.revokedOn: expected a string, got the number 20260918", error.Message);
    }

    [Fact]
    public void Read_ObjectFieldNotAnObject_IsAnErrorAndNull()
    {
        // Act
        var record = Read("""{"producer":"HTX Hòa Tú"}""");

        // Assert
        var error = Assert.Single(record.FieldErrors);
        Assert.Equal("producer: expected an object, got the string \"HTX Hòa Tú\"", error.Message);
        Assert.Null(record.Product.Producer);
    }

    [Fact]
    public void Read_NonStringImage_NamesItsIndexAndKeepsTheOthers()
    {
        // Act
        var record = Read("""{"images":["https://a.example/1.jpg",7,"https://a.example/3.jpg"]}""");

        // Assert
        var error = Assert.Single(record.FieldErrors);
        Assert.Equal("images[1]", error.Field);
        Assert.Equal("images[1]: expected a string, got the number 7", error.Message);
        Assert.Equal(["https://a.example/1.jpg", "https://a.example/3.jpg"], record.Product.Images);
    }

    [Fact]
    public void Read_WholeNumberOutOfInt32Range_IsAnError()
    {
        // Act
        var record = Read("""{"stock":3000000000}""");

        // Assert
        var error = Assert.Single(record.FieldErrors);
        Assert.Equal("stock: 3000000000 is out of range", error.Message);
        Assert.Null(record.Product.Stock);
    }

    [Fact]
    public void Read_LargePrice_FitsInt64()
    {
        // Act
        var record = Read("""{"priceVnd":3000000000}""");

        // Assert
        Assert.Empty(record.FieldErrors);
        Assert.Equal(3_000_000_000L, record.Product.PriceVnd);
    }

    [Theory]
    [InlineData("""{"stars":4.5}""", "stars: expected a whole number, got the number 4.5")]
    [InlineData("""{"stars":true}""", "stars: expected a whole number, got the boolean true")]
    [InlineData("""{"name":["a"]}""", "name: expected a string, got an array")]
    [InlineData("""{"name":{"vi":"a"}}""", "name: expected a string, got an object")]
    [InlineData("""{"netWeight":{"value":"5 kg","unit":"g"}}""", "netWeight.value: expected a number, got the string \"5 kg\"")]
    [InlineData("""{"standards":"TCVN"}""", "standards: expected an array of strings, got the string \"TCVN\"")]
    public void Read_WrongType_DescribesWhatCame(string json, string message)
    {
        // Act
        var record = Read(json);

        // Assert
        Assert.Equal(message, Assert.Single(record.FieldErrors).Message);
    }

    [Fact]
    public void Read_LongWrongValue_IsShortenedInTheMessage()
    {
        // Arrange
        var longText = new string('x', 60);

        // Act
        var record = Read($$"""{"stars":"{{longText}}"}""");

        // Assert
        Assert.Equal($"stars: expected a whole number, got the string \"{new string('x', 39)}…", Assert.Single(record.FieldErrors).Message);
    }

    [Fact]
    public void Read_SeveralWrongFields_ReportsAllInsteadOfStopping()
    {
        // Act
        var record = Read("""{"registryId":5,"stars":"x","priceVnd":"y","certificate":{"issuedOn":"z"}}""");

        // Assert
        Assert.Equal(["registryId", "stars", "certificate.issuedOn", "priceVnd"], record.FieldErrors.Select(e => e.Field));
    }

    [Theory]
    [InlineData("[1,2]", "array")]
    [InlineData("\"REG-00002\"", "string")]
    [InlineData("42", "number")]
    [InlineData("null", "null")]
    public void Read_NonObjectRecord_IsOneErrorOnTheRoot(string json, string kind)
    {
        // Act
        var record = Read(json);

        // Assert
        var error = Assert.Single(record.FieldErrors);
        Assert.Equal(new RegistryFieldError("$", $"record: expected an object, got {kind}"), error);
        Assert.Null(record.Product.RegistryId);
        Assert.Equal(json, record.SourceJson);
    }

    [Fact]
    public void Read_AnyRecord_KeepsTheRawJson()
    {
        // Arrange
        const string json = """{ "registryId" : "REG-1",  "name":"Chè" }""";

        // Act
        var record = Read(json);

        // Assert
        Assert.Equal(json, record.SourceJson);
    }
}
