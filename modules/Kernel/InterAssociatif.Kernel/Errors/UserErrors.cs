namespace InterAssociatif.Kernel.Errors;

/// <summary>
/// A domain error returned in a mutation payload's <c>errors</c> list: queryable, typed, and naming
/// the input field it concerns (for example <c>input.name</c>). Authorization and server faults are
/// not domain errors: they are top-level GraphQL errors.
/// </summary>
public abstract record UserError(string Field, string Message)
{
    /// <summary>A stable machine-readable code, e.g. <c>NOT_FOUND</c>.</summary>
    public abstract string Code { get; }
}

/// <summary>An id in the input designates no record of the expected type.</summary>
public sealed record NotFoundError(string Field, string Message, string? Id) : UserError(Field, Message)
{
    public override string Code => "NOT_FOUND";
}

/// <summary>An input value breaks a rule: empty, too long, malformed, out of range.</summary>
public sealed record InputValidationError(string Field, string Message) : UserError(Field, Message)
{
    public override string Code => "VALIDATION";
}

/// <summary>
/// The input contradicts the current state: a duplicate, a lifecycle step not allowed now, a concurrent change.
/// </summary>
public sealed record ConflictError(string Field, string Message) : UserError(Field, Message)
{
    public override string Code => "CONFLICT";
}

/// <summary>
/// The input asks for something this installation is not configured to do (e.g. sending email without
/// <c>Smtp:Host</c>).
/// </summary>
public sealed record NotConfiguredError(string Field, string Message) : UserError(Field, Message)
{
    public override string Code => "NOT_CONFIGURED";
}

/// <summary>The outcome of a mutation: the changed record, or the reasons nothing was written.</summary>
public sealed record MutationResult<T>(T? Value, IReadOnlyList<UserError> Errors)
    where T : class
{
    public static MutationResult<T> Ok(T value) => new(value, []);

    public static MutationResult<T> Fail(params UserError[] errors) => new(null, errors);

    public static MutationResult<T> Fail(IReadOnlyList<UserError> errors) => new(null, errors);
}

/// <summary>Collects input errors so that every problem is reported at once.</summary>
public sealed class ErrorList
{
    private readonly List<UserError> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<UserError> Items => _errors;

    public void Add(UserError error) => _errors.Add(error);

    /// <summary>Reports a value (when given) outside <paramref name="min"/>..<paramref name="max"/>.</summary>
    public void Range(string field, int? value, int min, int max)
    {
        if (value < min || value > max)
        {
            Add(new InputValidationError(field, $"`{field}` must be between {min} and {max}."));
        }
    }

    /// <summary>
    /// Trims the value; reports it when it is empty (if required), longer than <paramref name="maxLength"/> or holds a
    /// control character (<see cref="ControlCharacters"/>).
    /// </summary>
    public string? Text(string field, string? value, int maxLength, bool required)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                Add(new InputValidationError(field, $"`{field}` must not be empty."));
            }

            return null;
        }

        if (trimmed.Length > maxLength)
        {
            Add(
                new InputValidationError(
                    field, $"`{field}` must be at most {maxLength} characters (got {trimmed.Length})."));
        }

        if (ControlCharacters.IndexIn(trimmed) is >= 0 and var at)
        {
            Add(new InputValidationError(field, ControlCharacters.Message(field, trimmed, at)));
        }

        return trimmed;
    }

    /// <summary>
    /// As <see cref="Text(string, string?, int, bool)"/>, for a value of one line (a name, a title, a file name, an
    /// address): no tab or line break either.
    /// </summary>
    public string? Line(string field, string? value, int maxLength, bool required)
    {
        var line = Text(field, value, maxLength, required);
        if (line?.AsSpan().IndexOfAny(LineBreaks) is >= 0 and var at)
        {
            Add(new InputValidationError(
                field,
                $"`{field}` must be one line (U+{(int)line[at]:X4} at character {at + 1}): no tab or line break."));
        }

        return line;
    }

    /// <summary>
    /// As <see cref="Text(string, string?, int, bool)"/>, for a field a change may omit: null when it is omitted.
    /// </summary>
    public string? Text(string field, Optional<string?> value, int maxLength, bool required) =>
        value.IsSet ? Text(field, value.Value, maxLength, required) : null;

    /// <summary>
    /// As <see cref="Line(string, string?, int, bool)"/>, for a field a change may omit: null when it is omitted.
    /// </summary>
    public string? Line(string field, Optional<string?> value, int maxLength, bool required) =>
        value.IsSet ? Line(field, value.Value, maxLength, required) : null;

    private static readonly System.Buffers.SearchValues<char> LineBreaks =
        System.Buffers.SearchValues.Create("\t\r\n\u2028\u2029");
}

/// <summary>How messages name things a client also sees in the schema.</summary>
public static class MessageText
{
    /// <summary>An enum value as the API spells it: <c>ResultsPublished</c> → <c>RESULTS_PUBLISHED</c>.</summary>
    public static string GraphQLName(this Enum value) =>
        global::GraphQL.StringExtensions.ToConstantCase(value.ToString());

    /// <summary>"The decision is ADOPTED: it cannot become ADOPTED."</summary>
    public static string CannotBecome(string what, Enum from, Enum to) =>
        $"The {what} is {from.GraphQLName()}: it cannot become {to.GraphQLName()}.";
}
