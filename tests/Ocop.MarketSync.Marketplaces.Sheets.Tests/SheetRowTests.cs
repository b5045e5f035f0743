using Ocop.MarketSync.Marketplaces.Sheets.Store;

namespace Ocop.MarketSync.Marketplaces.Sheets.Tests;

/// <summary>The one collapsing rule every store applies.</summary>
public sealed class SheetRowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(SheetRowKind.Add, SheetRowKind.Change, SheetRowKind.Add)]
    [InlineData(SheetRowKind.ReAdd, SheetRowKind.Change, SheetRowKind.ReAdd)]
    [InlineData(SheetRowKind.Remove, SheetRowKind.Change, SheetRowKind.Remove)]
    [InlineData(SheetRowKind.Change, SheetRowKind.Change, SheetRowKind.Change)]
    [InlineData(SheetRowKind.Add, SheetRowKind.Remove, SheetRowKind.Remove)]
    [InlineData(SheetRowKind.Remove, SheetRowKind.ReAdd, SheetRowKind.ReAdd)]
    [InlineData(SheetRowKind.Add, SheetRowKind.ReAdd, SheetRowKind.Add)]
    [InlineData(SheetRowKind.Remove, SheetRowKind.Add, SheetRowKind.Add)]
    public void CollapseWith_KindPair_GivesTheDocumentedKind(SheetRowKind first, SheetRowKind later, SheetRowKind expected)
    {
        // Arrange
        var row = new SheetRow("S", first, T0);

        // Act
        var collapsed = row.CollapseWith(new SheetRow("S", later, T0.AddMinutes(1)));

        // Assert
        Assert.Equal((expected, T0.AddMinutes(1)), (collapsed.Kind, collapsed.At));
    }

    [Fact]
    public void CollapseWith_LaterLacksAValue_KeepsTheEarlierOne()
    {
        // Arrange
        var row = new SheetRow("S", SheetRowKind.Change, T0) { PriceVnd = 10, Stock = 1, RemoteId = "R" };

        // Act
        var collapsed = row.CollapseWith(new SheetRow("S", SheetRowKind.Change, T0) { Stock = 2 });

        // Assert
        Assert.Equal((10L, 2, "R"), (collapsed.PriceVnd!.Value, collapsed.Stock!.Value, collapsed.RemoteId));
    }

    [Fact]
    public void CollapseWith_AnotherSku_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SheetRow("A", SheetRowKind.Add, T0).CollapseWith(new SheetRow("B", SheetRowKind.Add, T0)));
    }
}
