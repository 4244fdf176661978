using System.ComponentModel;

namespace InterAssociatif.Kernel.GraphQL;

[Description("The direction of a sort.")]
public enum SortDirection
{
    [Description("Ascending: A to Z, oldest first.")]
    Asc,

    [Description("Descending: Z to A, newest first.")]
    Desc,
}

