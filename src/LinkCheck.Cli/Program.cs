using LinkCheck.Cli;

return await LinkCheckCli.RunAsync(args, CliEnvironment.FromProcess()).ConfigureAwait(false);
