using System.Text;
using ScottPlot;
using SkiaSharp;

namespace Peninsula.Charts.Rendering;

/// <summary>Runs a <see cref="Painter"/> on a raster or an SVG canvas.</summary>
internal static class FigureRenderer
{
    public static byte[] Png(int width, int height, Painter painter)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using SKSurface surface = SKSurface.Create(info)
            ?? throw new InvalidOperationException($"Skia could not allocate a {width}×{height} raster surface.");
        surface.Canvas.Clear(SKColors.White);
        painter(surface.Canvas, new PixelRect(0, width, height, 0));
        surface.Canvas.Flush();
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    public static string Svg(int width, int height, Painter painter)
    {
        using var stream = new MemoryStream();
        // The SVG canvas writes the closing tag when it is disposed, so read the stream only after.
        using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), stream))
        {
            painter(canvas, new PixelRect(0, width, height, 0));
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
