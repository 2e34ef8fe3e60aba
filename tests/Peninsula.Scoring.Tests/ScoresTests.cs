using CsCheck;

namespace Peninsula.Scoring.Tests;

public class ScoresTests
{
    [Fact]
    public void Brier_TwoForecasts_MatchesHandComputation()
    {
        Assert.Equal((0.04 + 0.01) / 2, Scores.Brier([0.2, 0.9], [false, true]), 15);
    }

    [Fact]
    public void Brier_SingleCase_IsSquaredError()
    {
        Assert.Equal(0.49, Scores.Brier(0.7, false), 15);
        Assert.Equal(0.09, Scores.Brier(0.7, true), 15);
    }

    [Fact]
    public void Log_TwoForecasts_IsMeanNegativeLogLikelihood()
    {
        // (−ln 0.8 − ln 0.7) / 2
        Assert.Equal(0.2899092476264711, Scores.Log([0.8, 0.3], [true, false]), 14);
    }

    [Fact]
    public void Log_CertainMiss_IsCappedByTheFloor()
    {
        Assert.Equal(6.907755278982137, Scores.Log(0.0, true), 12);            // −ln 0.001
        Assert.Equal(6.907755278982137, Scores.Log(1.0, false), 12);
        Assert.Equal(0.0010005003335835344, Scores.Log(1.0, true), 15);       // −ln 0.999
        Assert.Equal(-Math.Log(0.01), Scores.Log(0.0, true, floor: 0.01), 12);
    }

    [Fact]
    public void Log_ProbabilityInsideFloor_IsUnclipped()
    {
        Assert.Equal(-Math.Log(0.002), Scores.Log(0.002, true), 15);
    }

    [Fact]
    public void RankedProbability_ThreeCategories_MatchesHandComputation()
    {
        // F = [0.2, 0.7]; observed 2: O = [0, 0] → (0.04 + 0.49) / 2
        Assert.Equal(0.265, Scores.RankedProbability([0.2, 0.5, 0.3], 2), 14);
        // observed 0: O = [1, 1] → (0.64 + 0.09) / 2
        Assert.Equal(0.365, Scores.RankedProbability([0.2, 0.5, 0.3], 0), 14);
        // observed 1: O = [0, 1] → (0.04 + 0.09) / 2
        Assert.Equal(0.065, Scores.RankedProbability([0.2, 0.5, 0.3], 1), 14);
    }

    [Fact]
    public void RankedProbability_PerfectAndWorstForecasts_AreZeroAndOne()
    {
        Assert.Equal(0.0, Scores.RankedProbability([0, 0, 0, 1, 0, 0, 0], 3));
        Assert.Equal(1.0, Scores.RankedProbability([1, 0, 0, 0, 0, 0, 0], 6));
    }

    [Fact]
    public void RankedProbability_Mean_AveragesCases()
    {
        double[][] forecasts = [[0.2, 0.5, 0.3], [0.2, 0.5, 0.3]];
        Assert.Equal((0.265 + 0.365) / 2, Scores.RankedProbability(forecasts, [2, 0]), 14);
    }

    [Fact]
    public void RankedProbability_TwoCategories_EqualsBrier()
    {
        Gen.Select(Gen.Double[0.0, 1.0], Gen.Bool).Sample((p, happened) =>
        {
            var rps = Scores.RankedProbability([1.0 - p, p], happened ? 1 : 0);
            Assert.Equal(Scores.Brier(p, happened), rps, 14);
        }, iter: 2_000);
    }

    [Fact]
    public void Skill_HalfTheReferenceScore_IsOneHalf()
    {
        Assert.Equal(0.5, Scores.Skill(0.1, 0.2), 15);
        Assert.Equal(0.0, Scores.Skill(0.2, 0.2));
        Assert.Equal(-1.0, Scores.Skill(0.4, 0.2), 15);
    }

    [Fact]
    public void InvalidInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Scores.Brier(1.1, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scores.Brier(double.NaN, true));
        Assert.Throws<ArgumentException>(() => Scores.Brier([0.1], [true, false]));
        Assert.Throws<ArgumentException>(() => Scores.Brier([], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scores.Log(0.5, true, floor: 0.0));
        Assert.Throws<ArgumentException>(() => Scores.RankedProbability([0.5, 0.6], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Scores.RankedProbability([0.5, 0.5], 2));
        Assert.Throws<ArgumentException>(() => Scores.RankedProbability([1.0], 0));
    }
}
