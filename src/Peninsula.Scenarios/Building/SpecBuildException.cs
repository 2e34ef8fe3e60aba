using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Building;

/// <summary>
/// Raised by <see cref="SpecBuilder"/> when a value the validators should have guaranteed is missing.
/// The loader turns it into an error; it never escapes the library.
/// </summary>
internal sealed class SpecBuildException(Origin origin, string path, string message) : Exception(message)
{
    public Origin Origin { get; } = origin;

    public string Path { get; } = path;
}
