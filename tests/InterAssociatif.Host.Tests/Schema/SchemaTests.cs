using InterAssociatif.Host.Cli;

namespace InterAssociatif.Host.Tests.Schema;

public sealed class SchemaTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{

    /// <summary>
    /// The SDL checked in is the SDL the host serves. Regenerate with the README's `schema export` command.
    /// </summary>
    [Fact]
    public void The_checked_in_schema_is_the_live_schema()
    {
        var live = CommandLine.PrintSchema(factory.Services);
        var checkedIn = File.ReadAllText(RepositoryFiles.Path("schema", "schema.graphql")).ReplaceLineEndings("\n");
        Assert.True(
            live == checkedIn,
            "schema/schema.graphql is out of date: run `dotnet run --project host/InterAssociatif.Host -- schema "
            + "export` and review the diff.\n"
            + FirstDifference(checkedIn, live));
    }

    /// <summary>Where the two texts part, with a few lines of each around it.</summary>
    private static string FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var line = 0;
        while (line < a.Length && line < b.Length && a[line] == b[line])
        {
            line++;
        }

        string Around(string[] lines) =>
            string.Join(
                '\n',
                lines.Skip(Math.Max(0, line - 2)).Take(6).Select((l, i) => $"{Math.Max(0, line - 2) + i + 1,6}: {l}"));
        return $"First difference at line {line + 1}.\n--- checked in\n{Around(a)}\n+++ live\n{Around(b)}";
    }

    [Fact]
    public void A_mutation_says_coordinators_only_exactly_when_only_coordinators_may_call_it()
    {
        var schema = SchemaCases.Schema(factory.Services);
        var wrong = SchemaCases.Mutations(schema)
            .Where(m => m.GetRoles() is [Roles.Coordinator]
                != m.Description!.EndsWith(" Coordinators only.", StringComparison.Ordinal))
            .Select(m => $"{m.Name} ({string.Join(", ", m.GetRoles() ?? [])}): {m.Description}")
            .ToList();

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
        Assert.Contains(SchemaCases.Mutations(schema), m => m.GetRoles() is [Roles.Coordinator]);
    }

    [Fact]
    public void Every_type_field_argument_and_enum_value_has_a_description()
    {
        var schema = factory.Services.GetRequiredService<InterAssociatifSchema>();
        schema.Initialize();
        var missing = new List<string>();
        foreach (var type in schema.AllTypes.Where(t =>
            !t.Name.StartsWith("__", StringComparison.Ordinal) && t is not ScalarGraphType))
        {
            if (string.IsNullOrWhiteSpace(type.Description))
            {
                missing.Add(type.Name);
            }

            if (type is IComplexGraphType complex)
            {
                foreach (var field in complex.Fields)
                {
                    if (string.IsNullOrWhiteSpace(field.Description))
                    {
                        missing.Add($"{type.Name}.{field.Name}");
                    }

                    missing.AddRange(
                        (field.Arguments ?? [])
                            .Where(a => string.IsNullOrWhiteSpace(a.Description))
                            .Select(a => $"{type.Name}.{field.Name}({a.Name})"));
                }
            }

            if (type is EnumerationGraphType enumeration)
            {
                missing.AddRange(
                    enumeration.Values.Where(v => string.IsNullOrWhiteSpace(v.Description))
                        .Select(v => $"{type.Name}.{v.Name}"));
            }
        }

        Assert.True(missing.Count == 0, "Undescribed: " + string.Join(", ", missing));
    }

    public static TheoryData<string> Operations() =>
        new(
            System.IO.Directory.GetFiles(RepositoryFiles.Path("schema", "operations"), "*.graphql").Select(
                Path.GetFileName)!);

    /// <summary>Every example operation for front-ends and analysts is valid against the schema.</summary>
    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Example_operations_are_valid_against_the_schema(string file)
    {
        var schema = factory.Services.GetRequiredService<InterAssociatifSchema>();
        schema.Initialize();
        var document = GraphQLParser.Parser.Parse(
            await File.ReadAllTextAsync(RepositoryFiles.Path("schema", "operations", file)));
        var result = await new DocumentValidator().ValidateAsync(new ValidationOptions
        {
            Schema = schema,
            Document = document,
            Operation = document.Definitions.OfType<GraphQLParser.AST.GraphQLOperationDefinition>().First(),
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
        });
        // The document is checked, not the values of its variables (the file gives none).
        var errors = result.Errors.Where(e => e is not InvalidVariableError).Select(e => e.Message).ToList();
        Assert.True(errors.Count == 0, string.Join("; ", errors));
    }
}
