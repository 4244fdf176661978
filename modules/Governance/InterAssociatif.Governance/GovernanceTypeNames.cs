namespace InterAssociatif.Governance;

/// <summary>The GraphQL names of the module's node types: ids encode them, other code refers to them by these constants.</summary>
internal static class GovernanceTypeNames
{
    public const string Body = "Body";
    public const string Seat = "Seat";
    public const string EscalatedRequest = "EscalatedRequest";
    public const string Decision = "Decision";
    public const string FollowUp = "FollowUp";
}
