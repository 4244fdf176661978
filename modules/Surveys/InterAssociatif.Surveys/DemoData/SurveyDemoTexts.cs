namespace InterAssociatif.Surveys.DemoData;

/// <summary>
/// The free-text answers of the 2017 questionnaire, verbatim as the results print them (lines the
/// document wrapped are joined with a space). Extracted from the source, not retyped.
/// </summary>
internal static class SurveyDemoTexts
{
    public const string ParticipateForQuestion = @"Votre association souhaite participer à l'inter-associatif pour :";

    public static readonly string[] ParticipateFor =
    [
        @"contribuer au développement et à la réussite des QPV",
        @"participer à la co-construction du contrat de ville",
        @"Participation citoyenne; construire avec, pour une meilleure qualité de vie dans la Cité.",
        @"Participer à l'aventure du ""pilier: gouvernance participative"" au sein du contrat ville qui est unique au niveau national.",
        @"Etre acteur/ engagement et faire ensemble.",
        @"oui",
        @"développer l'entrepreneuriat dans la politique de la Ville",
        @"En réflexion",
        @"L'ARPEJ considère les temps de loisirs comme un levier de lien social et de mixité. Les équipes, dans le cadre de leurs missions d'accueil et d'animation, interrogent les relations aux institutions, s'assurent de l'équité entre les enfants et les jeunes, échangent avec les familles, en complémentarité de l'ensemble des acteurs éducatifs du territoire.",
        @"Participer à la vie de la Cité",
        @"Avoir une meilleure compréhension des activités associatives du territoire, développer des synergies et parce qu'à plusieurs, on va plus loin!",
        @"OUI",
        @"Échanger, partager entre associations et s'exprimer et engager des projets communs.",
        @"contribuer à l'action et la réflexion collective à partir de l'expérience nationale de pulsart sur le champ de politique de la ville et oeuvrer ainsi à une transformation sociale au bénéfice des publics les plus fragiles",
        @"être au courant , être en veille et participer à l'élaboration du contrat ville",
        @"Renforcer le partenariat entre les différents acteurs associatifs et permettre une bonne transmission d'informations sur l'existant auprès du public",
        @"faire notre part dans le projet politique de la ville de Nantes",
        @"Partager notre expérience sur l'accompagnement des ménages, participer au débat pour réfléchir collectivement à des solutions",
        @"Une meilleure prise en compte de l'expertise associative",
        @"Participer par des actions à une meilleure orientation et insertion chez les jeunes",
    ];

    public const string OtherThemesQuestion = @"Êtes-vous intéressé par des thématiques non citées précédemment ? Si oui, merci de les citer.";

    public static readonly string[] OtherThemes =
    [
        @"Environnement et pratiques urbaines",
    ];

    public const string OtherExpectationsQuestion = @"Avez-vous des attentes autres que celles citées précédemment ?";

    public static readonly string[] OtherExpectations =
    [
        @"Force de proposition et de débat avec les collectivités et l'etat",
        @"Accompagner des pratiques environnementales et de développement durable dans les quartiers prioritaires",
        @"Une transversalité véritable avec les collectivités territoriales et les services de l'état. L'information des publics concernés sur la réalité concrète de la politique de la ville",
    ];

    public const string OtherFunctionsQuestion = @"Selon vous, l'inter-associatif devrait-il remplir d'autres fonctions ? Si oui, lesquelles ?";

    public static readonly string[] OtherFunctions =
    [
        @"Un lieu de concertation et d'orientation des politiques publiques et du CDV",
        @"L'inter-associatif peut apporter un appui conséquent pour des structures parfois en difficulté face aux multiples dispositifs existant et être notamment dans des formes de portage collectif et de partage d'expérience et de pratiques (RH, recherches de financement, mise en réseau...)",
        @"la fonction ""d'expertise de l'inter-associatif"" doit être reconnue et que les propos soient traduits en mesures concrètes sur le terrain.",
    ];

    public const string OtherPrinciplesQuestion = @"Quels autres principes fondateurs vous semble important de partager avec les autres associations ?";

    public static readonly string[] OtherPrinciples =
    [
        @"Savoir se décaler pour comprendre l'intérêt de l'Autre.",
        @"Rester sur du factuel , de l'objectif",
        @"Ne pas être jugeant",
        @"Pouvoir faire part de son ressenti en tant que ressenti et non en fait objectif.",
        @"Les services institutionnels hors politique de la ville parfois éloignés des réalités et contraintes du secteur associatif.",
        @"la réflexion politique au sens de la vie de la cité",
        @"la coopération, le respect des projets associatifs, la mutualisation des moyens",
        @"L'inter associatif ne doit pas lisser les différences de points de vue entre associations mais doit au contraire admettre et faire avec leur diversité",
    ];

    public const string FurtherExpectationsQuestion = @"Avez-vous des attentes complémentaires vis-à-vis de cet inter-associatif ? Si oui, lesquelles ?";

    public static readonly string[] FurtherExpectations =
    [
        @"Être complémentaires et efficaces pour résoudre les problématiques de terrain",
        @"La participation des associations aux réflexions et aux décisions",
        @"Que l'engagement des associations soit perenne , pas d'essoufflement sur la durée",
    ];
}
