using System.Collections;

namespace InterAssociatif.Kernel.GraphQL;

/// <summary>
/// Declares that a <see cref="Guid"/> member of an input record (or a list of them) is the global id
/// of a <paramref name="typeName"/>. The GraphQL field is an <c>ID</c>; the Kernel decodes it, checks
/// its type and that the record exists before the handler runs, and names the field in any error.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class ReferencesAttribute(string typeName) : Attribute
{
    public string TypeName { get; } = typeName;
}

/// <summary>
/// The GraphQL input object of a C# record: one field per constructor parameter, named in camel case,
/// typed and made nullable from the record (nullable reference annotations), described by
/// <see cref="System.ComponentModel.DescriptionAttribute"/> on the record and its properties.
/// <see cref="Optional{T}"/> members are nullable fields that tell "omitted" from "null"; lists may be
/// omitted (they are then empty) unless <see cref="System.ComponentModel.DataAnnotations.RequiredAttribute"/>;
/// <see cref="ReferencesAttribute"/> members are ids. <see cref="InputRecord"/> builds the record.
/// </summary>
public class InputType<TRecord> : AutoRegisteringInputObjectGraphType<TRecord>, IInputRecordType
{
    private InputRecord.Plan? _plan;

    /// <summary>How to build the record from this type's fields, worked out at the first use.</summary>
    InputRecord.Plan IInputRecordType.Plan => _plan ??= new InputRecord.Plan(this, typeof(TRecord));

    protected override void ConfigureGraph()
    {
        base.ConfigureGraph();
        Name = typeof(TRecord).Name;
    }

    protected override IEnumerable<MemberInfo> GetRegisteredMembers()
    {
        // Constructor order, so the schema lists fields as the record declares them.
        var parameters = InputRecord.Constructor(typeof(TRecord)).GetParameters();
        return parameters.Select(p => (MemberInfo)typeof(TRecord).GetProperty(p.Name!)!);
    }

    protected override FieldType? CreateField(MemberInfo memberInfo)
    {
        var field = base.CreateField(memberInfo);
        if (field is not null)
        {
            // Values stay as GraphQL coerced them (ids as sent) until InputRecord builds the record.
            field.Parser = null;
            field.WithMetadata(InputRecord.MemberKey, memberInfo.Name);
            field.Description ??=
                InputRecord.Attribute<System.ComponentModel.DescriptionAttribute>(memberInfo)?.Description;
            if (InputRecord.Attribute<TextAttribute>(memberInfo) is { } text)
            {
                var (required, list) = Shape(field.Type);
                field.Description = $"{field.Description} {text.Sentence(required, list)}".TrimStart();
            }

            // The numbers the service takes (ErrorList.Range with the same bounds), stated as texts' limits are.
            if (InputRecord.Attribute<System.ComponentModel.DataAnnotations.RangeAttribute>(memberInfo) is { } range)
            {
                field.Description = string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"{field.Description} From {range.Minimum:N0} to {range.Maximum:N0}.").TrimStart();
            }

            if (InputRecord.Attribute<ReferencesAttribute>(memberInfo) is { } references)
            {
                field.WithMetadata(InputReferences.MetadataKey, references.TypeName);
            }
        }

        return field;
    }

    /// <summary>
    /// Whether a field of this graph type must be given a value (for a list: each item), and whether it is a list.
    /// </summary>
    private static (bool Required, bool List) Shape(Type? graphType)
    {
        var list = false;
        var required = false;
        while (graphType is { IsGenericType: true }
            && graphType.GetGenericTypeDefinition() is var definition
            && (definition == typeof(ListGraphType<>) || definition == typeof(NonNullGraphType<>)))
        {
            list |= definition == typeof(ListGraphType<>);
            required = definition == typeof(NonNullGraphType<>);
            graphType = graphType.GetGenericArguments()[0];
        }

        return (required, list);
    }

    protected override TypeInformation GetTypeInformation(MemberInfo memberInfo)
    {
        var property = (PropertyInfo)memberInfo;
        TypeInformation information;
        if (InputRecord.OptionalValueType(property.PropertyType) is { } inner)
        {
            // Optional<T>: the field may be omitted or null, whatever T is; list items stay non-null.
            var element = InputRecord.ListElementType(inner);
            var type = element ?? inner;
            information = new TypeInformation(
                memberInfo,
                true,
                Nullable.GetUnderlyingType(type) ?? type,
                isNullable: element is null,
                isList: element is not null,
                listIsNullable: true, graphType: null);
        }
        else
        {
            information = base.GetTypeInformation(memberInfo);

            // A list may be omitted (it is then empty) unless the member is [Required].
            if (information.IsList
                && InputRecord.Attribute<System.ComponentModel.DataAnnotations.RequiredAttribute>(memberInfo) is null)
            {
                information.ListIsNullable = true;
            }
        }

        if (InputRecord.Attribute<ReferencesAttribute>(memberInfo) is not null)
        {
            information.Type = typeof(string);
            information.GraphType = typeof(IdGraphType);
        }
        else if (information.Type is { IsClass: true } nested && nested != typeof(string))
        {
            // A nested record is an input object of its own.
            information.GraphType = typeof(InputType<>).MakeGenericType(nested);
        }

        return information;
    }

    /// <summary>
    /// The input stays a dictionary until the Kernel has checked its ids; <see cref="InputRecord"/> builds the record.
    /// </summary>
    public override object ParseDictionary(IDictionary<string, object?> value) => value;
}

/// <summary>An input object type that builds a C# record, with what it needs to do so kept.</summary>
internal interface IInputRecordType
{
    InputRecord.Plan Plan { get; }
}

/// <summary>Builds an input record from the values GraphQL.NET coerced, after its ids were checked.</summary>
public static class InputRecord
{
    /// <summary>The field metadata key holding the record member a field reads.</summary>
    internal const string MemberKey = "interassociatif:member";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Type?> ListElements = new();

    /// <summary>An attribute of a record member, written on the property or on the positional parameter.</summary>
    internal static T? Attribute<T>(MemberInfo member)
        where T : Attribute =>
        member.GetCustomAttribute<T>()
        ?? Constructor(member.DeclaringType!)
            .GetParameters()
            .FirstOrDefault(p => p.Name == member.Name)
            ?.GetCustomAttribute<T>();

    /// <summary>
    /// Reads argument <paramref name="name"/> (an <see cref="InputType{TRecord}"/>) as its record; null when absent.
    /// </summary>
    public static TRecord? Argument<TRecord>(IResolveFieldContext context, string name)
        where TRecord : class
    {
        var argument = context.FieldDefinition.Arguments?.Find(name)
            ?? throw new InvalidOperationException($"Field {context.FieldDefinition.Name} has no argument {name}.");
        return context.GetArgument<Dictionary<string, object?>>(name) is { } values
            ? (TRecord)Create(
                (IInputObjectGraphType)argument.ResolvedType!.GetNamedType(), typeof(TRecord), values, name)
            : null;
    }

    /// <summary>Reads a list argument of input records; empty when absent.</summary>
    public static IReadOnlyList<TRecord> Arguments<TRecord>(IResolveFieldContext context, string name)
    {
        var argument = context.FieldDefinition.Arguments?.Find(name)
            ?? throw new InvalidOperationException($"Field {context.FieldDefinition.Name} has no argument {name}.");
        var type = (IInputObjectGraphType)argument.ResolvedType!.GetNamedType();
        return context.GetArgument<List<object?>>(name) is { } items
            ? items.Select((v, i) =>
                (TRecord)Create(type, typeof(TRecord), (IDictionary<string, object?>)v!, $"{name}[{i}]"))
                .ToList()
            : [];
    }

    internal static object Create(
        IInputObjectGraphType graphType, Type recordType, IDictionary<string, object?> values, string path)
    {
        var plan = graphType is IInputRecordType { Plan: var kept } && kept.RecordType == recordType
            ? kept
            : new Plan(graphType, recordType);
        var arguments = new object?[plan.Members.Length];
        for (var i = 0; i < arguments.Length; i++)
        {
            var member = plan.Members[i];
            var present = values.TryGetValue(member.Field.Name, out var raw);
            var value = present
                ? Convert(raw, member.ValueType, member.Field, $"{path}.{member.Field.Name}")
                : Missing(member.ValueType);
            arguments[i] = member.Optional is null ? value
                : present ? Activator.CreateInstance(member.Optional, true, value)
                : Activator.CreateInstance(member.Optional);
        }

        return plan.Constructor.Invoke(arguments);
    }

    /// <summary>
    /// A record's constructor and, for each of its parameters, the GraphQL field that fills it: worked out once
    /// per input type (reflection over the record, a lookup of the fields), where a request only reads values.
    /// </summary>
    internal sealed class Plan
    {
        public Plan(IInputObjectGraphType graphType, Type recordType)
        {
            RecordType = recordType;
            Constructor = InputRecord.Constructor(recordType);
            var fields = graphType.Fields.ToDictionary(
                f => f.GetMetadata<string>(MemberKey) ?? f.Name, StringComparer.Ordinal);
            Members = [.. Constructor.GetParameters().Select(parameter =>
            {
                var optional = OptionalValueType(parameter.ParameterType);
                var type = parameter.ParameterType;
                return new Member(fields[parameter.Name!], optional ?? type, optional is null ? null : type);
            })];
        }

        public Type RecordType { get; }

        public ConstructorInfo Constructor { get; }

        public Member[] Members { get; }
    }

    /// <param name="Optional">The <see cref="Optional{T}"/> type of the parameter, when it is one.</param>
    internal sealed record Member(FieldType Field, Type ValueType, Type? Optional);

    internal static ConstructorInfo Constructor(Type recordType) =>
        recordType.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();

    internal static Type? OptionalValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Optional<>)
            ? type.GetGenericArguments()[0]
            : null;

    internal static Type? ListElementType(Type type) => ListElements.GetOrAdd(type, static type =>
        type != typeof(string) && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)
            ? type.GetGenericArguments()[0]
            : null);

    /// <summary>An omitted or null field: null, or an empty list for a list member (lists are never null).</summary>
    private static object? Missing(Type type) =>
        ListElementType(type) is { } element
            ? Array.CreateInstance(element, 0)
            : type.IsValueType ? Activator.CreateInstance(type) : null;

    private static object? Convert(object? raw, Type type, FieldType field, string path)
    {
        if (raw is null)
        {
            return Missing(type);
        }

        if (ListElementType(type) is { } element)
        {
            var items = ((IEnumerable)raw)
                .Cast<object?>()
                .Select((item, i) => Convert(item, element, field, $"{path}[{i}]"))
                .ToArray();
            var list = Array.CreateInstance(element, items.Length);
            Array.Copy(items, list, items.Length);
            return list;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (field.GetMetadata<string?>(InputReferences.MetadataKey) is { } typeName)
        {
            // A mutation's ids were checked by InputReferences before the handler; a query argument's are checked here.
            return GlobalId.TryDecode(raw.ToString(), typeName, out var id)
                ? id
                : throw new ExecutionError(InputReferences.MalformedId(path, typeName, raw.ToString()).Message)
                {
                    Code = "INVALID_ID"
                };
        }

        if (raw is IDictionary<string, object?> nested)
        {
            return Create((IInputObjectGraphType)field.ResolvedType!.GetNamedType(), target, nested, path);
        }

        return target.IsInstanceOfType(raw) ? raw : ValueConverter.ConvertTo(raw, target);
    }
}

/// <summary>
/// The length a text member of an input record takes, as the service that handles it checks it (with
/// <c>ErrorList.Text</c>): the schema's description of the field ends with it ("At most 2,000 characters.", "1 to
/// 150 characters." when the field is required), so that a client learns the limit from the schema; a generated
/// test holds the described limit to the one enforced.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public class TextAttribute(int maxLength) : Attribute
{
    public int MaxLength { get; } = maxLength;

    /// <summary>Whether the text is one line: no tab or line break (<c>ErrorList.Line</c>).</summary>
    public virtual bool OneLine => false;

    /// <summary>
    /// Whether a value given to a field that may be omitted must not be empty (a change's new name, which cannot be
    /// cleared): "1 to" rather than "at most".
    /// </summary>
    public bool NotEmpty { get; init; }

    /// <summary>The sentence the field's description ends with.</summary>
    internal string Sentence(bool required, bool list)
    {
        var length = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"{(required || NotEmpty ? "1 to" : "at most")} {MaxLength:N0} characters");
        return (OneLine, list) switch
        {
            (true, true) => $"Each one line, {length}.",
            (true, false) => $"One line, {length}.",
            (false, true) => $"Each {length}.",
            (false, false) => $"{char.ToUpperInvariant(length[0])}{length[1..]}.",
        };
    }
}

/// <summary>A one-line text (a name, a title, an address): <see cref="TextAttribute"/>, no tab or line break.</summary>
public sealed class LineAttribute(int maxLength) : TextAttribute(maxLength)
{
    public override bool OneLine => true;
}

/// <summary>
/// A description with constants in it: <c>[Describe("The neighbourhoods it serves, at most {0}.", MaxCount)]</c> (a
/// text's length: <see cref="TextAttribute"/>).
/// </summary>
[AttributeUsage(AttributeTargets.All)]
public sealed class DescribeAttribute(string format, params object[] values)
    : System.ComponentModel.DescriptionAttribute(
        string.Format(System.Globalization.CultureInfo.InvariantCulture, format, values));
