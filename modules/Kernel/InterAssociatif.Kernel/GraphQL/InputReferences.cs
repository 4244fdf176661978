namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// What the Kernel checks of every mutation input before its handler runs. Texts: no control characters in any
/// <c>String</c> field, nested or in a list (<see cref="ControlCharacters"/>), a <see cref="InputValidationError"/>
/// naming the field otherwise. Ids: ids in mutation inputs are declared once with the node type they name
/// (<c>Field&lt;IdGraphType&gt;("themeId").References(DirectoryTypeNames.Theme)</c>). Before a mutation's handler
/// runs, the Kernel decodes every such id, checks its type, and checks that the record exists
/// through the owning module's node source (one batched SQL command per type). Any failure is a
/// <see cref="NotFoundError"/> naming the input field, and the handler is not called, so nothing is
/// written. Cross-module ids are checked the same way as a module's own: a module cannot forget.
/// </summary>
public static class InputReferences
{
    /// <summary>The field metadata key holding the GraphQL type name an id field references.</summary>
    public const string MetadataKey = "interassociatif:references";

    /// <summary>Declares the node type this id (or list of ids) input field names.</summary>
    public static FieldBuilder<TSource, TReturn> References<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> field, string typeName) =>
        field.WithMetadata(MetadataKey, typeName);

    /// <summary>The node type an input field references, or null when it is not an id field.</summary>
    public static string? ReferencedType(this IFieldType field) => field.GetMetadata<string?>(MetadataKey);

    /// <summary>
    /// Checks every text and every declared id of the mutation's <c>input</c> argument; the errors, empty when every
    /// text is clean and every id exists.
    /// </summary>
    public static async Task<IReadOnlyList<UserError>> CheckAsync(IResolveFieldContext context)
    {
        var argument = context.FieldDefinition.Arguments?.Find("input");
        if (argument?.ResolvedType?.GetNamedType() is not IInputObjectGraphType inputType
            || context.GetArgument<Dictionary<string, object?>>("input") is not { } values)
        {
            return [];
        }

        var references = new List<Reference>();
        var errors = new ErrorList();
        Collect(inputType, values, "input", references, errors);
        if (references.Count == 0)
        {
            return errors.Items;
        }

        var registry = context.RequestServices!.GetRequiredService<NodeRegistry>();
        var pending = references.Select(r => (r, registry.Load(context, r.TypeName, r.Id))).ToList();
        foreach (var (reference, result) in pending)
        {
            if (await result.GetResultAsync(context.CancellationToken).ConfigureAwait(false) is null)
            {
                errors.Add(
                    new NotFoundError(
                        reference.Path,
                        $"No {Words(reference.TypeName)} has the id given in `{reference.Path}`.",
                        reference.Raw));
            }
        }

        return errors.Items;
    }

    private static void Collect(
        IInputObjectGraphType type,
        IDictionary<string, object?> values,
        string path,
        List<Reference> references,
        ErrorList errors)
    {
        foreach (var field in type.Fields)
        {
            if (!values.TryGetValue(field.Name, out var value) || value is null)
            {
                continue;
            }

            var fieldPath = $"{path}.{field.Name}";
            if (field.ReferencedType() is { } typeName)
            {
                if (value is string single)
                {
                    Check(single, fieldPath, typeName, references, errors);
                }
                else if (value is System.Collections.IEnumerable list)
                {
                    var index = 0;
                    foreach (var item in list)
                    {
                        Check(item?.ToString(), $"{fieldPath}[{index++}]", typeName, references, errors);
                    }
                }
            }
            else if (field.ResolvedType?.GetNamedType() is StringGraphType)
            {
                CheckText(value, fieldPath, errors);
            }
            else if (field.ResolvedType?.GetNamedType() is IInputObjectGraphType nested)
            {
                if (value is IDictionary<string, object?> one)
                {
                    Collect(nested, one, fieldPath, references, errors);
                }
                else if (value is System.Collections.IEnumerable many)
                {
                    var index = 0;
                    foreach (var item in many)
                    {
                        if (item is IDictionary<string, object?> element)
                        {
                            Collect(nested, element, $"{fieldPath}[{index}]", references, errors);
                        }

                        index++;
                    }
                }
            }
        }
    }

    /// <summary>A text, or each text of a list, without control characters (<see cref="ControlCharacters"/>).</summary>
    private static void CheckText(object value, string path, ErrorList errors)
    {
        if (value is string text)
        {
            if (ControlCharacters.IndexIn(text) is >= 0 and var at)
            {
                errors.Add(new InputValidationError(path, ControlCharacters.Message(path, text, at)));
            }
        }
        else if (value is System.Collections.IEnumerable list)
        {
            var index = 0;
            foreach (var item in list)
            {
                if (item is not null)
                {
                    CheckText(item, $"{path}[{index}]", errors);
                }

                index++;
            }
        }
    }

    private static void Check(string? raw, string path, string typeName, List<Reference> references, ErrorList errors)
    {
        if (GlobalId.TryDecode(raw, typeName, out var id))
        {
            references.Add(new Reference(path, typeName, id, raw!));
        }
        else
        {
            errors.Add(MalformedId(path, typeName, raw));
        }
    }

    /// <summary>The error for an id that is malformed or designates another type.</summary>
    public static NotFoundError MalformedId(string path, string typeName, string? raw) =>
        new(
            path,
            $"`{path}` is not the id of {WithArticle(Words(typeName))}.",
            raw is { Length: > 200 } ? raw[..200] : raw);

    /// <summary>
    /// A type name as a reader says it: <c>AgendaItem</c> → <c>agenda item</c>, <c>ApiKey</c> → <c>API key</c>.
    /// </summary>
    public static string Words(string typeName)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(typeName, "(?<=[a-z])(?=[A-Z])", " ")
            .ToLowerInvariant();
        return words switch
        {
            "api key" => "API key",
            "organization" => "organisation",
            _ => words,
        };
    }

    /// <summary>"a theme", "an organization", "an API key".</summary>
    public static string WithArticle(string words) =>
        ("aeiouAEIOU".Contains(words[0], StringComparison.Ordinal) ? "an " : "a ") + words;

    private sealed record Reference(string Path, string TypeName, Guid Id, string Raw);
}
