using Microsoft.Data.SqlClient;

namespace InterAssociatif.Kernel.Persistence;

/// <summary>Recognises the write failures a mutation turns into a CONFLICT error instead of a server fault.</summary>
public static class WriteFailures
{
    /// <summary>A unique index refused the row (a concurrent insert won the race).</summary>
    public static bool IsUniqueViolation(this DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };
}
