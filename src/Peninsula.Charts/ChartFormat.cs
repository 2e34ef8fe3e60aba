namespace Peninsula.Charts;

/// <summary>Image format of a rendered chart.</summary>
public enum ChartFormat
{
    /// <summary>Raster PNG (8-bit RGBA) at the chart's pixel size.</summary>
    Png,

    /// <summary>Scalable vector graphics (UTF-8 XML); text stays text.</summary>
    Svg,
}
