namespace Peninsula.Bargaining.Models;

/// <summary>
/// The compromise model ("compromise"): on each dimension the capability×salience-weighted mean of the
/// positions, Σ cᵢsᵢₖxᵢₖ / Σ cᵢsᵢₖ — the standard benchmark in the EU-bargaining literature. One-shot: the
/// trajectory is the input only. If no actor has capability×salience &gt; 0 on a dimension, capabilities alone
/// weigh (then equal weights), and a note says so.
/// </summary>
public sealed class CompromiseModel : IBargainingModel
{
    /// <inheritdoc/>
    public string Id => "compromise";

    /// <inheritdoc/>
    public BargainingResult Run(IssueSpace space)
    {
        ModelSupport.CheckShape(space);
        var notes = new List<string> { "forecast: capability x salience weighted mean per dimension" };
        var forecast = new double[space.DimensionCount];
        for (var k = 0; k < forecast.Length; k++)
        {
            var w = ModelSupport.Weights(space, k, notes);
            double num = 0, den = 0;
            for (var i = 0; i < w.Length; i++)
            {
                num += w[i] * space.Stakeholders[i].Positions[k];
                den += w[i];
            }
            forecast[k] = num / den;
        }
        return ModelSupport.OneShot(Id, space, forecast, notes);
    }
}
