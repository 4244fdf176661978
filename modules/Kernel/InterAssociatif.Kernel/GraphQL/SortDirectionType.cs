using System.ComponentModel;
using GraphQL.Types;

namespace InterAssociatif.Kernel.GraphQL;

public enum SortDirection
{
    [Description("Ascending: A to Z, oldest first.")]
    Asc,

    [Description("Descending: Z to A, newest first.")]
    Desc,
}

public sealed class SortDirectionType : EnumerationGraphType<SortDirection>
{
    public SortDirectionType()
    {
        Name = "SortDirection";
        Description = "The direction of a sort.";
    }
}
