namespace InterAssociatif.Meetings.DemoData;

/// <summary>
/// The meeting of 18 September 2017 as its minutes record it. Facts (who came, what was on the
/// agenda, the dates announced, the figures) come from the source; every text here is written anew.
/// People are the Directory's invented people, found by their example.org addresses; the elected
/// official and the sub-prefect are named by their role only.
/// </summary>
internal static class MeetingsDemoData
{
    public const string Title = "Inter-associatif : poursuite de la réflexion";

    public static readonly DateOnly Day = new(2017, 9, 18);

    // The minutes give the day, not the hours: an afternoon session is assumed (Paris time).
    public static readonly DateTimeOffset StartsAt = new(2017, 9, 18, 14, 0, 0, TimeSpan.FromHours(2));

    public static readonly DateTimeOffset EndsAt = new(2017, 9, 18, 17, 0, 0, TimeSpan.FromHours(2));

    public const string Description = "Rencontre du 18 septembre 2017 : poursuivre la réflexion sur le mandat et les "
        + "modalités de fonctionnement de l'inter-associatif du contrat de ville.";

    public const string Organizer = "Mission Politique de la Ville";

    /// <summary>The organisations invited besides the 27 candidate associations.</summary>
    public static readonly string[] InvitedInstitutions = ["Mission Politique de la Ville", "Mission dialogue citoyen", "Bureau Politique de la Ville"];

    public static readonly string[] CandidateAssociations =
    [
        "100 000 Entrepreneurs", "ADIE", "APIB44", "ARPEJ", "MOUVEMENT LA GRAND' PLACE", "ECOPOLE", "ENTREPRENDRE POUR "
            + "APPRENDRE",
        "ENTREPRISES DANS LA CITE", "FEDERATION LOIRE-ATLANTIQUE – FAL 44 – LA LIGUE DE L'ENSEIGNEMENT", "FEDERATION "
            + "DES AMIS DE L'ERDRE",
        "FETE LE MUR", "L'ESTRAN Cie GIOCCO COSI", "LA LUNA", "LES BADAUDS ASSOCIES", "MOZAÏK RH", "NOUVELLES VOIES", "OCEAN", "OPTIMA",
        "PAQ'LA LUNE", "PULSART", "TISSE METISSE", "VIVRE LIBRE", "CSC Château REZE", "MAKE A MOVE", "REGART'S", "TRAJET",
        "Union des Habitants de Plaisance",
    ];

    public sealed record Attendee(string Email, string Organization, AttendanceStatus Status);

    /// <summary>
    /// 13 associations present with 14 people (two for APIB44), one person of Nantes Métropole and one of the
    /// préfecture; two people of Nantes Métropole excused.
    /// </summary>
    public static readonly Attendee[] Attendance =
    [
        new("camille.morvan@example.org", "ADIE", AttendanceStatus.Present),
        new("helene.quere@example.org", "APIB44", AttendanceStatus.Present),
        new("yannick.legoff@example.org", "APIB44", AttendanceStatus.Present),
        new("bastien.riou@example.org", "ECOPOLE", AttendanceStatus.Present),
        new("sandrine.piel@example.org", "CSC Château REZE", AttendanceStatus.Present),
        new("elodie.marchais@example.org", "ENTREPRENDRE POUR APPRENDRE", AttendanceStatus.Present),
        new("nadia.cherkaouilenoir@example.org", "ENTREPRISES DANS LA CITE", AttendanceStatus.Present),
        new("loic.tanguyprado@example.org", "LES BADAUDS ASSOCIES", AttendanceStatus.Present),
        new("agathe.rollandmevi@example.org", "NOUVELLES VOIES", AttendanceStatus.Present),
        new("julien.ferrandou@example.org", "OCEAN", AttendanceStatus.Present),
        new("mathis.guerinel@example.org", "PAQ'LA LUNE", AttendanceStatus.Present),
        new("ines.bourdaix@example.org", "PULSART", AttendanceStatus.Present),
        new("samia.haddouchi@example.org", "REGART'S", AttendanceStatus.Present),
        new("claire.ogerain@example.org", "TRAJET", AttendanceStatus.Present),
        new("aurelie.kerjean@example.org", "Mission Politique de la Ville", AttendanceStatus.Present),
        new("laure.meheustel@example.org", "Bureau Politique de la Ville", AttendanceStatus.Present),
        new("marc.lebihanic@example.org", "Mission Politique de la Ville", AttendanceStatus.Excused),
        new("vincent.durassier@example.org", "Mission dialogue citoyen", AttendanceStatus.Excused),
    ];

    public sealed record Item(string Title, string? Notes, Item[]? Children = null);

    public static readonly Item[] Agenda =
    [
        new("Actualités : les mesures de l'été", """
            La préfecture présente deux mesures de l'été 2017 :
            - la **régulation budgétaire** du 20 juillet : 130,3 M€ de crédits politique de la ville annulés sur l'ensemble des départements ; en Loire-Atlantique, environ 249 000 € repris sur 2,42 M€, en grande partie amortis par les crédits réservés au printemps. Sur l'agglomération nantaise, la subvention du CCAS de Nantes au titre du PRE est portée à 360 000 € (contre 400 000 € prévus), le financement d'une action de Regart's est annulé, et le soutien envisagé pour 4 actions d'apprentissage du français langue étrangère (FLE, financées l'an dernier au titre du CIEC) est revu à la baisse. Pour 2018, les crédits nationaux devraient être égaux aux crédits initiaux 2017 ;
            - la **limitation des contrats aidés** : 320 000 en 2017 contre 459 000 en 2016, prescriptions de CAE réservées à quelques publics.

            Les associations disent leur inquiétude, surtout sur la brutalité de la méthode, et formulent **trois demandes** aux institutions : un diagnostic partagé de l'impact, une prise de parole à la rentrée politique de la ville, un chantier prioritaire dans le groupe emploi. Elles seront présentées pour validation le 25 septembre 2017.
            """),
        new("Poursuite de la réflexion sur l'inter-associatif", null,
        [
            new(
                "Rappel des étapes",
                "De l'appel à candidatures (2 mars – 28 avril 2017) au comité de pilotage du 14 décembre 2017."),
            new(
                "Résultats du questionnaire",
                "Un taux de retour important : 20 réponses sur 27. La synthèse est jointe."),
            new(
                "Tour de table",
                "La plupart des associations confirment leur intérêt pour favoriser rencontres et coopérations et "
                + "apporter leur regard dans les groupes thématiques. Le temps à y consacrer inquiète."),
            new(
                "Rôle et posture des associations",
                "Un rôle consultatif, sans représentativité des autres associations. L'inter-associatif se veut un "
                + "espace de propositions plutôt que de revendication ; le G7 témoigne que sa parole a été entendue."),
        ]),
        new("Tables rondes sur les trois missions de l'inter-associatif", "Trois missions ressortent du questionnaire.",
        [
            new(
                "Faire émerger des coopérations entre associations",
                "Le lien des associations entre elles au sein de l'inter-associatif."),
            new(
                "Co-construire les politiques publiques avec les institutions",
                "Le lien de l'inter-associatif avec les partenaires du contrat de ville."),
            new(
                "Être une interface avec les autres associations",
                "Le lien entre l'inter-associatif et les associations qui n'en sont pas membres."),
        ]),
        new("Une proposition concrète pour mettre en route l'inter-associatif", """
            - Acter l'intérêt de la mise en place de l'inter-associatif.
            - Construire le cadre en mouvement : simple et souple au démarrage, il évoluera.
            - Première étape : participer à la rentrée politique de la ville, puis organiser la représentation dans les groupes thématiques.
            """),
        new(
            "Les étapes",
            "3 octobre : rentrée politique de la ville. Courant octobre : réunion de l'inter-associatif. Novembre : "
            + "rencontre avec l'élue et le sous-préfet, à une date proposée par la Mission. 14 décembre : comité de "
            + "pilotage."),
    ];

    public static readonly DateOnly MinutesWrittenOn = new(2017, 9, 22);

    public const string MinutesAuthorEmail = "aurelie.kerjean@example.org";

    public const string MinutesText = """
        # Projet de compte rendu — inter-associatif du 18 septembre 2017

        ## 1. Actualités
        La préfecture a présenté la régulation budgétaire de juillet 2017 et la limitation des contrats aidés. Les associations ont exprimé leurs inquiétudes et formulé trois demandes aux institutions, à valider le 25 septembre 2017.

        ## 2. Poursuite de la réflexion
        Rappel des étapes depuis l'appel à candidatures ; 20 réponses sur 27 au questionnaire ; tour de table ; échanges sur le rôle consultatif des associations et sur la posture de l'inter-associatif, espace de propositions.

        ## 3. Tables rondes
        Coopération entre associations ; co-construction des politiques publiques ; interface avec les autres associations.

        ## 4. Proposition
        Acter l'intérêt de l'inter-associatif ; construire le cadre en mouvement ; première étape : la rentrée politique de la ville.

        ## 5. Les étapes
        3 octobre, courant octobre, novembre, 14 décembre 2017.
        """;

    public sealed record File(string Title, string FileName, string MediaType, string Content);

    public static readonly File[] Attachments =
    [
        new("Présentation de la séance", "20170918_presentation_seance.md", "text/markdown", """
            # Inter-associatif — rencontre du 18 septembre 2017

            1. Rappel des étapes : appel à candidatures (2 mars – 28 avril), réunion du 13 juin, questionnaire (25 juillet – 8 septembre), réunion du 18 septembre, rentrée politique de la ville (3 octobre), inter-associatif de novembre, comité de pilotage du 14 décembre.
            2. Objet de la séance : le mandat et les modalités de fonctionnement.
            3. Déroulé : actualités, résultats du questionnaire, tables rondes sur trois missions.
            4. Les 27 candidats ; MOZAÏK RH ne poursuit pas au-delà du 13 juin.
            """),
        new("Résultats du questionnaire", "resultats_questionnaire_inter_associatif.md", "text/markdown", """
            # Résultats du questionnaire « Un inter-associatif dans le cadre de la politique de la ville : Pourquoi et Comment ? »

            - 19 réponses reçues à la clôture (8 septembre 2017), 20 sur 27 à la réunion.
            - Organisation : une réunion par trimestre ; lieu tournant dans un quartier (63 %).
            - En 2020, l'inter-associatif c'est : un lieu de débat qui fait émerger des coopérations (15), un relais d'information (11), un lieu où l'on rend compte des groupes et prépare le comité de pilotage (10), un lieu transversal sans clivage thématique (9).
            - Thématiques en priorité : réussite éducative, gouvernance, lutte contre les discriminations, développement économique ; tranquillité publique en tête des thématiques secondaires.
            - Représentation au comité de pilotage : tournante.
            """),
    ];

    public sealed record Step(
        string Title, DateOnly Date, DateOnly? EndDate, DatePrecision Precision, bool FulfilledByThisMeeting = false);

    public static readonly Step[] Milestones =
    [
        new("Appel à candidatures", new(2017, 3, 2), new(2017, 4, 28), DatePrecision.Day),
        new("Réunion : proposition de constituer un inter-associatif", new(2017, 6, 13), null, DatePrecision.Day),
        new(
            "Questionnaire « Un inter-associatif dans le cadre de la politique de la ville : Pourquoi et Comment ? »",
            new(2017, 7, 25),
            new(2017, 9, 8),
            DatePrecision.Day),
        new(
            "Réunion : poursuite de la réflexion sur le mandat de l'inter-associatif",
            new(2017, 9, 18),
            null,
            DatePrecision.Day,
            FulfilledByThisMeeting: true),
        new("Rentrée politique de la ville", new(2017, 10, 3), null, DatePrecision.Day),
        new("Réunion de l'inter-associatif (courant octobre)", new(2017, 10, 15), null, DatePrecision.Month),
        new(
            "Inter-associatif : format et modalités de fonctionnement (novembre)",
            new(2017, 11, 15),
            null,
            DatePrecision.Month),
        new(
            "Rencontre avec l'élue et le sous-préfet (début décembre ; date proposée par la Mission)",
            new(2017, 12, 1),
            null,
            DatePrecision.Month),
        new("Comité de pilotage : validation des propositions", new(2017, 12, 14), null, DatePrecision.Day),
    ];
}
