using LinkCheck.Cli;

using var signals = ProcessSignals.Register();
var code = await LinkCheckCli.RunAsync(args, CliEnvironment.FromProcess(), signals.Token).ConfigureAwait(false);
return signals.ExitCode(code);
