using ScottPlot;
using SkiaSharp;

namespace Peninsula.Charts.Rendering;

/// <summary>Draws a whole chart into <paramref name="area"/> of <paramref name="canvas"/>.</summary>
internal delegate void Painter(SKCanvas canvas, PixelRect area);
