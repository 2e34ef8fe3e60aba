using Peninsula.Cli.Infrastructure;
using Peninsula.Storage;
using Spectre.Console;

namespace Peninsula.Cli.Bargain;

/// <summary>
/// The whole <c>peninsula bargain</c> process for the natively compiled entry point: parse, run, and map every
/// failure to one line and the managed CLI's exit codes (2 usage or input, 1 storage or I/O, 70 internal).
/// </summary>
public static class NativeEntry
{
    /// <summary>Runs <c>bargain</c> with <paramref name="args"/> (a leading "bargain" verb is accepted); never throws.</summary>
    public static int Run(IReadOnlyList<string> args, IAnsiConsole console, TextWriter errors)
    {
        var rest = args.Count > 0 && args[0] == "bargain" ? args.Skip(1).ToArray() : args.ToArray();
        try
        {
            var options = BargainArguments.Parse(rest);
            if (options is null)
            {
                console.Write(new Text(BargainArguments.Usage));
                return 0;
            }
            return BargainJob.Execute(options, console, "peninsula bargain " + string.Join(' ', rest));
        }
        catch (UserErrorException e)
        {
            errors.WriteLine($"peninsula: {OneLine(e.Message)}");
            return 2;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or StorageException)
        {
            errors.WriteLine($"peninsula: {OneLine(e.Message)}");
            return 1;
        }
#pragma warning disable CA1031 // the last resort: a one-line message, never a stack trace
        catch (Exception e)
        {
            errors.WriteLine($"peninsula: internal error ({e.GetType().Name}): {OneLine(e.Message)}");
            return 70;
        }
#pragma warning restore CA1031
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ").Trim();
}
