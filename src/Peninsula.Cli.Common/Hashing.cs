using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Peninsula.Core;

namespace Peninsula.Cli.Infrastructure;

/// <summary>SHA-256 provenance hashes (DESIGN section 2).</summary>
public static class Hashing
{
    /// <summary>Lowercase hex SHA-256 of a UTF-8 string.</summary>
    public static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>
    /// Canonical hash of a data folder: every *.csv file in ordinal name order, each contributing
    /// "name\nsha256(bytes)\n". Missing folder hashes as the empty set.
    /// </summary>
    public static string DataSha256(string folder)
    {
        var sb = new StringBuilder();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.csv").OrderBy(Path.GetFileName, StringComparer.Ordinal))
            {
                sb.Append(Path.GetFileName(file)).Append('\n')
                  .Append(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)))).Append('\n');
            }
        }
        return Sha256(sb.ToString());
    }

    /// <summary>Hash of a parameter set: names, means, sds, bounds and covariance, in vector order.</summary>
    public static string ParametersSha256(ParameterSet parameters)
    {
        var sb = new StringBuilder();
        foreach (var p in parameters.Specs)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{p.Name}={p.Mean:R};{p.Sd:R};{p.Lower:R};{p.Upper:R}\n");
        }
        var cov = parameters.Covariance;
        for (var i = 0; i < cov.RowCount; i++)
        {
            for (var j = 0; j < cov.ColumnCount; j++) sb.Append(cov[i, j].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            sb.Append('\n');
        }
        return Sha256(sb.ToString());
    }
}
