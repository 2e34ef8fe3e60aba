namespace Peninsula.Core.Tests;

/// <summary>The one size-capped file read every parser of user files goes through.</summary>
public sealed class BoundedFileTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(81920)]
    [InlineData(200_000)]
    public void ReadAllBytes_UpToTheLimit_ReturnsEveryByte(int length)
    {
        var path = Path.GetTempFileName();
        try
        {
            var bytes = new byte[length];
            new Random(length).NextBytes(bytes);
            File.WriteAllBytes(path, bytes);

            Assert.Equal(bytes, BoundedFile.ReadAllBytes(path, length));
            Assert.Null(length > 0 ? BoundedFile.ReadAllBytes(path, length - 1) : null);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ReadAllBytes_DeviceThatNeverEnds_StopsAtTheLimit()
    {
        if (!File.Exists("/dev/zero")) return; // not a Unix-like system
        Assert.Null(BoundedFile.ReadAllBytes("/dev/zero", 1 << 20));
    }

    [Fact]
    public void ReadAllBytes_MissingFile_ThrowsFileNotFound()
    {
        Assert.Throws<FileNotFoundException>(() => BoundedFile.ReadAllBytes(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), 10));
    }
}
