using System.Text;
using Ocop.MarketSync.Registry;
using Ocop.MarketSync.Registry.Client;

namespace Ocop.MarketSync.UnitTests.Registry.Client;

public sealed class RegistryClientTests
{
    private const string At = "at cursor 'c-41'";

    private static Task<RegistryPage> ReadPageAsync(string body) =>
        RegistryClient.ReadPageAsync(new MemoryStream(Encoding.UTF8.GetBytes(body)), At, TestContext.Current.CancellationToken);

    private static async Task<RegistryPageException> MalformedAsync(string body)
    {
        var ex = await Assert.ThrowsAsync<RegistryPageException>(() => ReadPageAsync(body));
        Assert.Equal(RegistryFailure.Malformed, ex.Failure);
        return ex;
    }

    [Fact]
    public async Task ReadPageAsync_ValidEnvelope_ReadsItemsCursorAndHasMore()
    {
        // Act
        var page = await ReadPageAsync("""{"items":[{"registryId":"REG-1"},{"registryId":"REG-2"}],"nextCursor":"c-42","hasMore":true}""");

        // Assert
        Assert.Equal(["REG-1", "REG-2"], page.Items.Select(i => i.Product.RegistryId));
        Assert.Equal("c-42", page.NextCursor);
        Assert.True(page.HasMore);
    }

    [Fact]
    public async Task ReadPageAsync_NoCursorNorHasMore_IsTheLastPage()
    {
        // Act
        var page = await ReadPageAsync("""{"items":[],"nextCursor":null}""");

        // Assert
        Assert.Empty(page.Items);
        Assert.Null(page.NextCursor);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task ReadPageAsync_EnvelopeWithoutItems_IsMalformed()
    {
        // Act
        var ex = await MalformedAsync("""{"data":[],"hasMore":false}""");

        // Assert
        Assert.Equal("Registry page at cursor 'c-41' has no 'items' array.", ex.Message);
    }

    [Theory]
    [InlineData("""{"items":{"registryId":"REG-1"}}""")]
    [InlineData("""[{"registryId":"REG-1"}]""")]
    public async Task ReadPageAsync_ItemsNotAnArrayOrNoEnvelope_IsMalformed(string body)
    {
        // Act
        var ex = await MalformedAsync(body);

        // Assert
        Assert.Contains("has no 'items' array", ex.Message);
    }

    [Theory]
    [InlineData("""{"items":[{"registryId":"REG-1"},{"regis""")]
    [InlineData("")]
    [InlineData("<html>502 Bad Gateway</html>")]
    public async Task ReadPageAsync_TruncatedOrNotJson_IsMalformed(string body)
    {
        // Act
        var ex = await MalformedAsync(body);

        // Assert
        Assert.StartsWith("Registry page at cursor 'c-41' is not valid JSON: ", ex.Message);
        Assert.NotNull(ex.InnerException);
    }

    [Theory]
    [InlineData("\"true\"")]
    [InlineData("1")]
    [InlineData("null")]
    public async Task ReadPageAsync_HasMoreNotABoolean_IsMalformed(string hasMore)
    {
        // Act
        var ex = await MalformedAsync($$"""{"items":[],"hasMore":{{hasMore}}}""");

        // Assert
        Assert.Equal("Registry page at cursor 'c-41': 'hasMore' is not a boolean.", ex.Message);
    }

    [Fact]
    public async Task ReadPageAsync_NextCursorNotAString_IsMalformed()
    {
        // Act
        var ex = await MalformedAsync("""{"items":[],"nextCursor":42}""");

        // Assert
        Assert.Equal("Registry page at cursor 'c-41': 'nextCursor' is not a string.", ex.Message);
    }

    [Fact]
    public async Task ReadPageAsync_SecondItemWithWrongTypes_ReturnsBothWithFieldErrorsOnTheSecond()
    {
        // Act
        var page = await ReadPageAsync(
            """{"items":[{"registryId":"REG-1","stars":4},{"registryId":"REG-2","stars":"bốn","priceVnd":"nhiều"}],"hasMore":false}""");

        // Assert
        Assert.Equal(2, page.Items.Count);
        Assert.Empty(page.Items[0].FieldErrors);
        Assert.Equal(4, page.Items[0].Product.Stars);
        Assert.Equal("REG-2", page.Items[1].Product.RegistryId);
        Assert.Equal(["stars", "priceVnd"], page.Items[1].FieldErrors.Select(e => e.Field));
    }
}
