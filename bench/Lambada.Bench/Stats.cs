using System.Diagnostics;

namespace Lambada.Bench;

/// <summary>Samples of one measurement, in milliseconds, and the figures the report prints.</summary>
public sealed class Samples(string name)
{
    private readonly List<double> _values = [];

    public string Name { get; } = name;
    public IReadOnlyList<double> Values => _values;
    public int Count => _values.Count;
    public double Median => Percentile(0.5);
    public double Min => _values.Min();
    public double Max => _values.Max();

    public void Add(double milliseconds) => _values.Add(milliseconds);

    /// <summary>Runs <paramref name="action"/> <paramref name="repeat"/> times back to back and records the mean of one run.</summary>
    public T Time<T>(Func<T> action, int repeat = 1)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = action();
        for (var i = 1; i < repeat; i++)
            result = action();
        _values.Add(stopwatch.Elapsed.TotalMilliseconds / repeat);
        return result;
    }

    private double Percentile(double p)
    {
        var sorted = _values.Order().ToArray();
        var rank = p * (sorted.Length - 1);
        var low = (int)Math.Floor(rank);
        var high = (int)Math.Ceiling(rank);
        return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
    }
}

/// <summary>Small helpers shared by the benchmarks.</summary>
public static class Measure
{
    /// <summary>Collects garbage left by the previous sample, so no sample pays for another's allocations.</summary>
    public static void Settle()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    public static string Ms(double value) => value >= 100 ? value.ToString("F0") : value >= 10 ? value.ToString("F1") : value.ToString("F2");

    public static string Ratio(double value) => value.ToString("F2") + "x";
}
