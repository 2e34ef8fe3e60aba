using Peninsula.Cli;
using Spectre.Console;

return CliApp.Run(args, AnsiConsole.Console, Console.Error);
