namespace InterAssociatif.Governance.DemoData;

/// <summary>
/// The bodies the minutes name and the decisions of 18 September 2017 with their follow-ups,
/// loaded through the module's services. Idempotent: existing bodies and decisions are kept.
/// </summary>
internal sealed class GovernanceDemoSeeder(
    IDbContextFactory<GovernanceDbContext> factory,
    IDirectoryReader directory,
    IMeetingsReader meetings,
    BodyService bodies,
    DecisionService decisions,
    RequestService requests) : IDemoDataSeeder
{
    public const string Network = "Inter-associatif du contrat de ville";

    public int Order => 400;

    public string Module => "Governance";

    private static readonly CreateBodyInput[] Bodies =
    [
        new(
            BodyKind.Network,
            Network,
            "L'assemblée des associations qui prennent part à la gouvernance du contrat de ville de Nantes Métropole.",
            null,
            null,
            null),
        new(
            BodyKind.SteeringCommittee,
            "Comité de pilotage du contrat de ville",
            "Se réunit trois fois par an ; sept associations y siègent, en représentation tournante.",
            null,
            3,
            7),
        new(
            BodyKind.Other,
            "G7",
            "Le groupe de sept associations qui siégeait au comité de pilotage avant l'inter-associatif.",
            null,
            null,
            7),
        new(BodyKind.ThematicGroup, "Groupe emploi", "Groupe thématique emploi du contrat de ville.", null, null, null),
        new(
            BodyKind.ThematicGroup,
            "Groupe santé",
            "Groupe thématique santé, créé à la demande des associations.",
            null,
            null,
            null),
        new(
            BodyKind.ThematicGroup,
            "Groupe culture",
            "Groupe thématique culture, créé à la demande des associations.",
            null,
            null,
            null),
    ];

    /// <summary>The theme of each thematic group, as the questionnaire names it.</summary>
    private static readonly Dictionary<string, string> GroupThemes = new(StringComparer.Ordinal)
    {
        ["Groupe emploi"] = "Développement économique, emploi et formation",
        ["Groupe santé"] = "Santé",
        ["Groupe culture"] = "Culture",
    };

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var meetingId = await meetings.FindMeetingIdAsync(
            "Inter-associatif : poursuite de la réflexion", new DateOnly(2017, 9, 18), cancellationToken);
        var mission = await directory.FindOrganizationIdByNameAsync("Mission Politique de la Ville", cancellationToken);
        if (meetingId is null || mission is null)
        {
            return; // the Meetings or Directory demo data is not there
        }

        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Bodies.Select(b => b.NameKey).ToListAsync(cancellationToken);
        foreach (var body in Bodies.Where(b => !existing.Contains(SearchText.Key(b.Name))))
        {
            var theme = GroupThemes.TryGetValue(body.Name!, out var themeName)
                ? await directory.FindThemeIdByNameAsync(themeName, cancellationToken)
                : null;
            Expect(await bodies.CreateAsync(body with { ThemeId = theme }, new ErrorList(), cancellationToken));
        }

        var networkKey = SearchText.Key(Network);
        var network = await db.Bodies.Where(b => b.NameKey == networkKey)
            .Select(b => b.Id)
            .SingleAsync(cancellationToken);
        if (!await db.BodyMeetings.AnyAsync(m => m.MeetingId == meetingId, cancellationToken))
        {
            Expect(await bodies.HoldMeetingAsync(new(network, meetingId.Value), new ErrorList(), cancellationToken));
        }

        if (!await db.Requests.AnyAsync(cancellationToken))
        {
            var news = await meetings.FindAgendaItemIdAsync(
                meetingId.Value, "Actualités : les mesures de l'été", cancellationToken);
            // The three requests raised on 18 September 2017 about the summer's cuts, to be validated on 25 September.
            var recipients = new List<Guid>();
            foreach (var name in new[] { "Nantes Métropole", "Préfecture de la Loire-Atlantique" })
            {
                recipients.AddRange(
                    await directory.FindOrganizationIdByNameAsync(name, cancellationToken) is { } id ? [id] : []);
            }

            foreach (var text in new[]
                     {
                         "Coordonner et partager un diagnostic de l'impact des mesures de l'été sur les emplois, les "
                         + "structures et les actions.",
                         "Une prise de parole des associations lors de la rentrée politique de la ville.",
                         "Définir comme prioritaire un chantier sur cette question parmi les futurs chantiers du "
                         + "groupe emploi.",
                     })
            {
                Expect(
                    await requests.EscalateAsync(
                        new EscalateRequestInput(
                            network,
                            text,
                            new DateOnly(2017, 9, 18),
                            new DateOnly(2017, 9, 25),
                            recipients,
                            [],
                            meetingId,
                            news),
                        new ErrorList(),
                        cancellationToken));
            }
        }

        if (await db.Decisions.AnyAsync(d => d.MeetingId == meetingId, cancellationToken))
        {
            return;
        }

        // The three decisions came from agenda item 4, « Une proposition concrète pour mettre en route
        // l'inter-associatif ».
        var day = new DateOnly(2017, 9, 18);
        var item = await meetings.FindAgendaItemIdAsync(
            meetingId!.Value, "Une proposition concrète pour mettre en route l'inter-associatif", cancellationToken);
        Expect(
            await decisions.RecordAsync(
                new RecordDecisionInput(
                    network, meetingId, item, "Acter l'intérêt de la mise en place de l'inter-associatif",
            "La diversité de l'expertise des associations membres nourrira des propositions concrètes dans les groupes "
            + "de travail thématiques.", day, [], []), new ErrorList(), cancellationToken));
        Expect(
            await decisions.RecordAsync(
                new RecordDecisionInput(network, meetingId, item, "Construire le cadre en mouvement",
            "Un cadre simple et souple au démarrage, appelé à évoluer, pour que chacun puisse participer, ne serait-ce "
            + "qu'à un temps ou au suivi d'un chantier.", day, [], []), new ErrorList(), cancellationToken));
        Expect(
            await decisions.RecordAsync(
                new RecordDecisionInput(
                    network,
                    meetingId,
                    item,
                    "Participer à la rentrée politique de la ville du 3 octobre 2017, première étape",
            "Sur cette base, organiser la représentation dans les groupes thématiques et porter un message commun lors "
            + "de la rencontre avec l'élue et le sous-préfet, puis en comité de pilotage.", day, [],
            [
                new(
                    "Réunion de l'inter-associatif courant octobre : retour sur la rentrée politique de la ville et "
                    + "préparation de la rencontre avec l'élue et le sous-préfet.",
                    mission,
                    null,
                    new DateOnly(2017, 10, 15),
                    DuePrecision.Month),
                new(
                    "Rencontre avec l'élue et le sous-préfet en novembre ; la Mission Politique de la Ville propose "
                    + "une date à l'inter-associatif.",
                    mission,
                    null,
                    new DateOnly(2017, 11, 15),
                    DuePrecision.Month),
                new(
                    "Comité de pilotage du 14 décembre 2017 : validation des propositions.",
                    mission,
                    null,
                    new DateOnly(2017, 12, 14),
                    DuePrecision.Day),
            ]), new ErrorList(), cancellationToken));
    }

    private static T Expect<T>(MutationResult<T> result)
        where T : class =>
        result.Value
        ?? throw new InvalidOperationException(
            "Demo data broke a rule: " + string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
}
