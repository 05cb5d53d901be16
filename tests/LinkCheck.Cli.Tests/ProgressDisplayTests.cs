using LinkCheck.Core.Resolution;

namespace LinkCheck.Cli.Tests;

public sealed class ProgressDisplayTests
{
    [Fact]
    public void Line_SeparatesInFlightFromQueuedAndEstimatesFromTheBusiestHost()
    {
        var progress = new CheckProgress(10, 40, 3, 1, "example.com") { Queued = 27, BusiestHostLoad = 20, BusiestHostMinimum = TimeSpan.FromSeconds(40) };

        var line = ProgressDisplay.Line(progress, TimeSpan.FromSeconds(5));

        // The pace so far says 15s more; the busiest host's queue needs at least 40s at its rate limit.
        Assert.Equal("10/40 checked, 3 in flight, 27 queued, 1 broken, 5s elapsed, about 40s left (busiest host example.com: 20 requests)", line);
    }

    [Fact]
    public void Line_WithoutAHostLimit_EstimatesFromThePaceSoFar()
    {
        var progress = new CheckProgress(30, 40, 2, 0, null) { Queued = 8 };

        Assert.Equal("30/40 checked, 2 in flight, 8 queued, 0 broken, 1m 30s elapsed, about 30s left", ProgressDisplay.Line(progress, TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public void Line_BeforeAnyCheckFinished_SaysItIsEstimating()
    {
        var progress = new CheckProgress(0, 5, 5, 0, null);

        Assert.Equal("0/5 checked, 5 in flight, 0 queued, 0 broken, 1s elapsed, estimating the time left", ProgressDisplay.Line(progress, TimeSpan.FromMilliseconds(300)));
    }
}
