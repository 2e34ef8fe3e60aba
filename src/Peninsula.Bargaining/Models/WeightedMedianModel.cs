namespace Peninsula.Bargaining.Models;

/// <summary>
/// The weighted-median model ("median"): on each dimension the position of the capability×salience-weighted
/// median actor — the point no weighted majority wants to move away from (the median voter in one dimension).
/// Tie rule: actors with zero weight are ignored; when the weight at or below some position is exactly half the
/// total (within 10⁻¹² of it), every point between that position and the next higher position is a median and
/// the model returns their midpoint. Zero-weight fallbacks as in <see cref="CompromiseModel"/>. One-shot.
/// </summary>
public sealed class WeightedMedianModel : IBargainingModel
{
    /// <inheritdoc/>
    public string Id => "median";

    /// <inheritdoc/>
    public BargainingResult Run(IssueSpace space)
    {
        ModelSupport.CheckShape(space);
        var notes = new List<string> { "forecast: capability x salience weighted median per dimension; an exact half-weight split gives the midpoint" };
        var forecast = new double[space.DimensionCount];
        for (var k = 0; k < forecast.Length; k++)
        {
            var w = ModelSupport.Weights(space, k, notes);
            var x = space.Stakeholders.Select(s => s.Positions[k]).ToArray();
            forecast[k] = Median(x, w);
        }
        return ModelSupport.OneShot(Id, space, forecast, notes);
    }

    /// <summary>The weighted median of <paramref name="x"/> with weights <paramref name="w"/> (≥ 0, positive total), by the tie rule above.</summary>
    public static double Median(IReadOnlyList<double> x, IReadOnlyList<double> w)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(w);
        if (x.Count != w.Count)
            throw new ArgumentException("positions and weights differ in length", nameof(w));
        var points = new List<(double X, double W)>();
        var total = 0.0;
        for (var i = 0; i < x.Count; i++)
        {
            if (w[i] > 0)
            {
                points.Add((x[i], w[i]));
                total += w[i];
            }
        }
        if (points.Count == 0)
            throw new ArgumentException("no positive weight", nameof(w));
        points.Sort((a, b) => a.X.CompareTo(b.X));

        // Distinct positions with their summed weights, ascending.
        var xs = new List<double>();
        var ws = new List<double>();
        foreach (var (px, pw) in points)
        {
            if (xs.Count > 0 && xs[^1] == px)
                ws[^1] += pw;
            else
            {
                xs.Add(px);
                ws.Add(pw);
            }
        }
        var half = total / 2;
        var eps = 1e-12 * total;
        var cumulative = 0.0;
        for (var j = 0; j < xs.Count; j++)
        {
            cumulative += ws[j];
            if (Math.Abs(cumulative - half) <= eps && j + 1 < xs.Count)
                return (xs[j] + xs[j + 1]) / 2;
            if (cumulative >= half)
                return xs[j];
        }
        return xs[^1];
    }
}
