namespace InterAssociatif.Host.Tests.Kernel;

/// <summary>
/// The fields a selection set collects are kept with the cached document only where the request has no part in them:
/// one document run again with other variables, a merge of two selections of one name, fragments on an abstract
/// type and a spread that a variable skips answer each time as the specification says — checked against the
/// same document's answer the first time it runs, and against what the selection asks for.
/// </summary>
public sealed class CollectedFieldsTests(InterAssociatifFactory factory) : IClassFixture<InterAssociatifFactory>
{
    private GraphQLTestClient Coordinator => factory.GraphQL("coordinator");

    public static TheoryData<bool, bool, bool> Flags()
    {
        var flags = new TheoryData<bool, bool, bool>();
        foreach (var first in new[] { false, true })
        {
            foreach (var second in new[] { false, true })
            {
                foreach (var third in new[] { false, true })
                {
                    flags.Add(first, second, third);
                }
            }
        }

        return flags;
    }

    [Theory]
    [MemberData(nameof(Flags))]
    public async Task A_directive_follows_the_variables_of_each_run_of_one_document(bool first, bool second, bool third)
    {
        const string Query = """
            query($acronym: Boolean!, $skipUnits: Boolean!) {
              organizations(first: 5) {
                nodes { name acronym @include(if: $acronym) ...Units @skip(if: $skipUnits) }
              }
            }
            fragment Units on Organization { units { name } }
            """;
        foreach (var (acronym, skipUnits) in new[] { (first, second), (second, third), (third, first) })
        {
            var nodes = (await Coordinator.QueryAsync(Query, new { acronym, skipUnits })).EnsureNoErrors()
                .At("organizations.nodes")!.AsArray();
            Assert.Equal(5, nodes.Count);
            foreach (var node in nodes.Select(n => n!.AsObject()))
            {
                Assert.True(node.ContainsKey("name"));
                Assert.Equal(acronym, node.ContainsKey("acronym"));
                Assert.Equal(!skipUnits, node.ContainsKey("units"));
            }
        }
    }

    [Fact]
    public async Task Two_selections_of_one_name_are_merged_with_their_arguments_at_every_run_and_every_object()
    {
        const string Query = """
            query($s: [AttendanceStatus!]) {
              meetings(first: 20) {
                nodes { title organizer { name } organizer { id name } t: title
                        attendance(statuses: $s) { status } attendance(statuses: $s) { person { id } } }
              }
            }
            """;
        foreach (var status in new[] { "EXCUSED", "PRESENT", "EXCUSED", "PRESENT" })
        {
            var nodes = (await Coordinator.QueryAsync(Query, new { s = new[] { status } })).EnsureNoErrors()
                .At("meetings.nodes")!.AsArray().Select(n => n!.AsObject()).ToList();
            Assert.NotEmpty(nodes);
            foreach (var node in nodes)
            {
                Assert.Equal(["title", "organizer", "t", "attendance"], node.Select(p => p.Key));
                Assert.Equal(node["title"]!.GetValue<string>(), node["t"]!.GetValue<string>());
                if (node["organizer"] is JsonObject organizer)
                {
                    Assert.Equal(["name", "id"], organizer.Select(p => p.Key));
                }

                foreach (var attendance in node["attendance"]!.AsArray().Select(a => a!.AsObject()))
                {
                    Assert.Equal(["status", "person"], attendance.Select(p => p.Key));
                    Assert.Equal(status, attendance["status"]!.GetValue<string>());
                }
            }

            Assert.Contains(nodes, n => n["attendance"]!.AsArray().Count > 0);
        }
    }

    [Fact]
    public async Task Fragments_on_an_abstract_type_collect_the_fields_of_each_object_type()
    {
        var meeting = (await Coordinator.QueryAsync("{ meetings(first: 1) { nodes { id title } } }")).EnsureNoErrors();
        var organization = (await Coordinator.QueryAsync("{ organizations(first: 1) { nodes { id name } } }"))
            .EnsureNoErrors();
        const string Query = """
            query($ids: [ID!]!) {
              nodes(ids: $ids) { id ... on Meeting { title } ... on Organization { name acronym } }
            }
            """;
        var ids = new[] { meeting.String("meetings.nodes[0].id"), organization.String("organizations.nodes[0].id") };
        foreach (var order in new[] { ids, ids.Reverse().ToArray(), ids })
        {
            var nodes = (await Coordinator.QueryAsync(Query, new { ids = order })).EnsureNoErrors()
                .At("nodes")!.AsArray().Select(n => n!.AsObject()).ToList();
            Assert.Equal(order, nodes.Select(n => n["id"]!.GetValue<string>()));
            var byId = nodes.ToDictionary(n => n["id"]!.GetValue<string>());
            Assert.Equal(["id", "title"], byId[ids[0]!].Select(p => p.Key));
            Assert.Equal(meeting.String("meetings.nodes[0].title"), byId[ids[0]!]["title"]!.GetValue<string>());
            Assert.Equal(["id", "name", "acronym"], byId[ids[1]!].Select(p => p.Key));
            Assert.Equal(
                organization.String("organizations.nodes[0].name"), byId[ids[1]!]["name"]!.GetValue<string>());
        }
    }
}
