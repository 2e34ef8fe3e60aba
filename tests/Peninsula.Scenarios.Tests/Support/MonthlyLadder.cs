using System.Globalization;
using CsvHelper;
using Peninsula.Core;

namespace Peninsula.Scenarios.Tests.Support;

/// <summary>Labels each month of <c>data/monthly_series.csv</c> with its ladder level by DESIGN section 3's rule.</summary>
internal static class MonthlyLadder
{
    public static IReadOnlyList<(Month Month, int Level)> Read()
    {
        using var csv = CsvReader.FromFile(Repo.Data("monthly_series.csv"));
        var months = new List<(Month, int)>();
        while (csv.Read())
        {
            double F(string column) => csv.GetString(column) is { Length: > 0 } text ? double.Parse(text, CultureInfo.InvariantCulture) : 0;
            var level =
                F("ev_nuclear_test") > 0 ? 6
                : F("icbm_missiles") > 0 || F("slv_launches") > 0 ? 5
                : F("mrbm_irbm_days") > 0 || F("slbm_missiles") > 0 ? 4
                : F("srbm_days") > 0 || F("csis_only_ballistic_days") > 0 || F("cruise_days") > 0 || F("cns_launch_days") > 0 ? 3
                : F("ev_provocation_interkorean") > 0 ? 2
                : F("dprk_conflict_events") > 0 ? 1
                : 0;
            months.Add((Month.Of(csv.Parse<int>("year"), csv.Parse<int>("month")), level));
        }
        return months;
    }
}
