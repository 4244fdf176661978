using Microsoft.Extensions.Hosting;

namespace InterAssociatif.Host.Tests.Generated;

/// <summary>
/// Generated from the live schema: every mutation × every id field of its input (nested and list
/// ones included) × a malformed id, a well-formed id of another type and a well-formed unknown id of
/// the right type. Each gets a NOT_FOUND naming the field, writes no row anywhere, and the lists a
/// page reads still answer. Adding a mutation or an id field adds cases here without an edit.
/// </summary>
public sealed class MutationFuzzTests(MutationFuzzTests.FuzzedHost factory)
    : IClassFixture<MutationFuzzTests.FuzzedHost>
{
    /// <summary>A host whose rate limit leaves room for the thousands of requests of these cases.</summary>
    public sealed class FuzzedHost : InterAssociatifFactory
    {
        private Task<IReadOnlyDictionary<string, string>>? _existing;

        public FuzzedHost() =>
            With("GraphQL:Limits:RateLimitPermits", "1000000")
                .With("Webhooks:AllowedHosts:0", "127.0.0.1")
                .With("Webhooks:AllowInsecureHttp", "true");

        /// <summary>
        /// One record of each type, read once for the cases until one deletes a record: the demo data's, and a
        /// webhook endpoint and an API key, which it has none of.
        /// </summary>
        public Task<IReadOnlyDictionary<string, string>> ExistingIds() => _existing ??= MakeAndReadAsync();

        /// <summary>After a case that may have deleted the record it was given.</summary>
        public void Forget() => _existing = null;

        /// <summary>
        /// Nothing is delivered to webhook receivers here: the cases check what a mutation refuses by counting
        /// rows, and deliveries would write their attempts in the background meanwhile.
        /// </summary>
        protected override void ConfigureTestServices(IServiceCollection services) => services.Remove(services.Single(
            d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "WebhookDispatcher"));

        private async Task<IReadOnlyDictionary<string, string>> MakeAndReadAsync()
        {
            var existing = await SchemaCases.ExistingIdsAsync(Services);
            Dictionary<string, string> make = new()
            {
                ["WebhookEndpoint"] = """
                    registerWebhookEndpoint(input: { url: "http://127.0.0.1:9/fuzz", events: [DECISION_RECORDED] }) {
                      errors { code }
                    }
                    """,
                ["ApiKey"] = """issueApiKey(input: { name: "Fuzz", scopes: [READ_DECISIONS] }) { errors { code } }""",
            };
            foreach (var (type, mutation) in make.Where(m => !existing.ContainsKey(m.Key)))
            {
                var made = (await GraphQL("coordinator").QueryAsync($"mutation {{ {mutation} }}")).EnsureNoErrors();
                Assert.Empty(made.PayloadErrors(mutation[..mutation.IndexOf('(')]));
            }

            if (!existing.ContainsKey("Seat"))
            {
                await MakeSeatAsync();
            }

            return await SchemaCases.ExistingIdsAsync(Services);
        }

        /// <summary>
        /// A seat, which the demo data has none of: a body with association seats, a session of it on a day the
        /// network has members, and the first member seated there.
        /// </summary>
        private async Task MakeSeatAsync()
        {
            var coordinator = GraphQL("coordinator");
            async Task<string> Made(string mutation, string path, object variables)
            {
                var result = (await coordinator.QueryAsync($"mutation {mutation}", variables)).EnsureNoErrors();
                Assert.Empty(result.PayloadErrors(path[..path.IndexOf('.')]));
                return result.String(path)!;
            }

            var body = await Made(
                """($name: String!) { createBody(input: { kind: OTHER, name: $name, associationSeats: 2 }) {"""
                + " body { id } errors { code } } }",
                "createBody.body.id",
                new { name = $"Instance du fuzz {Guid.NewGuid():N}" }); // made again after a case released the seat
            var session = await Made(
                """{ scheduleMeeting(input: { title: "Séance du fuzz", startsAt: "2019-03-05T13:00:00Z","""
                + """ endsAt: "2019-03-05T15:00:00Z" }) { meeting { id } errors { code } } }""",
                "scheduleMeeting.meeting.id",
                new { });
            await Made(
                "($b: ID!, $m: ID!) { addBodySession(input: { bodyId: $b, meetingId: $m })"
                + " { body { id } errors { code } } }",
                "addBodySession.body.id",
                new { b = body, m = session });
            var member = (await coordinator.QueryAsync(
                """{ organizations(first: 1, filter: { membershipStatuses: [MEMBER], membershipAsOf: "2019-03-05" })"""
                + " { nodes { id } } }")).EnsureNoErrors().String("organizations.nodes[0].id")!;
            await Made(
                "($m: ID!, $o: ID!) { assignSeat(input: { meetingId: $m, organizationId: $o })"
                + " { seat { id } errors { code } } }",
                "assignSeat.seat.id",
                new { m = session, o = member });
        }
    }

    /// <summary>"a Organization", "a ADOPTED": the article a reader stumbles on.</summary>
    private static readonly System.Text.RegularExpressions.Regex BadArticle = new(@"\b[Aa] [AEIOUaeiou]\w");

    private static ISchema LiveSchema => SchemaCases.ForTheoryData;

    public static TheoryData<string> IdFields() => new(SchemaCases.IdFields(LiveSchema).Select(f => f.ToString()));

    [Fact]
    public void Every_id_field_of_every_mutation_input_declares_the_node_type_it_names()
    {
        var schema = LiveSchema;
        var fields = SchemaCases.IdFields(schema).ToList();
        Assert.NotEmpty(fields);
        Assert.All(
            fields,
            f => Assert.True(f.References is not null, $"{f} declares no referenced type: add .References(\"Type\")"));
        Assert.All(fields, f => Assert.True(
            schema.AllTypes[f.References!] is IObjectGraphType type
            && type.ResolvedInterfaces.Any(i => i.Name == "Node"),
            $"{f} references {f.References}, which is not a Node type of the schema"));
    }

    [Theory]
    [MemberData(nameof(IdFields))]
    public async Task A_bad_id_in_any_mutation_input_is_a_typed_error_naming_the_field_and_writes_nothing(string name)
    {
        var schema = SchemaCases.Schema(factory.Services);
        var field = SchemaCases.IdFields(schema).Single(f => f.ToString() == name);
        var mutation = schema.Mutation!.Fields.Find(field.Mutation)!;
        var role = SchemaCases.AllowedRoles(mutation)[0];
        var otherType = field.References == "Theme" ? "Organization" : "Theme";
        var cases = new (string What, string Id)[]
        {
            ("malformed", "pas-un-identifiant"),
            ("another type's", GlobalId.Encode(otherType, Guid.NewGuid())),
            ("unknown", GlobalId.Encode(field.References!, Guid.NewGuid())),
        };

        foreach (var (what, id) in cases)
        {
            var before = await RowCountsAsync();
            var input = SchemaCases.Input(SchemaCases.InputOf(mutation), field.Path, JsonValue.Create(id));
            var result = await factory.GraphQL(role).QueryAsync(SchemaCases.Document(mutation), new { input });
            result.EnsureNoErrors();
            var errors = result.PayloadErrors(mutation.Name);
            Assert.True(
                errors.Any(e =>
                    e!["field"]!.GetValue<string>() == field.ErrorPath && e["code"]!.GetValue<string>() == "NOT_FOUND"),
                $"{what} id in {field}: expected NOT_FOUND on {field.ErrorPath}, got {errors.ToJsonString()}");
            Assert.Equal(before, await RowCountsAsync());
            Assert.All(errors, e => Assert.DoesNotMatch(BadArticle, e!["message"]!.GetValue<string>()));
        }
    }

    public static TheoryData<string> TextFields() => new(SchemaCases.TextFields(LiveSchema).Select(f => f.ToString()));

    /// <summary>
    /// Every text field of every mutation input (nested and list ones included), its ids naming existing records, × a
    /// C0 control, ESC, DEL and a C1 control: a VALIDATION error naming the field and nothing written. Tab and line
    /// breaks are not refused as control characters.
    /// </summary>
    [Theory]
    [MemberData(nameof(TextFields))]
    public async Task A_control_character_in_any_text_of_any_mutation_input_is_refused_naming_the_field(string name)
    {
        var field = TextField(name);
        await factory.ExistingIds(); // the host started, and the records the ids name made, before counting rows
        Task<JsonArray> TryAsync(string value) => WithValueAsync(field, value);

        foreach (var control in new[] { '\u0000', '\u001b', '\u007f', '\u0085' })
        {
            var before = await RowCountsAsync();
            var errors = await TryAsync($"Relevé{control} de décision");
            Assert.True(
                errors.Any(e => e!["field"]!.GetValue<string>() == field.ErrorPath
                    && e["code"]!.GetValue<string>() == "VALIDATION"
                    && e["message"]!.GetValue<string>().Contains($"U+{(int)control:X4}", StringComparison.Ordinal)),
                $"{field} with U+{(int)control:X4}: expected VALIDATION on {field.ErrorPath}, "
                    + $"got {errors.ToJsonString()}");
            Assert.Equal(before, await RowCountsAsync());
        }

        var layout = await TryAsync("Relevé\tde\r\ndécision");
        Assert.DoesNotContain(
            layout, e => e!["message"]!.GetValue<string>().Contains("control", StringComparison.Ordinal));
        if (name.Contains("delete", StringComparison.Ordinal) || layout.Count == 0)
        {
            factory.Forget(); // the clean text may have gone through, and changed what the next cases name
        }
    }

    public static TheoryData<string> UnstatedTextFields() =>
        new(SchemaCases.TextFields(LiveSchema).Where(f => Stated(f) is null).Select(f => f.ToString()));

    /// <summary>
    /// Every text field of every mutation input whose description states no limit (the event-log positions; a text
    /// that states one is held to it below), its ids naming existing records, × a text longer than the longest the
    /// domain takes: a VALIDATION error naming the field (for one of the roles the mutation admits: a member's survey
    /// response needs what a coordinator's does not) and nothing written.
    /// </summary>
    [Theory]
    [MemberData(nameof(UnstatedTextFields))]
    public async Task An_over_long_text_in_any_field_of_any_mutation_input_is_refused_naming_the_field(string name)
    {
        var field = TextField(name);
        await factory.ExistingIds(); // the host started, and the records the ids name made, before counting rows
        var before = await RowCountsAsync();
        var seen = new List<string>();
        foreach (var role in SchemaCases.AllowedRoles(LiveSchema.Mutation!.Fields.Find(field.Mutation)!))
        {
            var errors = await WithValueAsync(field, OverLong, role);
            Assert.Equal(before, await RowCountsAsync());
            if (errors.Any(e => e!["field"]!.GetValue<string>() == field.ErrorPath
                && e["code"]!.GetValue<string>() == "VALIDATION"))
            {
                return;
            }

            seen.Add($"{role}: {errors.ToJsonString()}");
        }

        Assert.Fail($"{field} with {OverLong.Length} characters: no VALIDATION on {field.ErrorPath}, got "
            + string.Join("; ", seen));
    }

    /// <summary>The text fields that are positions of the event log, checked as such rather than as texts.</summary>
    private static readonly HashSet<string> Positions =
        ["redeliverWebhookEvent: input.position", "replayWebhookEvents: input.after"];

    /// <summary>How the schema states a text's limit at the end of its description (<c>TextAttribute</c>).</summary>
    private static readonly System.Text.RegularExpressions.Regex StatedLimit =
        new(@"(?<line>[Oo]ne line, )?(?:(?<from>1 to)|[Aa]t most) (?<length>[\d,]+) characters\.$");

    private static (int Length, bool OneLine, bool NotEmpty)? Stated(SchemaCases.ValueField field) =>
        field.Description is { } description && StatedLimit.Match(description) is { Success: true } match
            ? (int.Parse(match.Groups["length"].ValueSpan, NumberStyles.AllowThousands, CultureInfo.InvariantCulture),
                match.Groups["line"].Success,
                match.Groups["from"].Success)
            : null;

    /// <summary>A client learns from the schema how long each text may be, and whether it is one line.</summary>
    [Fact]
    public void Every_text_field_of_every_mutation_input_states_its_limit_in_the_schema()
    {
        var fields = SchemaCases.TextFields(LiveSchema).Where(f => !Positions.Contains(f.ToString())).ToList();
        Assert.NotEmpty(fields);
        Assert.Empty(fields.Where(f => Stated(f) is null).Select(f => $"{f}: {f.Description}"));
    }

    public static TheoryData<string> LimitedTextFields() =>
        new(SchemaCases.TextFields(LiveSchema).Where(f => Stated(f) is not null).Select(f => f.ToString()));

    /// <summary>
    /// Every text field whose limit the schema states, its ids naming existing records, by every role the mutation
    /// admits: as many characters as stated are not refused for their length, one more is a VALIDATION naming the
    /// field and that limit; a line break is refused naming the field where the schema says "one line", and only
    /// there; an empty text where it says "1 to", and only there. A refusal writes nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(LimitedTextFields))]
    public async Task The_limit_the_schema_states_for_a_text_is_the_one_enforced(string name)
    {
        var field = TextField(name);
        var (length, oneLine, notEmpty) = Stated(field)!.Value;
        await factory.ExistingIds(); // the host started, and the records the ids name made, before counting rows
        var roles = SchemaCases.AllowedRoles(LiveSchema.Mutation!.Fields.Find(field.Mutation)!);

        Task<List<string>> OnTheFieldAsync(string value, string role) => ErrorsOnTheFieldAsync(field, value, role);

        // Whether the errors refuse the value with that message; a refusal the schema does not state fails.
        bool Refused(List<string> errors, string message, bool stated, string role)
        {
            var refused = errors.Any(e => e.StartsWith("VALIDATION", StringComparison.Ordinal)
                && e.Contains(message, StringComparison.Ordinal));
            Assert.False(
                refused && !stated,
                $"{field} ({role}): '{message}' is not what the schema states: {field.Description}");
            return refused;
        }

        var seen = new List<string>();
        bool overLong = false, brokenLine = false, empty = false;
        foreach (var role in roles)
        {
            empty |= Refused(await OnTheFieldAsync("", role), "must not be empty", notEmpty, role);
            factory.Forget();

            var atLimit = await OnTheFieldAsync(new string('a', length), role);
            factory.Forget(); // it may have gone through, and changed the records the next cases name
            Assert.False(
                atLimit.Any(e => e.Contains("characters", StringComparison.Ordinal)),
                $"{field} ({role}) refused the {length} characters the schema states: {string.Join("; ", atLimit)}");

            var tooLong = await OnTheFieldAsync(new string('a', length + 1), role);
            overLong |= tooLong.Any(e => e.StartsWith("VALIDATION", StringComparison.Ordinal)
                && e.Contains($"at most {length} characters", StringComparison.Ordinal));

            var twoLines = await OnTheFieldAsync("Première ligne\nseconde ligne", role);
            factory.Forget();
            brokenLine |= Refused(twoLines, "one line", oneLine, role);
            seen.Add($"{role}: {string.Join("; ", tooLong.Concat(twoLines))}");
        }

        Assert.True(overLong, $"{field}: {length + 1} characters not refused at {length}: {string.Join(" | ", seen)}");
        Assert.True(
            brokenLine == oneLine, $"{field} is stated one line but took a line break: {string.Join(" | ", seen)}");
        Assert.True(empty == notEmpty, $"{field} is stated '1 to {length}' but took an empty text");
    }

    /// <summary>
    /// The errors the field's mutation answers on the field (code and message) when run by <paramref name="role"/> with
    /// <paramref name="value"/> there; a refusal writes nothing.
    /// </summary>
    private async Task<List<string>> ErrorsOnTheFieldAsync(SchemaCases.ValueField field, JsonNode value, string role)
    {
        await factory.ExistingIds(); // made again, if a case forgot them, before counting rows
        var before = await RowCountsAsync();
        var errors = await WithValueAsync(field, value, role);
        if (errors.Count > 0)
        {
            Assert.Equal(before, await RowCountsAsync());
        }

        return errors.Where(e => e!["field"]!.GetValue<string>() == field.ErrorPath)
            .Select(e => $"{e!["code"]} {e["message"]}")
            .ToList();
    }

    /// <summary>How the schema states a number's range at the end of its description (a <c>[Range]</c>).</summary>
    private static readonly System.Text.RegularExpressions.Regex StatedRange =
        new(@"From (?<min>-?[\d,]+) to (?<max>-?[\d,]+)\.$");

    private static (int Min, int Max)? Range(SchemaCases.ValueField field) =>
        field.Description is { } description && StatedRange.Match(description) is { Success: true } match
            ? (Number(match.Groups["min"].ValueSpan), Number(match.Groups["max"].ValueSpan))
            : null;

    private static int Number(ReadOnlySpan<char> text) =>
        int.Parse(text, NumberStyles.AllowThousands | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    public static TheoryData<string> RangedNumberFields() =>
        new(SchemaCases.NumberFields(LiveSchema).Where(f => Range(f) is not null).Select(f => f.ToString()));

    /// <summary>
    /// Every number field whose range the schema states ("From 1 to 200."), its ids naming existing records, by every
    /// role the mutation admits: both bounds are not refused for their value, one below and one above are a VALIDATION
    /// naming the field and those bounds. A refusal writes nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(RangedNumberFields))]
    public async Task The_range_the_schema_states_for_a_number_is_the_one_enforced(string name)
    {
        var field = SchemaCases.NumberFields(LiveSchema).Single(f => f.ToString() == name);
        var (min, max) = Range(field)!.Value;
        var bounds = $"between {min} and {max}";
        var refused = new Dictionary<int, bool> { [min - 1] = false, [max + 1] = false };
        foreach (var role in SchemaCases.AllowedRoles(LiveSchema.Mutation!.Fields.Find(field.Mutation)!))
        {
            foreach (var value in new[] { min, max })
            {
                var errors = await ErrorsOnTheFieldAsync(field, value, role);
                factory.Forget(); // it may have gone through, and changed the records the next cases name
                Assert.False(
                    errors.Any(e => e.Contains(bounds, StringComparison.Ordinal)),
                    $"{field} ({role}) refused {value}, within the stated range: {string.Join("; ", errors)}");
            }

            foreach (var value in refused.Keys.ToList())
            {
                refused[value] |= (await ErrorsOnTheFieldAsync(field, value, role))
                    .Any(e => e.StartsWith("VALIDATION", StringComparison.Ordinal)
                        && e.Contains(bounds, StringComparison.Ordinal));
            }
        }

        Assert.All(refused, r => Assert.True(r.Value, $"{field}: {r.Key} is outside {min}..{max} but not refused"));
    }

    /// <summary>
    /// Longer than the longest text the domain takes (minutes, 200,000 characters), within the body limit.
    /// </summary>
    private static readonly string OverLong = new string('é', 60_000) + new string('a', 140_001);

    private static SchemaCases.ValueField TextField(string name) =>
        SchemaCases.TextFields(LiveSchema).Single(f => f.ToString() == name);

    /// <summary>
    /// The payload errors of the field's mutation run by <paramref name="role"/> (else the first it admits), with
    /// <paramref name="value"/> in the field and the ids naming existing records.
    /// </summary>
    private async Task<JsonArray> WithValueAsync(SchemaCases.ValueField field, JsonNode value, string? role = null)
    {
        var schema = SchemaCases.Schema(factory.Services);
        var mutation = schema.Mutation!.Fields.Find(field.Mutation)!;
        var input = SchemaCases.Input(
            SchemaCases.InputOf(mutation), field.Path, value, await factory.ExistingIds());
        var result = await factory.GraphQL(role ?? SchemaCases.AllowedRoles(mutation)[0])
            .QueryAsync(SchemaCases.Document(mutation), new { input });
        return result.EnsureNoErrors().PayloadErrors(mutation.Name);
    }

    /// <summary>The fuzz below goes past every id check: each type an input names has a record.</summary>
    [Fact]
    public async Task Every_type_a_mutation_input_names_has_a_record_to_fuzz_with()
    {
        var existing = await factory.ExistingIds();
        var missing = SchemaCases.IdFields(LiveSchema).Select(f => f.References!).Distinct()
            .Where(type => !existing.ContainsKey(type));
        Assert.Empty(missing);
    }

    public static TheoryData<string> MutationNames() => new(SchemaCases.Mutations(LiveSchema).Select(m => m.Name));

    /// <summary>
    /// Every mutation, its ids naming existing records (one of each type from the demo data): each required string
    /// empty and over-long is an error naming that field; each date far in the past or future, each number at both
    /// ends of Int, −1 and 0, and each value of each enum field is accepted or refused with errors naming input fields
    /// — never a server fault — and a refusal writes nothing; a version the record has never had is a CONFLICT on
    /// <c>input.version</c> that writes nothing.
    /// </summary>
    [Theory]
    [MemberData(nameof(MutationNames))]
    public async Task Strings_dates_and_enum_values_are_refused_naming_the_field_or_accepted_never_a_fault(string name)
    {
        var schema = SchemaCases.Schema(factory.Services);
        var mutation = schema.Mutation!.Fields.Find(name)!;
        var inputType = SchemaCases.InputOf(mutation);
        var existing = await factory.ExistingIds();

        // The first role allowed that finds the records (a partner does not see a coordinator's webhook endpoint).
        string? role = null;
        foreach (var allowed in SchemaCases.AllowedRoles(mutation))
        {
            var baseline = await factory.GraphQL(allowed).QueryAsync(
                SchemaCases.Document(mutation), new { input = SchemaCases.Input(inputType, existing: existing) });
            if (!baseline.EnsureNoErrors().PayloadErrors(name).Any(e => e!["code"]!.GetValue<string>() == "NOT_FOUND"))
            {
                role = allowed;
                break;
            }
        }

        // A delete that went through took the record the next cases were to name.
        if (name.StartsWith("delete", StringComparison.Ordinal))
        {
            factory.Forget();
        }

        if (role is null)
        {
            return;
        }

        async Task<JsonArray> TryAsync(string field, JsonNode? value)
        {
            var before = await RowCountsAsync();
            var input = SchemaCases.Input(inputType, [field], value, existing);
            var result = await factory.GraphQL(role).QueryAsync(SchemaCases.Document(mutation), new { input });
            Assert.True(result.Errors.Count == 0, $"{name}.{field} = {Show(value)}: {result.Body.ToJsonString()}");
            var errors = result.PayloadErrors(name);
            if (errors.Count > 0)
            {
                Assert.Equal(before, await RowCountsAsync());
                Assert.All(
                    errors,
                    e => Assert.StartsWith("input.", e!["field"]!.GetValue<string>(), StringComparison.Ordinal));
            }

            return errors;
        }

        foreach (var field in inputType.Fields)
        {
            var type = field.ResolvedType!;
            var named = type.GetNamedType();
            if (named is StringGraphType && type is NonNullGraphType)
            {
                foreach (var value in new[] { "", "   ", OverLong })
                {
                    var errors = await TryAsync(field.Name, value);
                    Assert.True(
                        errors.Any(e => e!["field"]!.GetValue<string>() == $"input.{field.Name}"),
                        $"{name}.{field.Name} = {Show(value)} was not refused naming the field: "
                        + $"{errors.ToJsonString()}");
                }
            }
            else if (named is DateOnlyGraphType or DateTimeOffsetGraphType or DateTimeGraphType)
            {
                var time = named is DateOnlyGraphType ? "" : "T00:00:00Z";
                foreach (var value in new[] { "0001-01-01" + time, "9999-12-31" + time })
                {
                    await TryAsync(field.Name, value);
                }
            }
            else if (field.Name == "version" && named is IntGraphType)
            {
                // A version the record has never had: someone changed it meanwhile, a CONFLICT naming the field.
                var errors = await TryAsync(field.Name, 1_000_000);
                Assert.True(
                    errors.Any(e => e!["field"]!.GetValue<string>() == "input.version"
                        && e["code"]!.GetValue<string>() == "CONFLICT"),
                    $"{name} with a stale version was not a CONFLICT on input.version: {errors.ToJsonString()}");
            }
            else if (named is IntGraphType)
            {
                // Counts, ranks and numbers at both ends of Int and around zero.
                foreach (var value in new[] { int.MinValue, -1, 0, int.MaxValue })
                {
                    await TryAsync(field.Name, value);
                }
            }
            else if (named is EnumerationGraphType enumeration && type is not ListGraphType)
            {
                foreach (var value in enumeration.Values)
                {
                    await TryAsync(field.Name, value.Name);
                }
            }
        }
    }

    private static string Show(JsonNode? value) =>
        value?.ToJsonString() is { Length: > 40 } text ? text[..40] + "…" : value?.ToJsonString() ?? "null";

    [Fact]
    public async Task After_every_bad_id_the_lists_still_answer_for_every_role()
    {
        var schema = SchemaCases.Schema(factory.Services);
        foreach (var field in SchemaCases.IdFields(schema))
        {
            var mutation = schema.Mutation!.Fields.Find(field.Mutation)!;
            var input = SchemaCases.Input(
                SchemaCases.InputOf(mutation),
                field.Path,
                GlobalId.Encode(field.References ?? "Theme", Guid.NewGuid()));
            (await factory.GraphQL(SchemaCases.AllowedRoles(mutation)[0])
                .QueryAsync(SchemaCases.Document(mutation), new { input }))
                .EnsureNoErrors();
        }

        foreach (var role in new[] { "partner", "member", "analyst", "coordinator" })
        {
            foreach (var (query, allowed) in ListQueries(schema, role))
            {
                var result = await factory.GraphQL(role).QueryAsync(query);
                // Record-level privacy (a person's email for a member) may still refuse single values.
                Assert.True(
                    !allowed || (result.Data is not null && result.ErrorCodes.All(code => code == "ACCESS_DENIED")),
                    $"{role}: {query} → {result.Body.ToJsonString()}");
            }
        }
    }

    /// <summary>
    /// Each root list of the schema with what a page reads of it (its scalars, and its nodes' scalars), for the roles
    /// it admits.
    /// </summary>
    private static IEnumerable<(string Query, bool Allowed)> ListQueries(ISchema schema, string role)
    {
        var caller = SchemaCases.Caller(role);
        foreach (var root in schema.Query.Fields.Where(f =>
            f.Arguments is null || f.Arguments.All(a => a.ResolvedType is not NonNullGraphType)))
        {
            if (root.ResolvedType!.GetNamedType() is not IObjectGraphType type
                || !type.Name.EndsWith("Connection", StringComparison.Ordinal))
            {
                continue;
            }

            var node = (IComplexGraphType)type.GetField("nodes")!.ResolvedType!.GetNamedType();
            var allowed = AuthorizationValidationRule.IsAllowed(root, caller)
                && AuthorizationValidationRule.IsAllowed(node, caller);
            yield return ($"{{ {root.Name}(first: 20) {{ totalCount nodes {{ {Selection(node, caller, 1)} }} }} }}", allowed);
        }
    }

    private static string Selection(IComplexGraphType type, System.Security.Claims.ClaimsPrincipal caller, int depth)
    {
        var parts = new List<string> { "__typename" };
        foreach (var field in type.Fields.Where(f =>
            (f.Arguments is null || f.Arguments.All(a => a.ResolvedType is not NonNullGraphType))
            && AuthorizationValidationRule.IsAllowed(f, caller)))
        {
            var named = field.ResolvedType!.GetNamedType();
            if (named is ScalarGraphType or EnumerationGraphType)
            {
                parts.Add(field.Name);
            }
            else if (depth > 0
                && named is IComplexGraphType inner
                && !inner.Name.EndsWith("Connection", StringComparison.Ordinal)
                && AuthorizationValidationRule.IsAllowed(inner, caller))
            {
                parts.Add($"{field.Name} {{ {Selection(inner, caller, depth - 1)} }}");
            }
        }

        return string.Join(' ', parts);
    }

    /// <summary>Rows of every table of the database file, but the audit trail (which records the attempts).</summary>
    private async Task<string> RowCountsAsync()
    {
        await using var connection = new SqliteConnection(
            $"Data Source={Path.Combine(factory.DataDirectory, "interassociatif.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND "
                + "name NOT LIKE '%Audit%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var counts = new List<string>();
        foreach (var table in tables)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts.Add($"{table}={await count.ExecuteScalarAsync()}");
        }

        return string.Join(", ", counts);
    }
}
