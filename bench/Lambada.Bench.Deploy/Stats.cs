namespace Lambada.Bench.Deploy;

/// <summary>Medians and formatting for the report.</summary>
public static class Stats
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0)
            return double.NaN;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Ms(double value) => double.IsNaN(value) ? "—" : value >= 100 ? value.ToString("F0") : value.ToString("F1");

    public static string Ratio(double value) => double.IsNaN(value) ? "—" : value >= 10 ? value.ToString("F0") + "x" : value.ToString("F1") + "x";
}
