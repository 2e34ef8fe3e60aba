namespace Peninsula.Testing;

/// <summary>A fuzz run found inputs that crashed a parser or broke its error promise; the message lists them with seed and case.</summary>
public sealed class FuzzFailureException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FuzzFailureException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public FuzzFailureException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public FuzzFailureException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
