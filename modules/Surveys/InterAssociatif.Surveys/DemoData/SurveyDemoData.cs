namespace InterAssociatif.Surveys.DemoData;

/// <summary>
/// The questionnaire « Un inter-associatif dans le cadre de la politique de la ville : Pourquoi et
/// Comment ? » (25 July – 8 September 2017, sent to the 27 candidates) and 20 responses built so
/// that the aggregates give back every published figure: 19 responses by the close and 20 by the
/// meeting; « lieu tournant dans un quartier » 12 of 19 (63 %); the four 2020 answers 15, 11, 10 and
/// 9; the themes in the published order with « tranquillité publique » first among secondary ones;
/// near-unanimity for cooperation and a majority for the two next expectations; the free texts
/// verbatim. Which organisation answered what is not in the source (except where a text names its
/// author): the assignment below is the demo's, and so are the counts the source does not give.
/// </summary>
internal static class SurveyDemoData
{
    public const string Title = "Un inter-associatif dans le cadre de la politique de la ville : Pourquoi et Comment ?";

    public const string Description = "Questionnaire adressé aux associations candidates à l'inter-associatif du "
        + "contrat de ville de Nantes Métropole.";

    public static readonly DateOnly OpensOn = new(2017, 7, 25);

    public static readonly DateOnly ClosesOn = new(2017, 9, 8);

    /// <summary>The 20 respondents in order of submission; the last one answered after the close.</summary>
    public static readonly string[] Respondents =
    [
        "ADIE", "APIB44", "ARPEJ", "MOUVEMENT LA GRAND' PLACE", "ECOPOLE", "ENTREPRENDRE POUR APPRENDRE", "ENTREPRISES "
            + "DANS LA CITE",
        "FEDERATION LOIRE-ATLANTIQUE – FAL 44 – LA LIGUE DE L'ENSEIGNEMENT", "FEDERATION DES AMIS DE L'ERDRE", "L'ESTRAN Cie GIOCCO COSI",
        "LES BADAUDS ASSOCIES", "NOUVELLES VOIES", "OCEAN", "PAQ'LA LUNE", "PULSART", "CSC Château REZE", "REGART'S", "TRAJET",
        "Union des Habitants de Plaisance", "TISSE METISSE",
    ];

    public const int OnTime = 19;

    /// <summary>Submission instants: 19 before the close (8 September 2017), the 20th on 12 September.</summary>
    public static DateTimeOffset SubmittedAt(int respondent) =>
        respondent < OnTime
            ? new DateTimeOffset(2017, 7, 27, 10, 0, 0, TimeSpan.FromHours(2))
                .AddDays(respondent * 2 + (respondent / 7))
            : new DateTimeOffset(2017, 9, 12, 10, 0, 0, TimeSpan.FromHours(2));

    /// <summary>
    /// Who wrote which answer to « participer pour » (index into the printed list): ARPEJ and Pulsart name themselves.
    /// </summary>
    public static readonly int[] ParticipateForAuthor = [6, 0, 8, 1, 2, 3, 4, 5, 7, 9, 10, 11, 12, 15, 13, 14, 16, 17, 18, 19];

    public sealed record OptionPlan(string Label, int Count, int Secondary = 0);

    /// <summary>
    /// A question and, per option, how many of the 19 on-time respondents choose it (for a matrix:
    /// primary and secondary). Choices are dealt in consecutive blocks around the respondents, so a
    /// respondent never gets more than the block sizes allow. <c>Late</c> lists the 20th's choices.
    /// </summary>
    public sealed record QuestionPlan(
        string Text,
        QuestionKind Kind,
        OptionPlan[] Options,
        int[] Late,
        string? Section = null,
        bool Required = false,
        int? MaxSelections = null,
        string[]? Texts = null,
        int TextOffset = 0);

    public static readonly QuestionPlan[] Questions =
    [
        new(
            SurveyDemoTexts.ParticipateForQuestion,
            QuestionKind.FreeText,
            [],
            [],
            "Pourquoi ?",
            Required: true,
            Texts: SurveyDemoTexts.ParticipateFor),
        new("Par quelle thématique êtes-vous intéressés, en priorité ?", QuestionKind.PriorityMatrix,
        [
            new("Réussite éducative, éducation jeunesse", 14, 1),
            new("Gouvernance", 12, 2),
            new("Lutte contre les discriminations", 11, 2),
            new("Développement économique, emploi et formation", 10, 4),
            new("Culture", 8, 5),
            new("Qualité de service et accès aux droits", 7, 3),
            new("Cadre de vie", 6, 4),
            new("Santé", 5, 6),
            new("Tranquillité publique", 3, 9),
        ], [0, -9], "Pourquoi ?"),
        new(
            SurveyDemoTexts.OtherThemesQuestion,
            QuestionKind.FreeText,
            [],
            [],
            "Pourquoi ?",
            Texts: SurveyDemoTexts.OtherThemes,
            TextOffset: 4),
        new("Qu'attendez-vous, en priorité, de votre participation à l'inter-associatif ?", QuestionKind.MultipleChoice,
        [
            new("Des opportunités de coopération avec d'autres associations", 18),
            new("La possibilité d'infléchir les politiques publiques", 12),
            new("Une meilleure prise en compte de l'intérêt associatif", 11),
            new("Être informé et en veille sur le contrat de ville", 8),
        ], [0], "Pourquoi ?"),
        new(
            SurveyDemoTexts.OtherExpectationsQuestion,
            QuestionKind.FreeText,
            [],
            [],
            "Pourquoi ?",
            Texts: SurveyDemoTexts.OtherExpectations,
            TextOffset: 1),
        new(
            "Quels modes d'organisation favoriseraient votre participation ? Fréquence des réunions",
            QuestionKind.SingleChoice,
        [
            new("Une réunion par mois", 5),
            new("Une réunion tous les trimestres", 11),
            new("Une réunion par semestre", 3),
        ], [1], "Comment ?"),
        new("Quels modes d'organisation favoriseraient votre participation ? Horaires", QuestionKind.SingleChoice,
        [
            new("En matinée", 5),
            new("À l'heure du déjeuner", 4),
            new("L'après-midi", 5),
            new("En soirée", 5),
        ], [3], "Comment ?"),
        new("Quels modes d'organisation favoriseraient votre participation ? Lieu", QuestionKind.SingleChoice,
        [
            new("Lieu tournant dans un quartier", 12),
            new("Toujours le même lieu", 4),
            new("Sans préférence", 3),
        ], [0], "Comment ?"),
        new("En 2020, l'inter-associatif c'est quoi, en priorité ?", QuestionKind.Ranking,
        [
            new("Un lieu de débat / de partage d'actions qui fait émerger des coopérations entre associations", 15),
            new("Un lieu qui remplit une fonction de relais d'information auprès d'autres associations", 11),
            new(
                "Un lieu où l'on rend compte des avancées des groupes / où l'on construit un propos à porter en Comité "
                + "de pilotage",
                10),
            new(
                "Un lieu qui ressemble à la vie des habitants : sans clivage thématique, mais qui favorise une "
                + "approche transversale",
                9),
        ], [0, 1], "En 2020"),
        new(
            "En 2020, l'inter-associatif, c'est un espace qui remplit quelle(s) fonction(s), en priorité ?",
            QuestionKind.MultipleChoice,
        [
            new(
                "Coopération entre les associations membres et les partenaires, entre les associations elles-mêmes",
                16),
            new("Participation aux avancées du contrat de ville", 13),
            new("Relais d'information auprès des autres associations", 7),
        ], [0, 1], "En 2020"),
        new(
            SurveyDemoTexts.OtherFunctionsQuestion,
            QuestionKind.FreeText,
            [],
            [],
            "En 2020",
            Texts: SurveyDemoTexts.OtherFunctions,
            TextOffset: 7),
        new(
            "En 2020, l'inter-associatif c'est une instance qui fonde son fonctionnement, en priorité sur :",
            QuestionKind.MultipleChoice,
        [
            new("L'expression et l'écoute véritables", 15),
            new("La transparence", 13),
            new("La diversité", 11),
            new("La recherche du consensus", 5),
        ], [0, 2], "En 2020", MaxSelections: 3),
        new(
            SurveyDemoTexts.OtherPrinciplesQuestion,
            QuestionKind.FreeText,
            [],
            [],
            "En 2020",
            Texts: SurveyDemoTexts.OtherPrinciples,
            TextOffset: 3),
        new(
            "Identifiez-vous à ce stade des besoins d'accompagnement pour le bon fonctionnement de "
            + "l'inter-associatif ?",
            QuestionKind.MultipleChoice,
        [
            new("Animation", 12),
            new("Logistique", 10),
            new("Communication", 5),
        ], [0], "Fonctionnement"),
        new(
            "Comment imaginez-vous les relations entre l'inter-associatif et les institutions ? L'inter-associatif se "
            + "réunit :",
            QuestionKind.SingleChoice,
        [
            new("En présence des institutions sur une partie de l'ordre du jour", 13),
            new("Sans les institutions", 3),
            new("En présence des institutions sur tout l'ordre du jour", 3),
        ], [0], "Fonctionnement"),
        new(
            "L'inter-associatif devra organiser la représentation en comité de pilotage du contrat de ville (3 fois "
            + "par an). 7 associations siégeront en comité de pilotage. Comment imaginez-vous les modalités de cette "
            + "représentation ?",
            QuestionKind.SingleChoice,
        [
            new("Représentation tournante", 14),
            new("Des représentants désignés pour la durée du contrat de ville", 5),
        ], [0], "Fonctionnement"),
        new(
            "Pensez-vous que chaque membre de l'inter-associatif devra participer à un groupe thématique ?",
            QuestionKind.YesNo,
            [new("Oui", 15), new("Non", 4)],
            [0],
            "Fonctionnement"),
        new(
            "Pensez-vous que toutes les associations présentes dans les groupes de travail devront avoir un lien avec "
            + "l'inter-associatif ?",
            QuestionKind.YesNo,
            [new("Oui", 16), new("Non", 3)],
            [0],
            "Fonctionnement"),
        new(
            SurveyDemoTexts.FurtherExpectationsQuestion,
            QuestionKind.FreeText,
            [],
            [],
            "Remarques",
            Texts: SurveyDemoTexts.FurtherExpectations,
            TextOffset: 10),
    ];

    /// <summary>
    /// Which on-time respondents choose each option (and level): consecutive blocks dealt around the
    /// 19 respondents, so primary and secondary blocks of one option never overlap.
    /// </summary>
    public static IReadOnlyList<(int Option, bool Secondary, int Respondent)> Deal(QuestionPlan question)
    {
        var dealt = new List<(int, bool, int)>();
        var next = 0;
        for (var option = 0; option < question.Options.Length; option++)
        {
            foreach (var (count, secondary) in new[]
            {
                (question.Options[option].Count, false),
                (question.Options[option].Secondary, true)
            })
            {
                for (var j = 0; j < count; j++)
                {
                    dealt.Add((option, secondary, (next + j) % OnTime));
                }

                next += count;
            }
        }

        return dealt;
    }
}
