using System.Reflection;
using Spectre.Console.Cli;

namespace Peninsula.Cli.Infrastructure;

/// <summary>
/// Refuses a text option given without its value. Spectre.Console.Cli binds a text option that ends the line, or is
/// followed by another option, to the placeholder "__default_command" instead of failing, so <c>run --out</c> would
/// have simulated and written the forecast to a file of that name. (A numeric option without its value already fails
/// to convert; a flag takes no value.)
/// </summary>
internal sealed class MissingValueInterceptor : ICommandInterceptor
{
    private const string Placeholder = "__default_command";

    /// <inheritdoc />
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        foreach (var property in settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.PropertyType == typeof(string) && property.GetValue(settings) is Placeholder
                && property.GetCustomAttribute<CommandOptionAttribute>() is { } option)
            {
                throw new UserErrorException($"--{option.LongNames[0]}: a value is required");
            }
        }
    }

    /// <inheritdoc />
    public void InterceptResult(CommandContext context, CommandSettings settings, ref int result)
    {
    }
}
