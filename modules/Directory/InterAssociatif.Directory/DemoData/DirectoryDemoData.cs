namespace InterAssociatif.Directory.DemoData;

/// <summary>
/// The network of 2017 as the minutes of 18 September 2017 describe it. Organisations keep their
/// real, public names; every person is invented (no real name, email or phone), with addresses at
/// example.org and numbers from the range reserved for fiction (02 61 91 …).
/// </summary>
internal static class DirectoryDemoData
{
    /// <summary>
    /// The call for applications ran from 2 March to 28 April 2017; individual dates are not in the source, so the
    /// closing day is used.
    /// </summary>
    public static readonly DateOnly AppliedOn = new(2017, 4, 28);

    /// <summary>
    /// On 18 September 2017 the meeting "acte l'intérêt de la mise en place de l'inter-associatif": the candidates
    /// still in are admitted that day.
    /// </summary>
    public static readonly DateOnly AdmittedOn = new(2017, 9, 18);

    /// <summary>MOZAÏK RH did not continue beyond the meeting of 13 June 2017.</summary>
    public const string WithdrawnAssociation = "MOZAÏK RH";

    public static readonly DateOnly WithdrawnOn = new(2017, 6, 14);

    public const string WithdrawalReason = "Ne poursuit pas au-delà de la réunion du 13 juin 2017.";

    public static readonly string[] Themes =
    [
        "Réussite éducative, éducation jeunesse",
        "Gouvernance",
        "Lutte contre les discriminations",
        "Développement économique, emploi et formation",
        "Culture",
        "Qualité de service et accès aux droits",
        "Cadre de vie",
        "Santé",
        "Tranquillité publique",
        "Environnement et pratiques urbaines",
    ];

    public sealed record OrganizationSeed(
        string Name,
        string? Acronym = null,
        string? Parent = null,
        string? Neighbourhood = null,
        string? Description = null);

    /// <summary>The 27 candidate associations listed on the slides, in the slides' order.</summary>
    public static readonly OrganizationSeed[] Associations =
    [
        new("100 000 Entrepreneurs"),
        new("ADIE"),
        new("APIB44"),
        new("ARPEJ"),
        new("MOUVEMENT LA GRAND' PLACE"),
        new("ECOPOLE"),
        new("ENTREPRENDRE POUR APPRENDRE"),
        new("ENTREPRISES DANS LA CITE"),
        new("FEDERATION LOIRE-ATLANTIQUE – FAL 44 – LA LIGUE DE L'ENSEIGNEMENT", "FAL 44"),
        new("FEDERATION DES AMIS DE L'ERDRE"),
        new("FETE LE MUR"),
        new("L'ESTRAN Cie GIOCCO COSI"),
        new("LA LUNA"),
        new("LES BADAUDS ASSOCIES"),
        new(WithdrawnAssociation),
        new("NOUVELLES VOIES"),
        new("OCEAN"),
        new("OPTIMA"),
        new("PAQ'LA LUNE"),
        new("PULSART"),
        new("TISSE METISSE"),
        new("VIVRE LIBRE"),
        new("CSC Château REZE", "CSC Rezé", Neighbourhood: "Château (Rezé)"),
        new("MAKE A MOVE"),
        new("REGART'S"),
        new("TRAJET"),
        new("Union des Habitants de Plaisance", "UHP", Neighbourhood: "Plaisance (Orvault)"),
    ];

    public const string NantesMetropole = "Nantes Métropole";
    public const string MissionPolitiqueDeLaVille = "Mission Politique de la Ville";
    public const string MissionDialogueCitoyen = "Mission dialogue citoyen";
    public const string Prefecture = "Préfecture de la Loire-Atlantique";
    public const string BureauPolitiqueDeLaVille = "Bureau Politique de la Ville";
    public const string CcasDeNantes = "CCAS de Nantes";

    /// <summary>The institutions named in the minutes; units after their parents.</summary>
    public static readonly OrganizationSeed[] Institutions =
    [
        new(NantesMetropole, Description: "La métropole nantaise, signataire du contrat de ville."),
        new(
            MissionPolitiqueDeLaVille,
            Parent: NantesMetropole,
            Description: "Coordonne l'inter-associatif : annuaire, réunions, questionnaires, comptes rendus."),
        new(MissionDialogueCitoyen, Parent: NantesMetropole),
        new(Prefecture, "État", Description: "Les services de l'État en Loire-Atlantique."),
        new(BureauPolitiqueDeLaVille, Parent: Prefecture),
        new(CcasDeNantes, "CCAS", Description: "Centre communal d'action sociale de Nantes."),
    ];

    public sealed record PersonSeed(
        string GivenName,
        string FamilyName,
        string Organization,
        AffiliationRole Role,
        string? Title,
        string? Phone = null)
    {
        public string Email => $"{Ascii(GivenName)}.{Ascii(FamilyName)}@example.org";

        private static string Ascii(string value) => Kernel.Text.SearchText.Key(value);
    }

    /// <summary>
    /// Invented people, affiliated so that the attendance of 18 September 2017 can be recorded:
    /// 14 representatives of the 13 associations present (two for APIB44), one person of Nantes
    /// Métropole and one of the préfecture present, and the two people of Nantes Métropole excused.
    /// </summary>
    public static readonly PersonSeed[] People =
    [
        new("Camille", "Morvan", "ADIE", AffiliationRole.Representative, "Conseillère"),
        new("Hélène", "Quéré", "APIB44", AffiliationRole.Representative, "Coordinatrice"),
        new("Yannick", "Le Goff", "APIB44", AffiliationRole.Representative, "Administrateur"),
        new("Bastien", "Riou", "ECOPOLE", AffiliationRole.Representative, "Chargé de projets"),
        new("Sandrine", "Piel", "CSC Château REZE", AffiliationRole.Director, "Directrice"),
        new("Élodie", "Marchais", "ENTREPRENDRE POUR APPRENDRE", AffiliationRole.Representative, "Chargée de mission"),
        new("Nadia", "Cherkaoui-Lenoir", "ENTREPRISES DANS LA CITE", AffiliationRole.Representative, "Déléguée"),
        new("Loïc", "Tanguy-Prado", "LES BADAUDS ASSOCIES", AffiliationRole.Representative, "Coordinateur"),
        new("Agathe", "Rolland-Mévi", "NOUVELLES VOIES", AffiliationRole.Representative, "Responsable de secteur"),
        new("Julien", "Ferrandou", "OCEAN", AffiliationRole.Representative, "Animateur"),
        new("Mathis", "Guérinel", "PAQ'LA LUNE", AffiliationRole.Representative, "Médiateur"),
        new("Inès", "Bourdaix", "PULSART", AffiliationRole.Representative, "Chargée de développement"),
        new("Samia", "Haddouchi", "REGART'S", AffiliationRole.Representative, "Présidente"),
        new("Claire", "Ogerain", "TRAJET", AffiliationRole.Representative, "Responsable"),
        new(
            "Aurélie",
            "Kerjéan",
            MissionPolitiqueDeLaVille,
            AffiliationRole.CivilServant,
            "Chargée de mission, Mission Politique de la Ville",
            "02 61 91 00 01"),
        new(
            "Marc",
            "Le Bihanic",
            MissionPolitiqueDeLaVille,
            AffiliationRole.CivilServant,
            "Chargé de mission, Mission Politique de la Ville",
            "02 61 91 00 02"),
        new(
            "Vincent",
            "Durassier",
            MissionDialogueCitoyen,
            AffiliationRole.CivilServant,
            "Chargé de mission, Mission dialogue citoyen",
            "02 61 91 00 03"),
        new(
            "Laure",
            "Méheustel",
            BureauPolitiqueDeLaVille,
            AffiliationRole.CivilServant,
            "Cheffe du Bureau Politique de la Ville",
            "02 61 91 00 04"),
    ];
}
