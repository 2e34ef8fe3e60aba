using Peninsula.Scenarios.Yaml;

namespace Peninsula.Scenarios.Semantics;

internal sealed partial class SemanticValidator
{
    /// <summary>Exactly one challenger and principal, at most one mediator and council, veto data present.</summary>
    private void CheckRoles()
    {
        if (_roles.Actors is not { } actors) return;
        var at = _doc.Find("actors")!.KeyOrigin;

        foreach (var role in new[] { "challenger", "principal" })
        {
            if (_roles.With(role).Count == 0) Error(at, "actors", $"no actor has the role '{role}' (exactly one must)");
        }
        foreach (var role in new[] { "challenger", "principal", "mediator", "council" })
        {
            var holders = _roles.With(role);
            for (var i = 1; i < holders.Count; i++)
            {
                var limit = role is "challenger" or "principal" ? "exactly one" : "at most one";
                Error(RolesOrigin(holders[i]), ScenarioPath.Key(ScenarioPath.Key("actors", holders[i].Key), "roles"),
                    $"'{holders[i].Key}' is a second {role} ('{holders[0].Key}' is one already; {limit} allowed)");
            }
        }
        foreach (var actor in _roles.With("challenger").Intersect(_roles.With("principal")))
        {
            Error(RolesOrigin(actor), ScenarioPath.Key(ScenarioPath.Key("actors", actor.Key), "roles"),
                $"'{actor.Key}' cannot be both the challenger and the principal");
        }
        var vetoes = _roles.With("veto");
        for (var i = Engine.Model.Decisions.MaxVetoPlayers; i < vetoes.Count; i++)
        {
            Error(RolesOrigin(vetoes[i]), ScenarioPath.Key(ScenarioPath.Key("actors", vetoes[i].Key), "roles"),
                $"'{vetoes[i].Key}' is veto player number {i + 1} (at most {Engine.Model.Decisions.MaxVetoPlayers})");
        }
        foreach (var actor in vetoes)
        {
            if (actor.Value is not YMap fields) continue;
            var path = ScenarioPath.Key("actors", actor.Key);
            if (fields.Find("relations_with_principal") is null)
                Error(actor.KeyOrigin, path, $"veto player '{actor.Key}' needs relations_with_principal (-1 to 1)");
            if (fields.Find("trade_share") is null)
                Error(actor.KeyOrigin, path, $"veto player '{actor.Key}' needs trade_share (0 to 1)");
        }
    }

    private static Origin RolesOrigin(YEntry actor) => actor.Value is YMap fields ? At(fields, "roles") : actor.KeyOrigin;
}
