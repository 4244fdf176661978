namespace InterAssociatif.Kernel.GraphQL;

/// <summary>A value that may be absent from an input (omitted means "leave unchanged"; null means "clear").</summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static Optional<T> Unset => default;

    public T Or(T current) => IsSet ? Value : current;
}
