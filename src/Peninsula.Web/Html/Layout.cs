namespace Peninsula.Web.Html;

/// <summary>The page frame every page shares: head with the inline style sheet, navigation, footer. Nothing is fetched from elsewhere.</summary>
public static class Layout
{
    /// <summary>A whole page.</summary>
    /// <param name="title">Page title (also the first heading).</param>
    /// <param name="body">The page's content.</param>
    /// <param name="section">Navigation entry to highlight: "scenarios", "history" or "bargaining".</param>
    /// <param name="refreshSeconds">When set, the page reloads itself after this many seconds (progress pages; no JavaScript needed).</param>
    /// <param name="refreshUrl">Where the reload goes (default: the same page).</param>
    public static string Page(string title, Markup body, string section = "", int? refreshSeconds = null, string? refreshUrl = null)
    {
        var refresh = refreshSeconds is { } s
            ? Markup.Of($"<meta http-equiv=\"refresh\" content=\"{s}{(refreshUrl is null ? "" : ";url=" + refreshUrl)}\">")
            : Markup.Empty;
        Markup Nav(string id, string href, string label) =>
            Markup.Of($"<a href=\"{href}\"{(id == section ? Markup.Trusted(" aria-current=\"page\"") : Markup.Empty)}>{label}</a>");
        return Markup.Of($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            {refresh}
            <title>{title} · Peninsula</title>
            <style>{Markup.Trusted(Css)}</style>
            </head>
            <body>
            <header class="top"><div class="wrap">
            <a class="brand" href="/">Peninsula</a>
            <nav>{Nav("scenarios", "/", "Scenarios")}{Nav("history", "/runs", "Stored runs")}{Nav("bargaining", "/bargaining", "Bargaining")}</nav>
            </div></header>
            <main class="wrap">
            <h1>{title}</h1>
            {body}
            </main>
            <footer class="wrap">Peninsula {Cli.CodeVersion.Current} · probabilistic forecasts of US–North Korea diplomacy · results are model outputs with Monte Carlo and parameter-uncertainty intervals, not predictions of certainty.</footer>
            </body>
            </html>
            """).Value;
    }

    /// <summary>A one-paragraph message page (errors, refusals).</summary>
    public static string Message(string title, string message, string section = "") =>
        Page(title, Markup.Of($"<p class=\"error\" role=\"alert\">{message}</p><p><a href=\"/\">Back to the scenarios</a></p>"), section);

    /// <summary>The style sheet, inline in every page.</summary>
    public const string Css = """
        :root { --ink:#1d2330; --muted:#5b6474; --line:#d9dee7; --accent:#0b5cad; --bg:#f6f7f9; --bad:#a4161a; --ok:#1b7a3d; }
        * { box-sizing: border-box; }
        body { margin:0; font: 15px/1.5 "DejaVu Sans", "Segoe UI", system-ui, sans-serif; color:var(--ink); background:var(--bg); }
        .wrap { max-width: 1240px; margin: 0 auto; padding: 0 20px; }
        header.top { background:#17324d; color:#fff; }
        header.top .wrap { display:flex; align-items:center; gap:28px; height:52px; }
        header.top a { color:#dbe7f5; text-decoration:none; }
        header.top a.brand { font-weight:700; font-size:18px; color:#fff; }
        header.top nav { display:flex; gap:18px; }
        header.top nav a[aria-current=page] { color:#fff; border-bottom:2px solid #7fb3e6; padding-bottom:2px; }
        main { padding-bottom: 32px; }
        h1 { font-size: 24px; margin: 22px 0 8px; }
        h2 { font-size: 19px; margin: 28px 0 8px; border-bottom:1px solid var(--line); padding-bottom:4px; }
        h3 { font-size: 16px; margin: 18px 0 6px; }
        p.lead { color:var(--muted); margin-top:0; }
        a { color:var(--accent); }
        table { border-collapse: collapse; background:#fff; margin: 8px 0 12px; font-size:14px; }
        th, td { border:1px solid var(--line); padding:5px 9px; text-align:left; vertical-align:top; }
        th { background:#eef1f5; font-weight:600; }
        td.num, th.num { text-align:right; font-variant-numeric: tabular-nums; }
        td.num { white-space:nowrap; }
        tbody th { min-width: 150px; }
        .ci { color:var(--muted); font-size:12px; }
        .scroll { overflow-x:auto; max-width:100%; }
        .pos { color:var(--bad); } .neg { color:var(--ok); }
        .card { background:#fff; border:1px solid var(--line); border-radius:6px; padding:14px 18px; margin:12px 0; }
        .grid { display:grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap:14px; }
        form.levers fieldset { border:1px solid var(--line); border-radius:6px; background:#fff; margin:0; padding:10px 14px 12px; }
        form.levers legend { font-weight:600; padding:0 4px; }
        .field { margin:6px 0; }
        .field label.name { display:block; font-weight:600; font-size:13px; }
        .field .hint { color:var(--muted); font-size:12px; }
        input[type=text], input[type=number], input[type=month], select { font:inherit; padding:4px 6px; border:1px solid #b9c1cd; border-radius:4px; background:#fff; min-width: 9em; }
        input.small { width: 6em; min-width: 0; }
        .checks label { margin-right:12px; white-space:nowrap; }
        button, .button { font:inherit; background:var(--accent); color:#fff; border:0; border-radius:5px; padding:7px 16px; cursor:pointer; text-decoration:none; display:inline-block; }
        button.secondary, .button.secondary { background:#e3e8ef; color:var(--ink); }
        button.danger { background:var(--bad); }
        .actions { margin:16px 0; display:flex; gap:10px; align-items:center; flex-wrap:wrap; }
        .error { color:var(--bad); }
        .field .error, ul.errors { font-size:13px; }
        ul.errors { background:#fff4f4; border:1px solid #f1c4c6; border-radius:6px; padding:8px 12px 8px 30px; }
        .changed { background:#fff8e1; }
        figure { margin: 12px 0; background:#fff; border:1px solid var(--line); border-radius:6px; padding:8px; }
        figure svg { width:100%; height:auto; display:block; }
        figcaption { color:var(--muted); font-size:13px; padding:4px 6px 0; }
        progress { width: 100%; height: 18px; }
        .muted { color:var(--muted); }
        code, .mono { font-family: "DejaVu Sans Mono", monospace; font-size: 13px; }
        footer { color:var(--muted); font-size:12px; padding:18px 20px 28px; border-top:1px solid var(--line); }
        .downloads a { margin-right: 14px; }
        .two { display:grid; grid-template-columns: 1fr 1fr; gap:14px; }
        @media (max-width: 900px) { .two { grid-template-columns: 1fr; } }
        """;
}
