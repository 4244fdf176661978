using GraphQLParser;

namespace InterAssociatif.Host.Tests.Schema;

/// <summary>
/// Clients written against a released schema keep working: every type, field, argument, input field
/// and enum value of <c>schema/released.graphql</c> still exists in <c>schema/schema.graphql</c> with a
/// compatible type, and no existing field or input gained a required argument or field — unless
/// <c>schema/CHANGELOG.md</c> records that break in the same change (<c>- Breaking: Q.a was removed</c>).
/// Additions are free. Release a new baseline by copying the schema over it when a release is cut.
/// </summary>
public sealed class SchemaCompatibilityTests
{
    [Fact]
    public void The_schema_breaks_nothing_the_released_schema_promised()
    {
        var released = File.ReadAllText(RepositoryFiles.Path("schema", "released.graphql"));
        var current = File.ReadAllText(RepositoryFiles.Path("schema", "schema.graphql"));
        var changelog = File.ReadAllText(RepositoryFiles.Path("schema", "CHANGELOG.md"));
        var breaks = SchemaCompatibility.Unrecorded(SchemaCompatibility.Breaks(released, current), changelog);
        Assert.True(
            breaks.Count == 0,
            "Breaking changes against schema/released.graphql, not recorded in schema/CHANGELOG.md:\n"
                + string.Join('\n', breaks)
        );
    }

    /// <summary>A break passes once the changelog records it, and only that break.</summary>
    [Fact]
    public void A_removed_field_fails_until_the_changelog_records_it_and_an_added_field_passes_without()
    {
        const string released = "type Query { a: String b: Int }";
        const string removed = "type Query { b: Int }";
        const string added = "type Query { a: String b: Int c: Boolean }";
        const string changelog =
            "## Unreleased\n\n- Breaking: Query.a was removed — read `b` instead.\n- Breaking: Query.bb was removed\n";

        Assert.Equal(
            ["Query.a was removed"],
            SchemaCompatibility.Unrecorded(SchemaCompatibility.Breaks(released, removed), "")
        );
        Assert.Empty(SchemaCompatibility.Unrecorded(SchemaCompatibility.Breaks(released, removed), changelog));
        Assert.Equal(
            ["Query.b was removed"],
            SchemaCompatibility.Unrecorded(SchemaCompatibility.Breaks(released, "type Query { a: String }"), changelog)
        );
        Assert.Empty(SchemaCompatibility.Unrecorded(SchemaCompatibility.Breaks(released, added), ""));
    }

    /// <summary>The checker itself finds each kind of break (a checker that finds nothing proves nothing).</summary>
    [Theory]
    [InlineData("type Q { a: String }", "type Q { b: String }", "Q.a was removed")]
    [InlineData("type Q { a: String! }", "type Q { a: String }", "Q.a changed type from String! to String")]
    [InlineData("type Q { a: [String] }", "type Q { a: String }", "Q.a changed type")]
    [InlineData("type Q { a(x: Int): String }", "type Q { a: String }", "Q.a(x) was removed")]
    [InlineData(
        "type Q { a(x: Int): String }", "type Q { a(x: Int!): String }", "Q.a(x) changed type from Int to Int!")]
    [InlineData("type Q { a: String }", "type Q { a(x: Int!): String }", "Q.a gained the required argument x")]
    [InlineData("input I { a: Int }", "input I { a: Int! }", "I.a changed type from Int to Int!")]
    [InlineData("input I { a: Int }", "input I { a: Int b: Int! }", "I gained the required field b")]
    [InlineData("enum E { A B }", "enum E { A }", "E.B was removed")]
    [InlineData("enum E { A }", "input E { a: Int }", "E changed kind")]
    [InlineData("union U = A | B", "union U = A", "U lost the member B")]
    [InlineData("type Q { a: String }", "type R { a: String }", "Q was removed")]
    public void The_checker_reports_each_kind_of_break(string released, string current, string expected) =>
        Assert.Contains(
            SchemaCompatibility.Breaks(released, current), b => b.StartsWith(expected, StringComparison.Ordinal));

    [Theory]
    [InlineData("type Q { a: String }", "type Q { a: String! b: Int }")]
    [InlineData("type Q { a(x: Int!): String }", "type Q { a(x: Int, y: Int = 1): String }")]
    [InlineData("input I { a: Int! }", "input I { a: Int b: Int c: Int! = 3 }")]
    [InlineData("enum E { A }", "enum E { A B }")]
    public void Additions_and_relaxed_inputs_are_compatible(string released, string current) =>
        Assert.Empty(SchemaCompatibility.Breaks(released, current));
}

/// <summary>Compares two SDL documents the way a client depends on them.</summary>
public static class SchemaCompatibility
{
    /// <summary>
    /// The breaks that no line of the changelog records: <c>- Breaking: </c> followed by the break as
    /// printed, then the end of the line or anything that is not part of a name.
    /// </summary>
    public static IReadOnlyList<string> Unrecorded(IReadOnlyList<string> breaks, string changelog)
    {
        const string marker = "- Breaking:";
        var recorded = changelog
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.StartsWith(marker, StringComparison.Ordinal))
            .Select(line => line[marker.Length..].Trim().Trim('`'))
            .ToList();
        return breaks.Where(b => !recorded.Any(line => Records(line, b))).ToList();

        static bool Records(string line, string change) =>
            line.StartsWith(change, StringComparison.Ordinal)
            && (
                line.Length == change.Length
                || !(char.IsLetterOrDigit(line[change.Length]) || line[change.Length] == '_')
            );
    }

    public static IReadOnlyList<string> Breaks(string releasedSdl, string currentSdl)
    {
        var released = Definitions(releasedSdl);
        var current = Definitions(currentSdl);
        var breaks = new List<string>();
        foreach (var (name, old) in released)
        {
            if (!current.TryGetValue(name, out var now))
            {
                breaks.Add($"{name} was removed");
            }
            else if (old.Kind != now.Kind)
            {
                breaks.Add($"{name} changed kind from {old.Kind} to {now.Kind}");
            }
            else
            {
                Compare(name, old, now, breaks);
            }
        }

        return breaks;
    }

    private static void Compare(string name, ASTNode old, ASTNode now, List<string> breaks)
    {
        switch (old, now)
        {
            case (IHasFieldsDefinitionNode o, IHasFieldsDefinitionNode n):
                var fields = n.Fields?.Items.ToDictionary(f => f.Name.StringValue) ?? [];
                foreach (var field in o.Fields?.Items ?? [])
                {
                    var path = $"{name}.{field.Name.StringValue}";
                    if (!fields.TryGetValue(field.Name.StringValue, out var kept))
                    {
                        breaks.Add($"{path} was removed");
                        continue;
                    }

                    if (!Output(field.Type, kept.Type))
                    {
                        breaks.Add($"{path} changed type from {Print(field.Type)} to {Print(kept.Type)}");
                    }

                    CompareInputs(
                        path, field.Arguments?.Items, kept.Arguments?.Items, breaks, a => $"{path}({a})", "argument");
                }

                break;
            case (GraphQLInputObjectTypeDefinition o, GraphQLInputObjectTypeDefinition n):
                CompareInputs(name, o.Fields?.Items, n.Fields?.Items, breaks, f => $"{name}.{f}", "field");
                break;
            case (GraphQLEnumTypeDefinition o, GraphQLEnumTypeDefinition n):
                var values = n.Values?.Items.Select(v => v.Name.StringValue).ToHashSet() ?? [];
                breaks.AddRange(
                    (o.Values?.Items ?? [])
                        .Where(v => !values.Contains(v.Name.StringValue))
                        .Select(v => $"{name}.{v.Name.StringValue} was removed")
                );
                break;
            case (GraphQLUnionTypeDefinition o, GraphQLUnionTypeDefinition n):
                var members = n.Types?.Items.Select(t => t.Name.StringValue).ToHashSet() ?? [];
                breaks.AddRange(
                    (o.Types?.Items ?? [])
                        .Where(t => !members.Contains(t.Name.StringValue))
                        .Select(t => $"{name} lost the member {t.Name.StringValue}")
                );
                break;
        }
    }

    private static void CompareInputs(
        string owner,
        IEnumerable<GraphQLInputValueDefinition>? released,
        IEnumerable<GraphQLInputValueDefinition>? current,
        List<string> breaks,
        Func<string, string> pathOf,
        string what
    )
    {
        var now = current?.ToDictionary(v => v.Name.StringValue) ?? [];
        var old = released?.ToDictionary(v => v.Name.StringValue) ?? [];
        foreach (var (name, value) in old)
        {
            if (!now.TryGetValue(name, out var kept))
            {
                breaks.Add($"{pathOf(name)} was removed");
            }
            else if (!Input(value.Type, kept.Type))
            {
                breaks.Add($"{pathOf(name)} changed type from {Print(value.Type)} to {Print(kept.Type)}");
            }
        }

        breaks.AddRange(
            now.Values.Where(v =>
                    !old.ContainsKey(v.Name.StringValue) && v.Type is GraphQLNonNullType && v.DefaultValue is null
                )
                .Select(v => $"{owner} gained the required {what} {v.Name.StringValue}")
        );
    }

    /// <summary>A field may promise more (non-null where it was nullable), never less.</summary>
    private static bool Output(GraphQLType old, GraphQLType now) =>
        (old, now) switch
        {
            (GraphQLNonNullType o, GraphQLNonNullType n) => Output(o.Type, n.Type),
            (GraphQLNonNullType, _) => false,
            (_, GraphQLNonNullType n) => Output(old, n.Type),
            (GraphQLListType o, GraphQLListType n) => Output(o.Type, n.Type),
            (GraphQLNamedType o, GraphQLNamedType n) => o.Name.StringValue == n.Name.StringValue,
            _ => false,
        };

    /// <summary>An input may accept more (nullable where it was required), never less.</summary>
    private static bool Input(GraphQLType old, GraphQLType now) =>
        (old, now) switch
        {
            (GraphQLNonNullType o, GraphQLNonNullType n) => Input(o.Type, n.Type),
            (_, GraphQLNonNullType) => false,
            (GraphQLNonNullType o, _) => Input(o.Type, now),
            (GraphQLListType o, GraphQLListType n) => Input(o.Type, n.Type),
            (GraphQLNamedType o, GraphQLNamedType n) => o.Name.StringValue == n.Name.StringValue,
            _ => false,
        };

    private static string Print(GraphQLType type) =>
        type switch
        {
            GraphQLNonNullType n => Print(n.Type) + "!",
            GraphQLListType l => $"[{Print(l.Type)}]",
            GraphQLNamedType named => named.Name.StringValue,
            _ => type.Kind.ToString(),
        };

    private static Dictionary<string, ASTNode> Definitions(string sdl) =>
        Parser
            .Parse(sdl)
            .Definitions.OfType<GraphQLTypeDefinition>()
            .ToDictionary(d => d.Name.StringValue, d => (ASTNode)d);
}
