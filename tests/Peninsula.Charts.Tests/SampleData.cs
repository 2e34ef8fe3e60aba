using System.Collections.Immutable;
using System.Globalization;

namespace Peninsula.Charts.Tests;

/// <summary>Deterministic, plausible-looking chart inputs; <c>shift</c> changes the numbers but not the shape of the input.</summary>
internal static class SampleData
{
    public static readonly string[] Policies = ["status quo", "principled diplomacy", "maximum pressure", "arms control first"];

    public static ImmutableArray<string> Months(string first, int count)
    {
        int year = int.Parse(first[..4], CultureInfo.InvariantCulture);
        int month = int.Parse(first[5..], CultureInfo.InvariantCulture) - 1;
        return [.. Enumerable.Range(0, count).Select(i =>
            $"{year + ((month + i) / 12):D4}-{((month + i) % 12) + 1:D2}")];
    }

    public static FanChartData Fan(double shift = 0, int months = 48)
    {
        ImmutableArray<string> labels = Months("2021-01", months);
        FanSeries Series(string name, double baseP, double trend) => new(name, [.. Enumerable.Range(0, months).Select(t =>
        {
            double m = Math.Clamp(baseP + shift + (trend * t) + (0.03 * Math.Sin(t / 3.0)), 0.01, 0.9);
            double w = (0.25 * m) + 0.01;
            return new MonthQuantiles(m, Math.Max(0, m - w), Math.Min(1, m + w), Math.Max(0, m - (2.2 * w)), Math.Min(1, m + (2.2 * w)));
        })]);
        return new FanChartData("P(ladder level ≥k in a month) under principled diplomacy", labels,
            [Series("level ≥3", 0.30, 0.002), Series("level ≥4", 0.14, 0.0015), Series("level ≥5", 0.05, 0.0008)]);
    }

    public static CumulativeProbabilityData Cumulative(double shift = 0, int months = 48)
    {
        ImmutableArray<string> labels = Months("2021-01", months);
        BandedSeries Series(string name, double hazard) => new(name,
            [.. Enumerable.Range(1, months).Select(t => 1 - Math.Pow(1 - hazard, t))],
            [.. Enumerable.Range(1, months).Select(t => 1 - Math.Pow(1 - (hazard * 0.6), t))],
            [.. Enumerable.Range(1, months).Select(t => 1 - Math.Pow(1 - (hazard * 1.5), t))]);
        return new CumulativeProbabilityData("Probability of a first ICBM or nuclear test (level ≥5) by month", labels,
            [Series(Policies[0], 0.030 + shift), Series(Policies[1], 0.018 + shift), Series(Policies[2], 0.041 + shift)]);
    }

    public static PolicyComparisonData Comparison(double shift = 0)
    {
        string[] outcomes = ["level≥5 within 12 months", "talks within 24 months", "summit within 48 months"];
        var rows = new List<PolicyDifference>();
        for (int o = 0; o < outcomes.Length; o++)
        {
            for (int p = 1; p < Policies.Length; p++)
            {
                double e = shift + (0.04 * (p - 2)) + (0.05 * (o - 1) * (p == 1 ? 1 : -1));
                rows.Add(new PolicyDifference(outcomes[o], Policies[p], e, e - 0.006, e + 0.006, e - 0.05 - (0.01 * o), e + 0.04 + (0.01 * p)));
            }
        }
        return new PolicyComparisonData("Policy packages vs status quo: paired differences", Policies[0], [.. rows]);
    }

    public static HeadlineProbabilityData Headline(double shift = 0)
    {
        string[] outcomes = ["level≥5 within 12 months", "talks within 24 months", "summit within 48 months", "framework within 48 months"];
        var rows = new List<HeadlineProbability>();
        for (int o = 0; o < outcomes.Length; o++)
        {
            for (int p = 0; p < Policies.Length; p++)
            {
                double v = Math.Clamp(shift + 0.08 + (0.15 * ((o + p) % 4)) + (0.02 * p), 0.01, 0.95);
                rows.Add(new HeadlineProbability(outcomes[o], Policies[p], v, Math.Max(0, v - 0.05), Math.Min(1, v + 0.07)));
            }
        }
        return new HeadlineProbabilityData("Headline outcomes by policy package", [.. rows]);
    }

    public static PhaseChartData Phases(double shift = 0, int months = 48)
    {
        string[] phases = ["none", "contact", "talks", "summit", "framework", "implementation", "collapsed"];
        var shares = new List<ImmutableArray<double>>();
        for (int t = 0; t < months; t++)
        {
            double progress = Math.Clamp((t / (double)months) + shift, 0, 1);
            double[] raw = [1.2 - progress, 0.3 + (0.2 * progress), 0.1 + (0.4 * progress), 0.05 + (0.1 * progress),
                0.02 + (0.2 * progress * progress), 0.01 + (0.1 * progress * progress), 0.02 + (0.1 * progress)];
            double sum = raw.Sum();
            shares.Add([.. raw.Select(r => r / sum)]);
        }
        return new PhaseChartData("Negotiation phase by month, principled diplomacy", Months("2021-01", months), [.. phases], [.. shares]);
    }

    public static PathChartData Paths(double shift = 0, int months = 48)
    {
        ImmutableArray<string> labels = Months("2021-01", months);
        BandedSeries Path(string name, Func<int, double> mean, double spread) => new(name,
            [.. Enumerable.Range(0, months).Select(mean)],
            [.. Enumerable.Range(0, months).Select(t => mean(t) - (spread * Math.Sqrt(t + 1)))],
            [.. Enumerable.Range(0, months).Select(t => mean(t) + (spread * Math.Sqrt(t + 1)))]);
        return new PathChartData("Sanctions pressure and economic stress (mean and 5–95% range)", labels,
        [
            new PathQuantity("Sanctions pressure", "index 0–1",
                [Path(Policies[0], t => 0.55 + shift + (0.001 * t), 0.01), Path(Policies[2], t => 0.55 + shift + (0.006 * t), 0.012)]),
            new PathQuantity("Economic stress", "index 0–1",
                [Path(Policies[0], t => 0.40 + shift + (0.002 * t), 0.012), Path(Policies[2], t => 0.40 + shift + (0.005 * t), 0.015)]),
        ]);
    }

    public static ReliabilityChartData Reliability(double shift = 0)
    {
        ReliabilityTarget Target(string name, double bias, int scale) => new(name, [.. Enumerable.Range(0, 6).Select(b =>
        {
            double f = 0.05 + (0.15 * b);
            double o = Math.Clamp(f + bias + shift + (0.03 * Math.Sin(b)), 0.01, 0.99);
            int n = Math.Max(1, scale * (6 - b) * (6 - b) / 4);
            double h = 1.64 * Math.Sqrt(o * (1 - o) / n);
            return new ReliabilityBin(f, o, n, Math.Max(0, o - h), Math.Min(1, o + h));
        })]);
        return new ReliabilityChartData("Reliability of 12-month forecasts, backtest 2000–2016",
            [Target("level≥3 within 12 months", 0.04, 12), Target("level≥5 within 12 months", -0.05, 9)]);
    }

    public static SkillScoreChartData Skill(double shift = 0)
    {
        string[] baselines = ["long-run", "recent-rate", "last-12", "markov", "seasonal", "ewma"];
        string[] scores = ["Brier", "log", "RPS"];
        var rows = new List<SkillScore>();
        for (int b = 0; b < baselines.Length; b++)
        {
            for (int s = 0; s < scores.Length; s++)
            {
                double v = shift + 0.25 - (0.08 * b) + (0.05 * s);
                rows.Add(new SkillScore(scores[s], baselines[b], v, v - 0.06, v + 0.05));
            }
        }
        return new SkillScoreChartData("Forecast skill against six baselines (backtest, 48-month horizon)", [.. rows]);
    }

    public static BargainingChartData Bargaining(int actors = 34, double shift = 0, int turns = 12)
    {
        var list = new List<ActorTrajectory>();
        for (int a = 0; a < actors; a++)
        {
            double start = (a * 97 % 101) * 0.99;
            double target = 45 + (shift * 10) + (a % 5);
            list.Add(new ActorTrajectory($"Actor {a + 1:D2} ({(a % 3 == 0 ? "govt" : a % 3 == 1 ? "party" : "group")})",
                [.. Enumerable.Range(0, turns).Select(t => Math.Clamp(start + ((target - start) * (1 - Math.Pow(0.7, t))), 0, 100))]));
        }
        return new BargainingChartData("Bargaining on denuclearisation steps: positions by turn", "denuclearisation steps", [.. list]);
    }

    public static HistoricalRecordData History(double shift = 0)
    {
        ImmutableArray<string> months = Months("1990-01", 372);
        int[] levels = [.. Enumerable.Range(0, months.Length).Select(i =>
        {
            double x = Math.Sin(i * 0.37) + Math.Sin(i * 0.113) + (shift * 2);
            return x > 1.7 ? 5 : x > 1.2 ? 4 : x > 0.6 ? 3 : x > 0 ? 2 : x > -0.8 ? 1 : 0;
        })];
        double[] fitted = [.. Enumerable.Range(0, months.Length).Select(i =>
            Math.Clamp(0.25 + (0.15 * Math.Sin(i * 0.113)) + (0.1 * Math.Sin(i * 0.37)) + shift, 0, 1))];
        return new HistoricalRecordData("The record 1990–2020: monthly ladder level and the fitted model", months, [.. levels],
        [
            new AdministrationPeriod("Bush (41)", "1990-01", "1993-01"),
            new AdministrationPeriod("Clinton", "1993-02", "2001-01"),
            new AdministrationPeriod("Bush (43)", "2001-02", "2009-01"),
            new AdministrationPeriod("Obama", "2009-02", "2017-01"),
            new AdministrationPeriod("Trump", "2017-02", "2020-12"),
        ])
        { Fitted = [.. fitted] };
    }
}
