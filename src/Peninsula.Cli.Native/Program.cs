using Peninsula.Cli.Bargain;
using Peninsula.Cli.Infrastructure;
using Peninsula.Cli.Run;
using Spectre.Console;

// peninsula-native: the verbs compiled ahead of time. "--accepts VERB ARGS…" answers (exit 0 or 1, no output) whether
// this binary carries out that command line; ./peninsula asks before handing a command to it.
if (args is ["--accepts", .. var asked]) return asked is ["bargain", ..] || RunEntry.Accepts(asked) ? 0 : 1;
return args is ["run", ..]
    ? RunEntry.Run(args, AnsiConsole.Console, Console.Error, CommandLine.Current())
    : NativeEntry.Run(args, AnsiConsole.Console, Console.Error);
