using Peninsula.History.Tests.Support;

namespace Peninsula.History.Tests;

/// <summary>The size cap: a file over 8 MiB, or a device that never ends, is refused with one located line, unread.</summary>
public sealed class LoaderLimitTests
{
    [Fact]
    public void Load_AFileOverTheLimit_IsRefusedAtLine1()
    {
        using var folder = new TempFolder().WithDataCopy();
        using (var f = File.OpenWrite(folder.File("events.csv"))) f.SetLength(HistoricalData.MaxFileBytes + 1L);
        var e = Assert.Throws<HistoricalDataException>(() => HistoricalData.Load(folder.Path));
        Assert.Equal("events.csv:1: file is larger than 8 MiB", e.Message);
    }

    [Fact]
    public void Load_ADeviceThatNeverEnds_StopsAtTheLimit()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/dev/zero")) return;
        using var folder = new TempFolder().WithDataCopy();
        File.Delete(folder.File("exogenous.csv"));
        File.CreateSymbolicLink(folder.File("exogenous.csv"), "/dev/zero");
        var e = Assert.Throws<HistoricalDataException>(() => HistoricalAdditions.Load(folder.Path));
        Assert.Equal("exogenous.csv:1: file is larger than 8 MiB", e.Message);
        File.Delete(folder.File("exogenous.csv"));
    }

    [Fact]
    public void ParseFile_BytesOverTheLimit_AreRefusedUnparsed()
    {
        var e = Assert.Throws<HistoricalDataException>(() => HistoricalData.ParseFile("nuclear_tests.csv", new byte[HistoricalData.MaxFileBytes + 1], null));
        Assert.Equal("nuclear_tests.csv:1: file is larger than 8 MiB", e.Message);
    }
}
