namespace Peninsula.Bargaining.Tests.Support;

/// <summary>Small inputs written for the tests.</summary>
internal static class Samples
{
    /// <summary>A bargaining block as it would sit inside a Peninsula scenario (with another top-level key).</summary>
    public const string Yaml = """
        # Illustrative numbers, not an assessment.
        name: talks-sample
        bargaining:
          name: hanoi-style summit
          description: three issues, five stakeholders
          dimensions: [denuclearization, sanctions_relief, normalization]
          stakeholders:
            USA-executive: {capability: 100, position: [85, 30, 40], salience: [50, 30, 20], rationale: "complete, verified denuclearization first"}
            USA-congress: {capability: 40, position: [95, 10, 20], salience: [40, 50, 10]}
            DPRK:
              capability: 60
              position: [20, 90, 70]
              salience: [40, 45, 15]
              description: the Kim government
              rationale: "sanctions relief before dismantlement"
            China: {capability: 50, position: [50, 70, 80], salience: [30, 40, 30]}
            ROK: {capability: 30, position: [60, 60, 85], salience: [30, 20, 50]}
        """;

    /// <summary>A valid KTAB CSV with two dimensions and three actors.</summary>
    public const string KtabCsv = """
        Tiny,"three actors, two issues",3,2,
        Actor,Description,Power,Pos1,Sal1,Pos2,Sal2,
        A,first,100,10,50,20,40,
        B,second,50,90,30,80,60,
        C,,25,50,25,50,25,
        """;
}
