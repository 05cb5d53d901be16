using LinkCheck.Tests.Shared;

// linkcheck-fake-github ADDRESS PORT: serves the fake API and prints one line per request
// ("METHOD PATH AUTHORIZATION"), until stopped.
var api = await FakeGitHubApi.StartAsync(args.Length > 0 ? args[0] : "127.0.0.7", args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 18090);
api.OnRequest = request =>
{
    Console.WriteLine($"{request.Method} {request.Path} {request.Authorization ?? "-"}");
    Console.Out.Flush();
};
Console.WriteLine("ready " + api.BaseUrl);
Console.Out.Flush();
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};
AppDomain.CurrentDomain.ProcessExit += (_, _) => stop.Cancel();
try
{
    await Task.Delay(Timeout.Infinite, stop.Token);
}
catch (OperationCanceledException)
{
}

await api.DisposeAsync();
