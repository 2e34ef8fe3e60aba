namespace Peninsula.Storage.Tests;

public sealed class StorageExceptionTests
{
    [Fact]
    public void Message_DetailWithLineBreaks_IsOneLineNamingFileAndOperation()
    {
        var inner = new IOException("disk\nfull");

        var error = new StorageException("/data/runs.db", "saving batch 3 of run ab", "database or disk is full\r\nretry later", inner);

        Assert.Equal("Storage error in '/data/runs.db': saving batch 3 of run ab failed: database or disk is full retry later", error.Message);
        Assert.Equal("/data/runs.db", error.DatabasePath);
        Assert.Equal("saving batch 3 of run ab", error.Operation);
        Assert.Same(inner, error.InnerException);
    }
}
