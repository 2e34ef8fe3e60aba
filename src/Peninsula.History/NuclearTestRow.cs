using Peninsula.Core;

namespace Peninsula.History;

/// <summary>A DPRK nuclear test (nuclear_tests.csv).</summary>
/// <param name="TestId">NT1…</param>
/// <param name="DateLocal">Korea-local date.</param>
/// <param name="TimeUtcApprox">Approximate time (UTC).</param>
/// <param name="Site">Test site.</param>
/// <param name="BodyWaveMagnitude">The first body-wave magnitude stated in <paramref name="BodyWaveMagnitudeText"/>.</param>
/// <param name="BodyWaveMagnitudeText">Body-wave magnitude(s) as stored, e.g. <c>6.3 (USGS); 6.1 (CTBTO/NORSAR revised)</c>.</param>
/// <param name="YieldKtEstimate">Yield range in kilotons, as text (estimates vary by method).</param>
/// <param name="YieldCertainty">How certain the yield is.</param>
/// <param name="Notes">Notes.</param>
/// <param name="Sources">Sources.</param>
public sealed record NuclearTestRow(
    string TestId, DateOnly DateLocal, TimeOnly TimeUtcApprox, string Site, double BodyWaveMagnitude,
    string BodyWaveMagnitudeText, string YieldKtEstimate, string YieldCertainty, string Notes, string Sources)
{
    /// <summary>The month of <see cref="DateLocal"/>.</summary>
    public Month Month => Month.Of(DateLocal.Year, DateLocal.Month);
}
