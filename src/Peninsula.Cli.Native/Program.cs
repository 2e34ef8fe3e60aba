using Peninsula.Cli.Bargain;
using Spectre.Console;

return NativeEntry.Run(args, AnsiConsole.Console, Console.Error);
