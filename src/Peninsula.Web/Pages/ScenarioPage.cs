using Microsoft.AspNetCore.Antiforgery;
using Peninsula.Web.Catalog;
using Peninsula.Web.Html;
using Peninsula.Web.Levers;

namespace Peninsula.Web.Pages;

/// <summary><c>GET /scenarios/{id}</c>: a package's levers as form controls, runs and seed, and the run button.</summary>
public static class ScenarioPage
{
    /// <summary>The page.</summary>
    /// <param name="entry">The scenario.</param>
    /// <param name="form">What the form shows.</param>
    /// <param name="baseLevers">The base package's levers (changed controls are highlighted).</param>
    /// <param name="errors">Problems to show next to the controls.</param>
    /// <param name="token">Anti-forgery token for the form.</param>
    /// <param name="maxRuns">This server's run limit.</param>
    public static string Render(ScenarioEntry entry, LeverForm form, PolicyLevers baseLevers, FormErrors errors, AntiforgeryTokenSet token, int maxRuns)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(baseLevers);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(token);
        var spec = entry.Session.Spec;
        var levers = form.Levers;
        var changed = levers.ChangesFrom(baseLevers).Select(c => c.Label).ToHashSet(StringComparer.Ordinal);
        var basePackage = spec.Policy(form.Base);

        Markup Errors(string field) => Markup.Join(errors.For(field).Select(e => Markup.Of($"<div class=\"error\" role=\"alert\">{e}</div>")));
        Markup Field(string field, string label, Markup control, string hint)
        {
            var leverLabel = PolicyLevers.Fields.FirstOrDefault(f => f.Field == field).Label;
            var css = leverLabel is not null && changed.Contains(leverLabel) ? "field changed" : "field";
            return Markup.Of($"<div class=\"{css}\"><label class=\"name\" for=\"{field}\">{label}</label>{control}<div class=\"hint\">{hint}</div>{Errors(field)}</div>");
        }
        Markup Number(string field, string value, string step = "any") =>
            Markup.Of($"<input type=\"number\" step=\"{step}\" id=\"{field}\" name=\"{field}\" value=\"{value}\" class=\"small\">");
        Markup TextBox(string field, string value, string placeholder) =>
            Markup.Of($"<input type=\"text\" id=\"{field}\" name=\"{field}\" value=\"{value}\" placeholder=\"{placeholder}\" maxlength=\"{WebOptions.MaxFieldLength}\" class=\"small\">");
        Markup Check(string field, bool on, string label) =>
            Markup.Of($"<label><input type=\"checkbox\" id=\"{field}\" name=\"{field}\"{(on ? Markup.Trusted(" checked") : Markup.Empty)}> {label}</label>");

        var channels = Markup.Join(entry.Document.Channels.Select(c => Markup.Of(
            $"<label><input type=\"checkbox\" name=\"channels\" value=\"{c}\"{(levers.Channels.Contains(c) ? Markup.Trusted(" checked") : Markup.Empty)}> {c}</label>")));
        var talks = Markup.Join(PolicyLevers.TalksFormats.Select(t => Markup.Of(
            $"<option value=\"{t}\"{(t == levers.Talks ? Markup.Trusted(" selected") : Markup.Empty)}>{t}</option>")));
        if (!PolicyLevers.TalksFormats.Contains(levers.Talks))
            talks = Markup.Of($"{talks}<option value=\"{levers.Talks}\" selected>{levers.Talks}</option>");
        var bases = Markup.Join(spec.Policies.Select(p => Markup.Of(
            $"<option value=\"{p.Id}\"{(p.Id == form.Base ? Markup.Trusted(" selected") : Markup.Empty)}>{p.Label} ({p.Id})</option>")));

        var general = errors.General.Count == 0 ? Markup.Empty : Markup.Of(
            $"<ul class=\"errors\" role=\"alert\">{Markup.Join(errors.General.Select(e => Markup.Of($"<li>{e}</li>")))}</ul>");
        var summary = errors.IsEmpty ? Markup.Empty : Markup.Of(
            $"<p class=\"error\" role=\"alert\"><strong>The scenario was not run.</strong> The problems are shown next to the controls, in the words <code>peninsula validate</code> and <code>peninsula run</code> use.</p>");

        var body = Markup.Of($"""
            <p class="lead">{entry.Document.Description} Start {spec.Start.ToString()}, {spec.Months} months; reference package <code>{entry.Session.Loaded.ReferencePolicy}</code>;
            parameters: {(entry.Session.Provenance.Calibration.Cutoff is { } c ? "fitted, cutoff " + c : "documented priors")}.</p>
            <form method="get" action="/scenarios/{entry.Id}" class="card">
            <label class="name" for="base-select"><strong>Start from package</strong></label>
            <select id="base-select" name="base" onchange="this.form.submit()">{bases}</select>
            <button type="submit" class="secondary">Load its levers</button>
            <div class="hint muted">{basePackage?.Description ?? ""}</div>
            </form>
            {summary}{general}
            <form method="post" action="/scenarios/{entry.Id}/run" class="levers" id="levers">
            <input type="hidden" name="{token.FormFieldName}" value="{token.RequestToken ?? ""}">
            <input type="hidden" name="base" value="{form.Base}">
            <div class="grid">
            <fieldset><legend>Opening message</legend>
            {Field("message", "Send a message", Check("message", levers.MessageOn, "send an opening message"), "an offer of talks to Pyongyang")}
            {Field("message_start", "Message timing", TextBox("message_start", levers.MessageStart, "YYYY-MM"), "month first sent, YYYY-MM")}
            {Field("channels", "Channels", Markup.Of($"<div class=\"checks\">{channels}</div>"), "through whom the message goes")}
            {Field("conditional", "Conditional commitment", Check("conditional", levers.Conditional, "on: a provocation puts diplomacy on hold"), "said in the message")}
            </fieldset>
            <fieldset><legend>Humanitarian aid</legend>
            {Field("aid", "Offer aid", Check("aid", levers.AidOn, "offer humanitarian aid"), "food, medicine, vaccines")}
            {Field("aid_start", "Aid timing", TextBox("aid_start", levers.AidStart, "YYYY-MM"), "month offered, YYYY-MM")}
            {Field("aid_level", "Aid amount", Number("aid_level", levers.AidLevel), "0 (none) to 1 (large)")}
            </fieldset>
            <fieldset><legend>Talks and terms</legend>
            {Field("talks", "Talks approach", Markup.Of($"<select id=\"talks\" name=\"talks\">{talks}</select>"), "none, bottom-up (working level first) or top-down (leaders first)")}
            {Field("demand", "Demand level", Number("demand", levers.Demand), "denuclearization scope demanded for a framework, 0-100 (100 complete)")}
            {Field("relief_offer", "Relief offered", Number("relief_offer", levers.ReliefOffer), "sanctions relief on offer for full scope, 0-100")}
            {Field("normalization_offer", "Normalization offered", Number("normalization_offer", levers.NormalizationOffer), "0-100")}
            </fieldset>
            <fieldset><legend>Coordination and posture</legend>
            {Field("mediator_coordination", "ROK coordination", Number("mediator_coordination", levers.MediatorCoordination), "coordination with Seoul, 0-1")}
            {Field("engagement", "Engagement", Number("engagement", levers.Engagement), "willingness to engage, logit scale -5 to 5")}
            {Field("pressure", "Sanctions pressure", Number("pressure", levers.Pressure), "appetite for unilateral sanctions, 0-1")}
            {Field("exercise_scale", "Joint exercises", Number("exercise_scale", levers.ExerciseScale), "0 suspend, 0.5 reduce, 1 as planned, up to 3")}
            </fieldset>
            <fieldset><legend>Simulation</legend>
            {Field("runs", "Runs per package", Markup.Of($"<input type=\"number\" id=\"runs\" name=\"runs\" value=\"{form.Runs}\" step=\"1\" class=\"small\">"), $"Monte Carlo runs, at most {maxRuns:#,0} here")}
            {Field("seed", "Seed", Markup.Of($"<input type=\"number\" id=\"seed\" name=\"seed\" value=\"{form.Seed}\" step=\"1\" class=\"small\">"), "the same seed gives the same results")}
            {Field("all", "Packages", Check("all", form.AllPackages, "also run every other package"), "the edited package always runs beside its base and the reference")}
            </fieldset>
            </div>
            <div class="actions"><button type="submit" id="run">Run</button>
            <span class="muted">Highlighted controls differ from <code>{form.Base}</code>. Runs are queued and simulated in the background.</span></div>
            </form>
            """);
        return Layout.Page(spec.Name, body, "scenarios");
    }
}
