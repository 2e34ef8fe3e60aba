namespace Peninsula.Cli.Infrastructure;

/// <summary>A mistake in the user's input, reported as one line with a non-zero exit code.</summary>
public sealed class UserErrorException(string message) : Exception(message);
